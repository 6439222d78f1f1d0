import { describe, expect, it } from 'vitest';
import { HEALTH_DAYS, healthDaysBetween, occurrenceIn } from './health-calendar.js';

describe('health-awareness calendar', () => {
  it('places the second Thursday of March 2026 on the 12th (Journée nationale de l’audition)', () => {
    expect(occurrenceIn({ kind: 'nth-weekday', month: 3, weekday: 4, nth: 2 }, 2026)).toEqual({
      start: '2026-03-12',
      end: '2026-03-12',
    });
  });

  it('knows February’s last day in leap and common years, and April’s last week', () => {
    expect(occurrenceIn({ kind: 'last-day', month: 2 }, 2028).start).toBe('2028-02-29');
    expect(occurrenceIn({ kind: 'last-day', month: 2 }, 2027).start).toBe('2027-02-28');
    expect(occurrenceIn({ kind: 'last-week', month: 4 }, 2026)).toEqual({
      start: '2026-04-24',
      end: '2026-04-30',
    });
  });

  it('lists November 2026: Mois sans tabac and Movember first, then the days in order', () => {
    const ids = healthDaysBetween('2026-11-01', '2026-11-30').map((day) => day.id);
    expect(ids).toEqual([
      'mois-sans-tabac',
      'movember',
      'diabete',
      'prematurite',
      'antimicrobiens',
      'violences-femmes',
    ]);
  });

  it('crosses years, and has unique ids and names in both languages', () => {
    const around = healthDaysBetween('2026-12-01', '2027-01-31').map((day) => day.id);
    expect(around).toEqual(['sida', 'handicap', 'defi-janvier']);
    expect(new Set(HEALTH_DAYS.map((day) => day.id)).size).toBe(HEALTH_DAYS.length);
    for (const day of HEALTH_DAYS) expect(day.name.fr.length * day.name.en.length).toBeGreaterThan(0);
  });
});
