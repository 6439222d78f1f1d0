import { SpikeDetector } from '../detector.js';
import { simulateCounts } from '../simulate/poisson-series.js';

export interface BuzzBenchSettings {
  /** Minimum measured time per figure, in milliseconds. */
  readonly minimumMs: number;
  /** Number of series in the many-series figure. */
  readonly seriesCount: number;
}

export const DEFAULT_BUZZ_BENCH_SETTINGS: BuzzBenchSettings = { minimumMs: 3000, seriesCount: 10_000 };

export interface BuzzBenchResult {
  readonly oneSeries: { readonly points: number; readonly pointsPerSecond: number };
  readonly manySeries: { readonly series: number; readonly points: number; readonly pointsPerSecond: number };
  /** Bytes of one detector's snapshot as JSON (what a restart has to reload per series). */
  readonly snapshotBytes: number;
}

const SERIES_LENGTH = 100_000;

/**
 * Points per second on one core, for one series and for many series updated in turn (the
 * server's case: every watched name gets its bucket at the same time, so the detectors' states
 * do not stay in the processor's cache). Each figure runs after a warm-up pass so that the
 * compiler has optimised the detector, and for at least `minimumMs`.
 */
export function runBuzzBench(settings: BuzzBenchSettings = DEFAULT_BUZZ_BENCH_SETTINGS): BuzzBenchResult {
  const simulated = simulateCounts({
    seed: 2026,
    buckets: SERIES_LENGTH,
    bucketSeconds: 300,
    meanPerBucket: 4,
  });
  const times = Float64Array.from(simulated, (point) => point.ms);
  const counts = Float64Array.from(simulated, (point) => point.count);

  let sink = 0;
  const measureOne = (): { points: number; ms: number } => {
    const started = performance.now();
    let points = 0;
    do {
      const detector = new SpikeDetector({ bucketSeconds: 300 });
      for (let index = 0; index < times.length; index++) {
        sink += detector.update(times[index] as number, counts[index] as number).score;
      }
      points += times.length;
    } while (performance.now() - started < settings.minimumMs);
    return { points, ms: performance.now() - started };
  };
  measureOne();
  const one = measureOne();

  const detectors = Array.from(
    { length: settings.seriesCount },
    () => new SpikeDetector({ bucketSeconds: 300 }),
  );
  let step = 0;
  const measureMany = (minimumMs: number): { points: number; ms: number } => {
    const started = performance.now();
    let points = 0;
    do {
      const time = times[step % times.length] as number;
      for (let series = 0; series < detectors.length; series++) {
        const count = counts[(step * 7 + series * 13) % counts.length] as number;
        sink += (detectors[series] as SpikeDetector).update(time, count).score;
      }
      points += detectors.length;
      step++;
    } while (performance.now() - started < minimumMs);
    return { points, ms: performance.now() - started };
  };
  measureMany(Math.min(1000, settings.minimumMs));
  const many = measureMany(settings.minimumMs);
  if (Number.isNaN(sink)) throw new Error('a score was NaN');

  return {
    oneSeries: { points: one.points, pointsPerSecond: (one.points * 1000) / one.ms },
    manySeries: {
      series: settings.seriesCount,
      points: many.points,
      pointsPerSecond: (many.points * 1000) / many.ms,
    },
    snapshotBytes: JSON.stringify((detectors[0] as SpikeDetector).snapshot()).length,
  };
}
