import { describe, expect, it } from 'vitest';
import { SpikeDetector } from './detector.js';
import { seededRandom, simulateCounts } from './simulate/poisson-series.js';
import { BuzzInputError, type BuzzPoint } from './types.js';

const HOUR = 3_600_000;
const DAYS_FR = /dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi/;

function warmed(seed = 1, days = 14, mean = 3): { detector: SpikeDetector; nextMs: number } {
  const series = simulateCounts({ seed, buckets: days * 24, bucketSeconds: 3600, meanPerBucket: mean });
  const detector = new SpikeDetector();
  for (const point of series) detector.update(point.ms, point.count);
  return { detector, nextMs: (series.at(-1)?.ms ?? 0) + HOUR };
}

describe('SpikeDetector input checks', () => {
  const badCounts: unknown[] = [Number.NaN, -1, -0.5, Number.POSITIVE_INFINITY, '5', null, undefined, 5n];
  it.each(badCounts.map((count) => [String(count), count]))(
    'rejects the count %s with a BuzzInputError and keeps its state',
    (_name, count) => {
      const { detector, nextMs } = warmed();
      const before = detector.snapshot();
      expect(() => detector.update(nextMs, count as number)).toThrow(BuzzInputError);
      expect(detector.snapshot()).toEqual(before);
      // Still usable afterwards.
      expect(detector.update(nextMs, 3).late).toBe(false);
    },
  );

  const badTimes: unknown[] = [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    new Date('not a date'),
    '2026-01-05T00:00:00Z',
    null,
    undefined,
  ];
  it.each(badTimes.map((time) => [String(time), time]))(
    'rejects the time %s with a BuzzInputError and keeps its state',
    (_name, time) => {
      const { detector } = warmed();
      const before = detector.snapshot();
      expect(() => detector.update(time as number, 3)).toThrow(BuzzInputError);
      expect(detector.snapshot()).toEqual(before);
    },
  );

  it('accepts a Date as well as epoch milliseconds, with the same result', () => {
    const a = warmed(4);
    const b = warmed(4);
    expect(a.detector.update(new Date(a.nextMs), 7)).toEqual(b.detector.update(b.nextMs, 7));
  });
});

describe('SpikeDetector late points and gaps', () => {
  it('judges a repeated or older point as late without learning from it', () => {
    const { detector, nextMs } = warmed(2);
    const last = nextMs - HOUR;
    const before = detector.snapshot();
    const repeated = detector.update(last, 40);
    expect(repeated.late).toBe(true);
    expect(repeated.level).toBe('normal');
    expect(repeated.onset).toBe(false);
    expect(repeated.explanation).toBeUndefined();
    expect(repeated.surprise).toBeGreaterThan(0);
    expect(repeated.score).toBeGreaterThan(0);
    expect(repeated.score).toBeLessThan(1);
    expect(detector.snapshot()).toEqual(before);
  });

  it('leaves the whole state untouched (rhythm caches included) through out-of-order points', () => {
    const { detector, nextMs } = warmed(3);
    const before = detector.snapshot();
    for (const back of [2, 5, 30, 24 * 7]) {
      const point = detector.update(nextMs - back * HOUR, 25);
      expect(point.late).toBe(true);
      expect(point.onset).toBe(false);
    }
    expect(detector.snapshot()).toEqual(before);
    // And what follows is exactly what would have followed without them.
    const twin = SpikeDetector.restore(before);
    for (let hour = 0; hour < 48; hour++) {
      expect(detector.update(nextMs + hour * HOUR, 3 + (hour % 4))).toEqual(
        twin.update(nextMs + hour * HOUR, 3 + (hour % 4)),
      );
    }
  });

  it('accepts missing buckets and goes on judging', () => {
    const detector = new SpikeDetector();
    const random = seededRandom(9);
    let ms = Date.UTC(2026, 0, 5);
    for (let i = 0; i < 24 * 21; i++) {
      ms += HOUR * (random() < 0.15 ? 1 + Math.floor(random() * 60) : 1);
      const point = detector.update(ms, Math.floor(random() * 6));
      expect(point.late).toBe(false);
      expect(Number.isFinite(point.expected)).toBe(true);
    }
    expect(detector.snapshot().points).toBe(24 * 21);
  });

  it('treats buckets lost in a gap as unknown, not as zero', () => {
    const { detector, nextMs } = warmed(5, 14, 4);
    // After a three-day outage a normal count is not a surge, and neither is zero.
    const after = detector.update(nextMs + 72 * HOUR, 4);
    expect(after.level).toBe('normal');
    expect(after.surprise).toBeLessThan(2);
  });
});

