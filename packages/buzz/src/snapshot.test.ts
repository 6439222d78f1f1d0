import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpikeDetector } from './detector.js';
import type { DetectorOptions } from './options.js';
import { simulateCounts } from './simulate/poisson-series.js';
import { readSnapshot } from './snapshot.js';
import { BuzzInputError } from './types.js';

function twoWeeks(bucketSeconds: number, mean: number, seed: number) {
  const perDay = 86_400 / bucketSeconds;
  const cut = 14 * perDay + 5;
  const series = simulateCounts({
    seed,
    buckets: cut + 3 * perDay,
    bucketSeconds,
    meanPerBucket: mean,
    bursts: [{ start: cut + perDay, buckets: 6, factor: 10 }],
  });
  const detector = new SpikeDetector({ bucketSeconds });
  for (const point of series.slice(0, cut)) detector.update(point.ms, point.count);
  return { detector, continuation: series.slice(cut) };
}

describe('snapshot and restore', () => {
  it.each([
    [3600, 2, 1],
    [3600, 0.5, 2],
    [3600, 20, 3],
    [300, 2, 4],
    [86_400, 30, 5],
  ])(
    'a restored detector (bucket %s s, mean %s) goes on exactly like the original',
    (bucketSeconds, mean, seed) => {
      const { detector, continuation } = twoWeeks(bucketSeconds, mean, seed);
      const restored = SpikeDetector.restore(JSON.parse(JSON.stringify(detector.snapshot())));
      expect(restored.options).toEqual(detector.options);
      let raised = 0;
      for (const point of continuation) {
        const a = detector.update(point.ms, point.count);
        const b = restored.update(point.ms, point.count);
        expect(b).toEqual(a);
        if (a.level !== 'normal') raised++;
      }
      expect(detector.snapshot()).toEqual(restored.snapshot());
      if (bucketSeconds < 86_400) expect(raised).toBeGreaterThan(0);
    },
  );

  it('restores a snapshot taken before any point', () => {
    const fresh = new SpikeDetector({ bucketSeconds: 300, timeZone: 'UTC' });
    const snapshot = fresh.snapshot();
    expect(snapshot.lastMs).toBeNull();
    const restored = SpikeDetector.restore(JSON.parse(JSON.stringify(snapshot)));
    const series = simulateCounts({ seed: 8, buckets: 500, bucketSeconds: 300, meanPerBucket: 1 });
    for (const point of series)
      expect(restored.update(point.ms, point.count)).toEqual(fresh.update(point.ms, point.count));
  });

  it('keeps late points late after a restore', () => {
    const { detector, continuation } = twoWeeks(3600, 2, 6);
    const restored = SpikeDetector.restore(JSON.parse(JSON.stringify(detector.snapshot())));
    const last = (continuation[0]?.ms ?? 0) - 3_600_000;
    expect(restored.update(last, 3).late).toBe(true);
  });
});

