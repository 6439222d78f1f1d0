import { dailyRhythm, poisson } from './poisson-series.js';

/**
 * Seeded synthetic mention series for the detector's synthetic checks: a daily and a weekly
 * rhythm, Poisson or negative-binomial noise, and optional sustained rises or short recurring
 * storms. Everything is drawn from the `random` given, so a seed gives the same series.
 */
export interface SyntheticShape {
  /** Mean mentions per hour over a week. */
  readonly perHour: number;
  /** Overdispersion α of the negative binomial (variance μ + αμ²); 0 is Poisson. */
  readonly alpha: number;
  /** Strength of the daily rhythm, 0 (flat) to 1 (the hospital day of `dailyRhythm`). */
  readonly dailyAmplitude: number;
  /** Saturday and Sunday volume, as a multiple of a weekday's. */
  readonly weekend: number;
  /** Hours the daily rhythm is shifted by. */
  readonly phaseHours: number;
}

export interface SustainedRise {
  readonly start: number;
  readonly buckets: number;
  /** The usual rate is multiplied by this during the rise. */
  readonly factor: number;
}

export interface RecurringStorms {
  /** Storm buckets' rate, as a multiple of the series' mean rate. */
  readonly factor: number;
  readonly buckets: number;
  /** Average storms per day (each day has one with this probability, or more when above 1). */
  readonly perDay: number;
}

export interface SyntheticSeries {
  readonly times: Float64Array;
  readonly counts: Float64Array;
  /** 1 where a rise or a storm is under way, 0 elsewhere. */
  readonly marked: Uint8Array;
}

export const SYNTHETIC_START_MS = Date.UTC(2026, 0, 5);

export function randomShape(random: () => number, minPerHour: number, maxPerHour: number): SyntheticShape {
  const ratio = maxPerHour / minPerHour;
  return {
    perHour: minPerHour * ratio ** random(),
    alpha: random() < 0.5 ? 0 : 0.02 + 0.13 * random(),
    dailyAmplitude: 0.3 + 0.7 * random(),
    weekend: 0.5 + 0.5 * random(),
    phaseHours: Math.floor(random() * 5) - 2,
  };
}

/** The usual rate of the bucket starting at `ms` (mentions per bucket). */
export function usualRate(shape: SyntheticShape, ms: number, bucketSeconds: number): number {
  const date = new Date(ms);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const day = date.getUTCDay();
  const daily = 1 + shape.dailyAmplitude * (dailyRhythm(hour - shape.phaseHours) - 1);
  // Normalised so that a week averages perHour: five weekdays at w, two weekend days at w·weekend.
  const weekday = 7 / (5 + 2 * shape.weekend);
  const weekly = day === 0 || day === 6 ? weekday * shape.weekend : weekday;
  return (shape.perHour * bucketSeconds * daily * weekly) / 3600;
}

export function generateSeries(
  random: () => number,
  shape: SyntheticShape,
  buckets: number,
  bucketSeconds: number,
  rise?: SustainedRise,
  storms?: RecurringStorms,
): SyntheticSeries {
  const times = new Float64Array(buckets);
  const counts = new Float64Array(buckets);
  const marked = new Uint8Array(buckets);
  const bucketMs = bucketSeconds * 1000;
  const perDay = Math.round(86_400 / bucketSeconds);
  const meanPerBucket = (shape.perHour * bucketSeconds) / 3600;
  let stormLeft = 0;
  for (let index = 0; index < buckets; index++) {
    const ms = SYNTHETIC_START_MS + index * bucketMs;
    let rate = usualRate(shape, ms, bucketSeconds);
    if (rise !== undefined && index >= rise.start && index < rise.start + rise.buckets) {
      rate *= rise.factor;
      marked[index] = 1;
    }
    if (storms !== undefined) {
      // A storm starts in a bucket with probability perDay / bucketsPerDay.
      if (stormLeft === 0 && random() < storms.perDay / perDay) stormLeft = storms.buckets;
      if (stormLeft > 0) {
        rate = Math.max(rate, meanPerBucket * storms.factor);
        marked[index] = 1;
        stormLeft--;
      }
    }
    times[index] = ms;
    counts[index] = poisson(
      shape.alpha > 0 ? gamma(1 / shape.alpha, random) * shape.alpha * rate : rate,
      random,
    );
  }
  return { times, counts, marked };
}

/** A gamma draw of shape k and scale 1 (Marsaglia and Tsang, 2000). */
export function gamma(k: number, random: () => number): number {
  if (k < 1) return gamma(k + 1, random) * random() ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
