/**
 * Acceptance tests of the low-volume behaviour the product needs: few false alerts on quiet
 * series, fast alerts on a real surge. Every series is seeded; each case runs 14 days of
 * history before the measured month.
 */
import { describe, expect, it } from 'vitest';
import { SpikeDetector } from './detector.js';
import { seededRandom, simulateCounts } from './simulate/poisson-series.js';

const HISTORY_DAYS = 14;
const MONTH_DAYS = 30;
const SEEDS = Array.from({ length: 30 }, (_, index) => index + 1);

/** Onsets at level alert within the measured month of a burst-free series. */
function falseAlerts(seed: number, meanPerBucket: number, bucketSeconds: number): number {
  const perDay = 86_400 / bucketSeconds;
  const history = HISTORY_DAYS * perDay;
  const series = simulateCounts({
    seed,
    buckets: history + MONTH_DAYS * perDay,
    bucketSeconds,
    meanPerBucket,
  });
  const detector = new SpikeDetector({ bucketSeconds });
  let alerts = 0;
  series.forEach((point, index) => {
    const result = detector.update(point.ms, point.count);
    if (index >= history && result.onset && result.level === 'alert') alerts++;
  });
  return alerts;
}

describe('low volume: at most one false alert per simulated month, for every seed', () => {
  it.each([
    [0.125, 3600],
    [0.5, 3600],
    [2, 3600],
    [20, 3600],
    [0.5, 300],
    [2, 300],
  ])('mean %s per bucket, %s-second buckets, seeds 1–30', (mean, bucketSeconds) => {
    const counts = SEEDS.map((seed) => falseAlerts(seed, mean, bucketSeconds));
    expect(Math.max(...counts), `false alerts per seed: ${counts.join(',')}`).toBeLessThanOrEqual(1);
  });
});

describe('low volume: a burst of 10× the mean rate for 6 buckets is an alert within 3 buckets', () => {
  it.each([2, 5])('hourly mean %s, seeds 1–30, burst at a seeded time of the month', (mean) => {
    for (const seed of SEEDS) {
      const history = HISTORY_DAYS * 24;
      const month = MONTH_DAYS * 24;
      const random = seededRandom(seed * 7919 + 1);
      const start = history + Math.floor(random() * (month - 48));
      const series = simulateCounts({
        seed,
        buckets: history + month,
        bucketSeconds: 3600,
        meanPerBucket: mean,
        bursts: [{ start, buckets: 6, factor: 10 }],
      });
      const detector = new SpikeDetector();
      let delay = -1;
      let before = '';
      series.forEach((point, index) => {
        const result = detector.update(point.ms, point.count);
        if (index === start - 1) before = result.level;
        if (index >= start && index < start + 6 && delay < 0 && result.level === 'alert')
          delay = index - start;
      });
      expect(before, `seed ${seed}: level before the burst`).toBe('normal');
      expect(delay, `seed ${seed}: burst at bucket ${start}`).toBeGreaterThanOrEqual(0);
      expect(delay, `seed ${seed}: burst at bucket ${start}`).toBeLessThanOrEqual(2);
    }
  });
});

describe('low volume: a quiet hospital', () => {
  it('3 mentions a day, then 30 in one hour: that very bucket is an alert (seeds 1–30, any hour)', () => {
    for (const seed of SEEDS) {
      const history = 21 * 24;
      const hour = seed % 24;
      const series = simulateCounts({
        seed,
        buckets: history + hour + 1,
        bucketSeconds: 3600,
        meanPerBucket: 3 / 24,
      });
      const detector = new SpikeDetector();
      let last = detector.update(series[0]?.ms ?? 0, series[0]?.count ?? 0);
      series.slice(1).forEach((point, index) => {
        last = detector.update(point.ms, index + 1 === history + hour ? 30 : point.count);
      });
      expect(last.level, `seed ${seed}`).toBe('alert');
      expect(last.onset, `seed ${seed}`).toBe(true);
      expect(last.explanation?.fr).toContain('30 mentions en 1 h');
    }
  });
});