describe('SpikeDetector surges', () => {
  it('raises one alert for one surge (3 weeks of hourly history, then 10× the mean for 6 hours)', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const history = 21 * 24;
      const series = simulateCounts({
        seed,
        buckets: history + 48,
        bucketSeconds: 3600,
        meanPerBucket: 2,
        bursts: [{ start: history, buckets: 6, factor: 10 }],
      });
      const detector = new SpikeDetector();
      const points = series.map((point) => detector.update(point.ms, point.count));
      const alertOnsets = points
        .map((point, index) => ({ point, index }))
        .filter(({ point, index }) => index >= history && point.onset && point.level === 'alert');
      expect(alertOnsets.length, `seed ${seed}`).toBe(1);
      expect(alertOnsets[0]?.index, `seed ${seed}`).toBeLessThan(history + 6);
      // The alert holds through the burst.
      for (let index = (alertOnsets[0]?.index ?? 0) + 1; index < history + 6; index++) {
        expect(points[index]?.level).toBe('alert');
      }
    }
  });

  it('raises nothing during warm-up, even a huge burst, but still scores', () => {
    const detector = new SpikeDetector({ warmUpBuckets: 24 });
    const start = Date.UTC(2026, 0, 5);
    const points: BuzzPoint[] = [];
    for (let i = 0; i < 24; i++) points.push(detector.update(start + i * HOUR, i === 12 ? 500 : 2));
    expect(points.every((point) => point.level === 'normal' && !point.onset)).toBe(true);
    expect(points.every((point) => point.explanation === undefined)).toBe(true);
    expect(points[12]?.surprise).toBeGreaterThan(5);
  });

  it('explains every point that is not normal, in French and in English', () => {
    const history = 21 * 24;
    const series = simulateCounts({
      seed: 12,
      buckets: history + 24,
      bucketSeconds: 3600,
      meanPerBucket: 3,
      bursts: [{ start: history + 5, buckets: 6, factor: 10 }],
    });
    const detector = new SpikeDetector();
    let raised = 0;
    for (const point of series) {
      const result = detector.update(point.ms, point.count);
      if (result.level === 'normal') {
        expect(result.explanation).toBeUndefined();
        continue;
      }
      raised++;
      expect(result.explanation?.fr).toContain('fois le volume habituel');
      expect(result.explanation?.fr).toMatch(DAYS_FR);
      expect(result.explanation?.fr).toMatch(/^(Alerte|À surveiller) : /);
      expect(result.explanation?.en).toMatch(/times the usual volume for a \w+day/);
    }
    expect(raised).toBeGreaterThanOrEqual(6);
  });

  // A second surge 2.5 days after the first is alerted for 4 seeds out of 10 only: see the report.
  it('cools down and alerts again for a second surge four days later', () => {
    const history = 21 * 24;
    const series = simulateCounts({
      seed: 21,
      buckets: history + 130,
      bucketSeconds: 3600,
      meanPerBucket: 3,
      bursts: [
        { start: history, buckets: 4, factor: 10 },
        { start: history + 96, buckets: 4, factor: 10 },
      ],
    });
    const detector = new SpikeDetector();
    const points = series.map((point) => detector.update(point.ms, point.count));
    const onsets = points.flatMap((point, index) =>
      index >= history && point.onset && point.level === 'alert' ? [index - history] : [],
    );
    expect(onsets).toHaveLength(2);
    expect(onsets[1]).toBeGreaterThanOrEqual(96);
    expect(onsets[1]).toBeLessThan(100);
    expect(points[history + 90]?.level).toBe('normal');
  });

  it('keeps the score in [0, 1] and the expectation finite and non-negative on random input (counts up to 100 000)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const bucketSeconds = [60, 300, 3600, 86_400][seed % 4] as number;
      const detector = new SpikeDetector({
        bucketSeconds,
        timeZone: seed % 2 === 0 ? 'UTC' : 'Europe/Paris',
      });
      let ms = Date.UTC(2020, 0, 1) + Math.floor(random() * 1e10);
      for (let i = 0; i < 1500; i++) {
        const step =
          random() < 0.05 ? -Math.floor(random() * 10) : random() < 0.1 ? 1 + Math.floor(random() * 40) : 1;
        ms += step * bucketSeconds * 1000;
        const kind = random();
        // Quiet, busy and bursty counts, fractional ones included, up to a billion.
        const count =
          kind < 0.6
            ? Math.floor(random() * 5 * random())
            : kind < 0.9
              ? random() * 100
              : Math.floor(10 ** (9 * random()));
        const point = detector.update(ms, count);
        const where = `seed ${seed} point ${i} count ${count}`;
        expect(point.score, where).toBeGreaterThanOrEqual(0);
        expect(point.score, where).toBeLessThanOrEqual(1);
        expect(Number.isFinite(point.expected), where).toBe(true);
        expect(point.expected, where).toBeGreaterThanOrEqual(0);
        expect(point.surprise, where).toBeGreaterThanOrEqual(0);
        expect(Number.isNaN(point.ratio), where).toBe(false);
        expect(['normal', 'watch', 'alert']).toContain(point.level);
      }
    }
  });

  it('stays finite when counts jump between a few and a billion, and at the largest count accepted', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const random = seededRandom(seed);
      const detector = new SpikeDetector({ bucketSeconds: 300 });
      const start = Date.UTC(2026, 0, 1);
      for (let i = 0; i < 5000; i++) {
        const count = random() < 0.5 ? 2 : Math.floor(10 ** (6 + 3 * random()));
        const point = detector.update(start + i * 300_000, count);
        expect(Number.isFinite(point.expected), `seed ${seed} point ${i}`).toBe(true);
        expect(Number.isNaN(point.score), `seed ${seed} point ${i}`).toBe(false);
      }
      const last = detector.update(start + 5000 * 300_000, 1e12);
      expect(last.score).toBeLessThanOrEqual(1);
      expect(Number.isFinite(last.surprise)).toBe(true);
      expect(() => detector.update(start + 5001 * 300_000, 1e12 + 1)).toThrow(BuzzInputError);
      expect(() => detector.update(start + 5001 * 300_000, Number.MAX_VALUE)).toThrow(BuzzInputError);
    }
  });

  it('scores a surprise of 3 as one half', () => {
    const { detector, nextMs } = warmed(6, 14, 3);
    const point = detector.update(nextMs, 60);
    expect(point.score).toBeCloseTo(point.surprise / (point.surprise + 3), 12);
    expect(point.level).toBe('alert');
    expect(point.onset).toBe(true);
    expect(point.ratio).toBeGreaterThan(5);
  });
});
