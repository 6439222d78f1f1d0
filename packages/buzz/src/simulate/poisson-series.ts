/**
 * Synthetic mention counts for tests and benchmarks: Poisson counts around a daily rhythm, with
 * optional bursts, from a seeded generator so that every run sees the same series.
 */
export interface SimulatedPoint {
  readonly ms: number;
  readonly count: number;
  /** The rate the counts were drawn from (bursts included). */
  readonly rate: number;
  readonly inBurst: boolean;
}

export interface Burst {
  /** Index of the first bucket of the burst. */
  readonly start: number;
  readonly buckets: number;
  /** The burst's rate as a multiple of the series' mean rate (10 = ten times the usual volume). */
  readonly factor: number;
}

export interface SimulationOptions {
  readonly seed: number;
  readonly buckets: number;
  readonly bucketSeconds: number;
  /** Mean mentions per bucket over a day. */
  readonly meanPerBucket: number;
  /** Epoch milliseconds of the first bucket. */
  readonly startMs?: number;
  readonly bursts?: readonly Burst[];
}

/** mulberry32: a small, fast, well-mixed 32-bit generator; enough for simulation. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A Poisson draw by Knuth's product of uniforms, in chunks of 30 so that large means stay exact. */
export function poisson(mean: number, random: () => number): number {
  let remaining = mean;
  let total = 0;
  while (remaining > 0) {
    const chunk = Math.min(remaining, 30);
    remaining -= chunk;
    const limit = Math.exp(-chunk);
    let product = random();
    while (product > limit) {
      total++;
      product *= random();
    }
  }
  return total;
}

/** The shape of a hospital's day: quiet at night, busiest late morning and early evening. */
export function dailyRhythm(hour: number): number {
  // Mean over 24 hours is 1.
  return (
    1 + 0.7 * Math.sin(((hour - 9) / 24) * 2 * Math.PI) + 0.2 * Math.sin(((hour - 6) / 12) * 2 * Math.PI)
  );
}

export function simulateCounts(options: SimulationOptions): SimulatedPoint[] {
  const random = seededRandom(options.seed);
  const start = options.startMs ?? Date.UTC(2026, 0, 5);
  const bucketMs = options.bucketSeconds * 1000;
  const points: SimulatedPoint[] = [];
  for (let index = 0; index < options.buckets; index++) {
    const ms = start + index * bucketMs;
    const hour = new Date(ms).getUTCHours() + new Date(ms).getUTCMinutes() / 60;
    const usual = options.meanPerBucket * dailyRhythm(hour);
    const burst = options.bursts?.find((b) => index >= b.start && index < b.start + b.buckets);
    const rate = burst === undefined ? usual : Math.max(usual, options.meanPerBucket * burst.factor);
    points.push({ ms, count: poisson(rate, random), rate, inBurst: burst !== undefined });
  }
  return points;
}
