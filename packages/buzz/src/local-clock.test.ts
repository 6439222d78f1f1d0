import { describe, expect, it } from 'vitest';
import { LocalClock } from './local-clock.js';
import { seededRandom } from './simulate/poisson-series.js';

const HOUR = 3_600_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const PARIS_HOUR = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: 'numeric',
  hourCycle: 'h23',
});
const PARIS_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', weekday: 'short' });

function intlHour(ms: number): number {
  const part = PARIS_HOUR.formatToParts(new Date(ms)).find((p) => p.type === 'hour');
  return Number(part?.value);
}

function intlDay(ms: number): number {
  return WEEKDAYS.indexOf(PARIS_DAY.format(new Date(ms)));
}

describe('LocalClock Europe/Paris', () => {
  it('switches to summer time at 01:00 UTC on 29 March 2026', () => {
    const clock = new LocalClock('Europe/Paris');
    const switchMs = Date.UTC(2026, 2, 29, 1);
    expect(clock.hour(switchMs - HOUR)).toBe(1); // 00:00 UTC = 01:00 CET
    expect(clock.hour(switchMs - 1)).toBe(1);
    expect(clock.hour(switchMs)).toBe(3); // 02:00 does not exist
    expect(clock.hour(switchMs + HOUR)).toBe(4);
    expect(clock.localMs(switchMs) - switchMs).toBe(2 * HOUR);
    expect(clock.localMs(switchMs - 1) - (switchMs - 1)).toBe(HOUR);
    expect(clock.day(switchMs)).toBe(0);
  });

  it('switches back to winter time at 01:00 UTC on 25 October 2026', () => {
    const clock = new LocalClock('Europe/Paris');
    const switchMs = Date.UTC(2026, 9, 25, 1);
    expect(clock.hour(switchMs - HOUR)).toBe(2); // 00:00 UTC = 02:00 CEST
    expect(clock.hour(switchMs - 1)).toBe(2);
    expect(clock.hour(switchMs)).toBe(2); // 02:00 happens twice
    expect(clock.hour(switchMs + HOUR)).toBe(3);
    expect(clock.day(switchMs)).toBe(0);
    expect(clock.day(Date.UTC(2026, 9, 25, 22, 59))).toBe(0); // 23:59 Sunday
    expect(clock.day(Date.UTC(2026, 9, 25, 23))).toBe(1); // Monday 00:00
  });

  it('agrees with Intl hour by hour across both 2026 switches, in both directions', () => {
    const clock = new LocalClock('Europe/Paris');
    const hours: number[] = [];
    for (const centre of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let h = -72; h <= 72; h++) hours.push(centre + h * HOUR);
    }
    for (const ms of [...hours, ...hours.slice().reverse()]) {
      expect(clock.hour(ms), new Date(ms).toISOString()).toBe(intlHour(ms));
      expect(clock.day(ms), new Date(ms).toISOString()).toBe(intlDay(ms));
    }
  });

  it('agrees with Intl on 3000 random timestamps from 1996 to 2090', () => {
    const clock = new LocalClock('Europe/Paris');
    const random = seededRandom(2026);
    const from = Date.UTC(1996, 0, 1);
    const to = Date.UTC(2090, 0, 1);
    for (let i = 0; i < 3000; i++) {
      const ms = Math.floor(from + random() * (to - from));
      expect(clock.hour(ms), new Date(ms).toISOString()).toBe(intlHour(ms));
      expect(clock.day(ms), new Date(ms).toISOString()).toBe(intlDay(ms));
    }
  });

  it('agrees with Intl around every switch from 1996 to 2090', () => {
    const clock = new LocalClock('Europe/Paris');
    for (let year = 1996; year < 2090; year++) {
      for (const month of [2, 9]) {
        const last = Date.UTC(year, month + 1, 0, 1);
        const switchMs = last - new Date(last).getUTCDay() * 86_400_000;
        for (const ms of [switchMs - HOUR, switchMs - 1, switchMs, switchMs + HOUR]) {
          expect(clock.hour(ms), new Date(ms).toISOString()).toBe(intlHour(ms));
        }
      }
    }
  });

  it('handles timestamps before 1970', () => {
    const clock = new LocalClock('Europe/Paris');
    const ms = Date.UTC(1969, 11, 31, 22, 30); // Wednesday 23:30 in Paris
    expect(clock.hour(ms)).toBe(23);
    expect(clock.day(ms)).toBe(3);
  });
});

describe('LocalClock UTC', () => {
  it('is the UTC hour and day, 0 = Sunday', () => {
    const clock = new LocalClock('UTC');
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const ms = Math.floor(Date.UTC(1950, 0, 1) + random() * 200 * 365 * 86_400_000);
      expect(clock.hour(ms)).toBe(new Date(ms).getUTCHours());
      expect(clock.day(ms)).toBe(new Date(ms).getUTCDay());
      expect(clock.localMs(ms)).toBe(ms);
    }
    expect(clock.day(Date.UTC(2026, 0, 4, 12))).toBe(0); // a Sunday
    expect(clock.day(Date.UTC(2026, 0, 10, 23, 59))).toBe(6); // a Saturday
    expect(clock.day(0)).toBe(4); // 1970-01-01 was a Thursday
  });
});
