import { describe, expect, it } from 'vitest';
import { SpikeDetector } from '../detector.js';
import { seededRandom } from './poisson-series.js';
import { runSyntheticChecks } from './synthetic-checks.js';
import { gamma, generateSeries, randomShape, usualRate } from './synthetic-series.js';

const SMALL = { seed: 3, seriesPerCase: 4, bucketSeconds: 3600, minPerHour: 2, maxPerHour: 20 };

describe('synthetic series', () => {
  it('averages the shape’s hourly rate over a week, rhythm included', () => {
    const shape = randomShape(seededRandom(1), 1, 10);
    let sum = 0;
    for (let hour = 0; hour < 7 * 24; hour++)
      sum += usualRate(shape, Date.UTC(2026, 0, 5) + hour * 3_600_000, 3600);
    expect(sum / (7 * 24)).toBeCloseTo(shape.perHour, 1);
  });

  it('draws gamma variables with the right mean (negative-binomial noise)', () => {
    const random = seededRandom(2);
    let sum = 0;
    for (let index = 0; index < 20_000; index++) sum += gamma(4, random);
    expect(sum / 20_000).toBeGreaterThan(3.9);
    expect(sum / 20_000).toBeLessThan(4.1);
  });

  it('marks the rise and multiplies its rate', () => {
    const shape = { perHour: 10, alpha: 0, dailyAmplitude: 0, weekend: 1, phaseHours: 0 };
    const series = generateSeries(seededRandom(4), shape, 400, 3600, { start: 200, buckets: 100, factor: 3 });
    const before = series.counts.slice(100, 200).reduce((a, b) => a + b, 0);
    const during = series.counts.slice(200, 300).reduce((a, b) => a + b, 0);
    expect(series.marked.slice(200, 300).every((mark) => mark === 1)).toBe(true);
    expect(series.marked[199]).toBe(0);
    expect(during / before).toBeGreaterThan(2.5);
    expect(during / before).toBeLessThan(3.5);
  });
});

describe('runSyntheticChecks', () => {
  it('gives every figure, the same for a seed', () => {
    const first = runSyntheticChecks(SMALL);
    expect(runSyntheticChecks(SMALL)).toEqual(first);
    expect(first.rises.map((rise) => [rise.factor, rise.hours])).toEqual([
      [2, 4],
      [2, 8],
      [2, 12],
      [3, 4],
      [3, 8],
      [3, 12],
    ]);
    for (const rise of first.rises) {
      expect(rise.detected).toBeGreaterThanOrEqual(rise.alerted);
      expect(rise.detected).toBeLessThanOrEqual(1);
    }
    expect(first.calmPerMonth.onsets).toBeGreaterThanOrEqual(first.calmPerMonth.alerts);
    expect(first.stormsPerMonth.series).toBe(4);
  });

  it('tells detectors apart: one that never alarms detects nothing and never false-alarms', () => {
    const deaf = runSyntheticChecks(SMALL, { minimumCount: 1e9 });
    expect(deaf.rises.every((rise) => rise.detected === 0)).toBe(true);
    expect(deaf.calmPerMonth.onsets).toBe(0);
    expect(deaf.stormsPerMonth.onsets).toBe(0);
    const normal = runSyntheticChecks(SMALL);
    expect(normal.rises.some((rise) => rise.detected > 0)).toBe(true);
  });
});

describe('the score is separate from the gates', () => {
  it('gives the same scores whatever the thresholds, budget and warm-up', () => {
    const shape = { perHour: 5, alpha: 0.05, dailyAmplitude: 0.8, weekend: 0.7, phaseHours: 0 };
    const series = generateSeries(seededRandom(9), shape, 24 * 30, 3600, undefined, {
      factor: 8,
      buckets: 1,
      perDay: 1,
    });
    const eager = new SpikeDetector({
      timeZone: 'UTC',
      watchSurprise: 2,
      alertSurprise: 2,
      warmUpBuckets: 0,
    });
    const strict = new SpikeDetector({ timeZone: 'UTC', alarmBudgetPerWeek: 0, settleSurprise: 10 });
    let differ = 0;
    for (let index = 0; index < series.times.length; index++) {
      const a = eager.update(series.times[index] as number, series.counts[index] as number);
      const b = strict.update(series.times[index] as number, series.counts[index] as number);
      expect(b.score).toBe(a.score);
      expect(b.surprise).toBe(a.surprise);
      if (a.onset !== b.onset) differ++;
    }
    // The gates themselves did differ: same scores, different alarms.
    expect(differ).toBeGreaterThan(0);
  });

  it('catches a sustained 2.5× rise over 10 hours in five-minute buckets, through a day-long window', () => {
    const shape = { perHour: 6, alpha: 0, dailyAmplitude: 0, weekend: 1, phaseHours: 0 };
    const start = 28 * 288 + 100;
    const series = generateSeries(seededRandom(21), shape, start + 120, 300, {
      start,
      buckets: 120,
      factor: 2.5,
    });
    const detector = new SpikeDetector({ bucketSeconds: 300, timeZone: 'UTC' });
    const onsets: string[] = [];
    for (let index = 0; index < series.times.length; index++) {
      const point = detector.update(series.times[index] as number, series.counts[index] as number);
      if (point.onset && index >= start) onsets.push(point.explanation?.en ?? '');
    }
    expect(onsets.length).toBeGreaterThan(0);
  });
});