describe('restore rejects malformed snapshots', () => {
  const { detector } = twoWeeks(3600, 2, 7);
  const good = JSON.parse(JSON.stringify(detector.snapshot())) as Record<string, unknown>;

  function mutate(change: (copy: Record<string, unknown>) => void): unknown {
    const copy = structuredClone(good);
    change(copy);
    return copy;
  }

  const cases: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', JSON.stringify(good)],
    ['an array', [good]],
    ['an empty object', {}],
    ['another version', mutate((s) => (s.version = 3))],
    ['version 0', mutate((s) => (s.version = 0))],
    ['a version as a string', mutate((s) => (s.version = '1'))],
    ['no version', mutate((s) => delete s.version)],
    ['no options', mutate((s) => delete s.options)],
    ['options as an array', mutate((s) => (s.options = []))],
    ['an unknown time zone', mutate((s) => ((s.options as Record<string, unknown>).timeZone = 'Mars'))],
    ['a missing time zone', mutate((s) => delete (s.options as Record<string, unknown>).timeZone)],
    ['a negative bucket', mutate((s) => ((s.options as Record<string, unknown>).bucketSeconds = -1))],
    ['a bucket as a string', mutate((s) => ((s.options as Record<string, unknown>).bucketSeconds = '3600'))],
    [
      'alert below watch',
      mutate((s) =>
        Object.assign(s.options as object, { watchSurprise: 6, alertSurprise: 5, calmSurprise: 2 }),
      ),
    ],
    [
      'a weekly bucket with daily and weekly rhythms',
      mutate((s) => ((s.options as Record<string, unknown>).bucketSeconds = 7 * 86_400)),
    ],
    ['no points', mutate((s) => delete s.points)],
    ['points as the string NaN', mutate((s) => (s.points = 'NaN'))],
    ['negative points', mutate((s) => (s.points = -1))],
    ['level null (NaN once serialised)', mutate((s) => (s.level = null))],
    ['level as a string', mutate((s) => (s.level = '3'))],
    ['lastMs as a string', mutate((s) => (s.lastMs = 'NaN'))],
    ['deviation too short', mutate((s) => (s.deviation = [1, 2, 3]))],
    ['deviation with a null', mutate((s) => ((s.deviation as unknown[])[1] = null))],
    ['usual not an array', mutate((s) => (s.usual = { 0: 1 }))],
    ['recentCounts too long', mutate((s) => (s.recentCounts as unknown[]).push(0))],
    ['recentCounts with a string', mutate((s) => ((s.recentCounts as unknown[])[0] = 'NaN'))],
    ['recentExpected too short', mutate((s) => (s.recentExpected as unknown[]).pop())],
    ['ringHead negative', mutate((s) => (s.ringHead = -1))],
    ['ringHead at the capacity', mutate((s) => (s.ringHead = 36))],
    ['ringHead fractional', mutate((s) => (s.ringHead = 1.5))],
    ['ringHead null', mutate((s) => (s.ringHead = null))],
    ['no window sums', mutate((s) => delete s.windowSums)],
    ['window sums too short', mutate((s) => ((s.windowSums as Record<string, unknown>).observed = [1]))],
    ['daily missing', mutate((s) => delete s.daily)],
    ['daily null with an hourly bucket', mutate((s) => (s.daily = null))],
    ['daily with 23 slots', mutate((s) => (s.daily as Record<string, unknown[]>).seen?.pop())],
    [
      'weekly predicted with NaN',
      mutate((s) => ((s.weekly as Record<string, unknown[]>).predicted = Array(7).fill(null))),
    ],
    ['tails too short', mutate((s) => (s.tails as unknown[]).pop())],
    ['a tail too short', mutate((s) => ((s.tails as unknown[])[2] = [1, 2]))],
    ['a negative tail', mutate((s) => ((s.tails as unknown[])[0] = [1, -1, 0]))],
    ['no tails', mutate((s) => delete s.tails)],
    ['no long windows', mutate((s) => delete s.long)],
    ['long counts too short', mutate((s) => (s.long as Record<string, unknown[]>).counts?.pop())],
    ['long head out of range', mutate((s) => ((s.long as Record<string, unknown>).head = 24))],
    ['long partial negative', mutate((s) => ((s.long as Record<string, unknown>).partial = [-1, 0, 0]))],
    [
      'long partial with more buckets than a block',
      mutate((s) => ((s.long as Record<string, unknown>).partial = [0, 0, 1])),
    ],
    ['an excursion flag of 2', mutate((s) => ((s.excursion as unknown[])[0] = 2))],
    ['recentOnsets negative', mutate((s) => (s.recentOnsets = -1))],
    ['no recentOnsets', mutate((s) => delete s.recentOnsets)],
    ['budgetMs as a string', mutate((s) => (s.budgetMs = '0'))],
    ['an unknown surge level', mutate((s) => (s.surgeLevel = 'panic'))],
    ['a surge level in capitals', mutate((s) => (s.surgeLevel = 'ALERT'))],
    ['surgePeak negative', mutate((s) => (s.surgePeak = -1))],
    ['calmSinceMs as the string NaN', mutate((s) => (s.calmSinceMs = 'NaN'))],
  ];

  it.each(cases)('rejects %s with a BuzzInputError', (_name, data) => {
    let thrown: unknown;
    try {
      SpikeDetector.restore(data);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BuzzInputError);
  });

  it('rejects in readSnapshot every case whose fault is in one field', () => {
    const detectorLevel = [
      'a weekly bucket with daily and weekly rhythms',
      'daily null with an hourly bucket',
      'long partial with more buckets than a block',
    ];
    for (const [name, data] of cases) {
      if (detectorLevel.includes(name)) continue;
      expect(() => readSnapshot(data), name).toThrow(BuzzInputError);
    }
  });

  it('accepts the unmodified snapshot', () => {
    expect(() => SpikeDetector.restore(structuredClone(good))).not.toThrow();
    expect(readSnapshot(structuredClone(good)).options as DetectorOptions).toEqual(detector.options);
  });
});

describe('version 1 snapshots (before day-long windows and the alarm budget)', () => {
  // Made by the version 1 detector: two weeks of hourly counts, mean 3, seed 11, UTC.
  const v1 = (): Record<string, unknown> =>
    JSON.parse(readFileSync(new URL('./snapshot-v1.fixture.json', import.meta.url), 'utf8'));

  it('are migrated: the learnt level, rhythm and short windows carry over', () => {
    const old = v1();
    const restored = SpikeDetector.restore(old);
    const snapshot = restored.snapshot();
    expect(snapshot.version).toBe(2);
    expect(snapshot.level).toBe(old.level);
    expect(snapshot.daily?.seen).toEqual((old.daily as { seen: number[] }).seen);
    expect(snapshot.recentCounts).toEqual(old.recentCounts);
    expect(snapshot.tails).toHaveLength(7);
    for (const tail of snapshot.tails) expect(tail).toEqual(old.tail);
    expect(snapshot.recentOnsets).toBe(0);
    expect(snapshot.long.counts.every((count) => count === 0)).toBe(true);
  });

  it('give a working detector that still sees a burst', () => {
    const restored = SpikeDetector.restore(v1());
    const start = (restored.snapshot().lastMs as number) + 3_600_000;
    const series = simulateCounts({
      seed: 12,
      buckets: 72,
      bucketSeconds: 3600,
      meanPerBucket: 3,
      startMs: start,
      bursts: [{ start: 40, buckets: 3, factor: 12 }],
    });
    const points = series.map((point) => restored.update(point.ms, point.count));
    expect(points.every((point) => Number.isFinite(point.score))).toBe(true);
    expect(points.slice(40, 43).some((point) => point.onset)).toBe(true);
  });

  it('are still checked: a broken version 1 snapshot is refused, not migrated into nonsense', () => {
    for (const change of [
      (s: Record<string, unknown>) => delete s.tail,
      (s: Record<string, unknown>) => (s.deviation = [1, 2]),
      (s: Record<string, unknown>) => (s.level = 'high'),
      (s: Record<string, unknown>) => delete s.options,
    ]) {
      const broken = v1();
      change(broken);
      expect(() => SpikeDetector.restore(broken)).toThrow(BuzzInputError);
    }
  });

  it('names the supported versions when refusing another', () => {
    const future = { ...v1(), version: 3 };
    expect(() => readSnapshot(future)).toThrow(/version 3 is not supported \(versions 1 and 2 are\)/);
  });
});
