import { SpikeDetector } from '../detector.js';
import type { DetectorOptions } from '../options.js';
import { seededRandom } from './poisson-series.js';
import { generateSeries, randomShape, type SyntheticSeries } from './synthetic-series.js';

/**
 * The detector's synthetic checks: many seeded series with a daily and weekly rhythm and
 * Poisson or negative-binomial noise, on which four things are counted.
 *  - Sustained rises (2× and 3× the usual rate, lasting 4, 8 or 12 hours, starting at a random
 *    hour after three to five weeks of history): detected when a surge opens (an onset) inside
 *    the rise.
 *  - Calm series: onsets per series-month after the first week (false alerts).
 *  - The first week of calm series: onsets per series (over-prediction while learning).
 *  - Series with a short retweet storm about once a day: onsets per series-month after the
 *    first week (each storm is ordinary for that series; every onset is a person disturbed).
 * Nothing here depends on time or speed: the figures are counts, the same for a seed.
 */
export interface SyntheticCheckSettings {
  readonly seed: number;
  /** Series per rise case (six cases), and calm and storm series each. */
  readonly seriesPerCase: number;
  readonly bucketSeconds: number;
  /** Mean mentions per hour are drawn log-uniformly between these. */
  readonly minPerHour: number;
  readonly maxPerHour: number;
}

export const DEFAULT_SYNTHETIC_SETTINGS: SyntheticCheckSettings = {
  seed: 20_260_105,
  seriesPerCase: 200,
  bucketSeconds: 3600,
  minPerHour: 0.5,
  maxPerHour: 20,
};

export interface RiseFigure {
  readonly factor: number;
  readonly hours: number;
  readonly series: number;
  /** Share of rises with an onset (watch or alert) inside them. */
  readonly detected: number;
  /** Share of rises with an onset at alert level inside them. */
  readonly alerted: number;
  /** Median hours from the rise's start to its first onset, among detected rises. */
  readonly medianDelayHours: number;
}

export interface RateFigure {
  readonly series: number;
  /** Onsets (watch or alert). */
  readonly onsets: number;
  /** Onsets at alert level. */
  readonly alerts: number;
}

export interface SyntheticCheckResult {
  readonly settings: SyntheticCheckSettings;
  readonly rises: readonly RiseFigure[];
  /** Per series-month (30 days) after the first week. */
  readonly calmPerMonth: RateFigure;
  /** Per series, in the first seven days. */
  readonly firstWeekPerSeries: RateFigure;
  /** Per series-month after the first week, on series with about one storm a day. */
  readonly stormsPerMonth: RateFigure;
}

const RISE_FACTORS = [2, 3] as const;
const RISE_HOURS = [4, 8, 12] as const;
const CALM_DAYS = 63;

export function runSyntheticChecks(
  settings: SyntheticCheckSettings = DEFAULT_SYNTHETIC_SETTINGS,
  options: Partial<DetectorOptions> = {},
): SyntheticCheckResult {
  const { bucketSeconds } = settings;
  const perDay = Math.round(86_400 / bucketSeconds);
  const perHour = 3600 / bucketSeconds;
  const detectorOptions = { ...options, bucketSeconds, timeZone: 'UTC' as const };
  const random = seededRandom(settings.seed);
  const shape = () => randomShape(random, settings.minPerHour, settings.maxPerHour);

  const rises: RiseFigure[] = [];
  for (const factor of RISE_FACTORS) {
    for (const hours of RISE_HOURS) {
      let detected = 0;
      let alerted = 0;
      const delays: number[] = [];
      for (let index = 0; index < settings.seriesPerCase; index++) {
        const start = Math.floor((21 + 14 * random()) * perDay);
        const buckets = Math.round(hours * perHour);
        const series = generateSeries(random, shape(), start + buckets + perDay, bucketSeconds, {
          start,
          buckets,
          factor,
        });
        const detector = new SpikeDetector(detectorOptions);
        let first = -1;
        let alert = false;
        for (let bucket = 0; bucket < start + buckets; bucket++) {
          const point = detector.update(series.times[bucket] as number, series.counts[bucket] as number);
          if (bucket < start || !point.onset) continue;
          if (first < 0) first = bucket;
          if (point.level === 'alert') alert = true;
        }
        if (first >= 0) {
          detected++;
          delays.push((first - start + 1) / perHour);
        }
        if (alert) alerted++;
      }
      rises.push({
        factor,
        hours,
        series: settings.seriesPerCase,
        detected: detected / settings.seriesPerCase,
        alerted: alerted / settings.seriesPerCase,
        medianDelayHours: median(delays),
      });
    }
  }

  const calmMonths = ((CALM_DAYS - 7) * settings.seriesPerCase) / 30;
  const calm = { onsets: 0, alerts: 0 };
  const firstWeek = { onsets: 0, alerts: 0 };
  for (let index = 0; index < settings.seriesPerCase; index++) {
    const series = generateSeries(random, shape(), CALM_DAYS * perDay, bucketSeconds);
    countOnsets(series, detectorOptions, 7 * perDay, firstWeek, calm);
  }
  const storms = { onsets: 0, alerts: 0 };
  const ignored = { onsets: 0, alerts: 0 };
  for (let index = 0; index < settings.seriesPerCase; index++) {
    const series = generateSeries(random, shape(), CALM_DAYS * perDay, bucketSeconds, undefined, {
      factor: 8,
      buckets: Math.max(1, Math.round(1800 / bucketSeconds)),
      perDay: 1,
    });
    countOnsets(series, detectorOptions, 7 * perDay, ignored, storms);
  }

  return {
    settings,
    rises,
    calmPerMonth: {
      series: settings.seriesPerCase,
      onsets: calm.onsets / calmMonths,
      alerts: calm.alerts / calmMonths,
    },
    firstWeekPerSeries: {
      series: settings.seriesPerCase,
      onsets: firstWeek.onsets / settings.seriesPerCase,
      alerts: firstWeek.alerts / settings.seriesPerCase,
    },
    stormsPerMonth: {
      series: settings.seriesPerCase,
      onsets: storms.onsets / calmMonths,
      alerts: storms.alerts / calmMonths,
    },
  };
}

function countOnsets(
  series: SyntheticSeries,
  options: Partial<DetectorOptions>,
  split: number,
  before: { onsets: number; alerts: number },
  after: { onsets: number; alerts: number },
): void {
  const detector = new SpikeDetector(options);
  for (let bucket = 0; bucket < series.times.length; bucket++) {
    const point = detector.update(series.times[bucket] as number, series.counts[bucket] as number);
    if (!point.onset) continue;
    const tally = bucket < split ? before : after;
    tally.onsets++;
    if (point.level === 'alert') tally.alerts++;
  }
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
