import { explain } from './explain.js';
import { LocalClock } from './local-clock.js';
import { LONG_BLOCKS, LongWindows } from './long-windows.js';
import { type DetectorOptions, resolveOptions } from './options.js';
import { RecentWindows, WINDOWS } from './recent-windows.js';
import { RhythmProfile } from './rhythm.js';
import { type DetectorSnapshot, type RhythmSnapshot, readSnapshot, SNAPSHOT_VERSION } from './snapshot.js';
import { SurgeGate } from './surge-gate.js';
import { TailCalibration } from './tail-calibration.js';
import { surprise } from './tail-probability.js';
import { BuzzInputError, type BuzzPoint } from './types.js';

// A point's learning weight is capped at this many standard deviations above expectation, so
// that a surge does not become the new normal within the hour it happens.
const LEARNING_CLIP_SIGMAS = 4;
// Pseudo-mentions behind each rhythm factor: a slot needs evidence before it leaves 1.
const RHYTHM_PSEUDO_COUNT = 8;
// Surprise is mapped to a score with s / (s + SCORE_HALF): a surprise of 3 scores 0.5.
const SCORE_HALF = 3;
// Beyond this a count is a broken feed, not mentions (every tweet ever written is ~10^13).
const MAX_COUNT = 1e12;
// Windows 0 and 1 (1 and 3 buckets) are the short ones.
const SHORT_WINDOWS = 2;
/** Every window judged: the short ones of `WINDOWS` (in buckets), then the long ones (in hours). */
export const WINDOW_COUNT = WINDOWS.length + LONG_BLOCKS.length;
// A window whose calibrated surprise was at least this at the previous point is inside an
// excursion of its own: its calibration learns from the excursion's first point only, so that a
// day-long surge counts once in the window's history of extremes instead of a hundred times.
// Decided from the window's own scores, never from the alert gates.
const EXCURSION_SURPRISE = 3;

/**
 * One series' streaming spike detector. `update(time, count)` is causal, constant time and
 * allocation-light; the whole state is a few hundred numbers and can be saved with `snapshot()`
 * and brought back with `SpikeDetector.restore()`.
 *
 * Model: expected = level × daily factor(hour) × weekly factor(day), all learnt online. Counts
 * are quasi-Poisson around it (variance μ + αμ², α learnt per window), and the surprise of the
 * last 1, 3, 12 and 36 buckets and of the last 6, 12 and 24 hours is −log10 of their upper tail
 * probability, each calibrated against that window's own history of extremes. The score is the
 * largest calibrated surprise and depends on the counts alone; the gates (warm-up, hysteresis,
 * cool-down, alarm budget: `SurgeGate`) read it and never feed back into it.
 */
export class SpikeDetector {
  readonly options: DetectorOptions;
  readonly #clock: LocalClock;
  readonly #bucketMs: number;
  readonly #alertSurprise: number;
  readonly #levelRate: number;
  readonly #dispersionHalfLife: number;
  #dispersionRate = 1;
  readonly #steadyDispersionRate: number;
  readonly #daily: RhythmProfile | undefined;
  readonly #weekly: RhythmProfile | undefined;
  readonly #tails: TailCalibration[];
  readonly #gate: SurgeGate;

  #points = 0;
  #lastMs = Number.NEGATIVE_INFINITY;
  #level = 0;
  // Per window: decayed means of |observed − expected| / √expected and of expected, from which
  // the overdispersion α is derived.
  readonly #deviation = new Float64Array(WINDOW_COUNT);
  readonly #usual = new Float64Array(WINDOW_COUNT);
  readonly #recent = new RecentWindows();
  readonly #long: LongWindows;
  // Per window: 1 while its calibrated surprise stays in an excursion (see EXCURSION_SURPRISE).
  readonly #excursion = new Uint8Array(WINDOW_COUNT);

  constructor(options: Partial<DetectorOptions> = {}) {
    this.options = resolveOptions(options);
    this.#clock = new LocalClock(this.options.timeZone);
    this.#bucketMs = this.options.bucketSeconds * 1000;
    // The alert threshold is set for one-hour buckets. Shorter buckets are more chances a day to
    // cross it by luck: the threshold rises by log10 of the buckets per hour, so that false alerts
    // per month stay the same (five-minute buckets: +1.08).
    this.#alertSurprise =
      this.options.alertSurprise + Math.max(0, Math.log10(3600 / this.options.bucketSeconds));
    const bucketHours = this.options.bucketSeconds / 3600;
    this.#levelRate = 1 - 2 ** (-bucketHours / this.options.levelHalfLifeHours);
    this.#dispersionHalfLife = (3 * this.options.levelHalfLifeHours) / bucketHours;
    this.#steadyDispersionRate = 1 - 2 ** (-1 / this.#dispersionHalfLife);
    const halfLifeDays = this.options.rhythmHalfLifeDays;
    const bucketsPerDay = 86_400 / this.options.bucketSeconds;
    this.#tails = Array.from(
      { length: WINDOW_COUNT },
      () => new TailCalibration(halfLifeDays * bucketsPerDay, 7 * bucketsPerDay),
    );
    this.#long = new LongWindows(this.options.bucketSeconds);
    this.#gate = new SurgeGate({
      watchSurprise: this.options.watchSurprise,
      alertSurprise: this.#alertSurprise,
      calmSurprise: this.options.calmSurprise,
      coolDownMinutes: this.options.coolDownMinutes,
      warmUpBuckets: this.options.warmUpBuckets,
      settleBuckets: 7 * bucketsPerDay,
      settleExtra: this.options.settleSurprise,
      alarmBudgetPerWeek: this.options.alarmBudgetPerWeek,
    });
    if (this.options.bucketSeconds < 86_400) {
      // One slot per hour, seen (3600 / bucket) times a day.
      const perDay = Math.max(1, 3600 / this.options.bucketSeconds);
      this.#daily = new RhythmProfile(24, halfLifeDays * perDay, RHYTHM_PSEUDO_COUNT);
    }
    if (this.options.bucketSeconds < 7 * 86_400) {
      const perWeek = Math.max(1, 86_400 / this.options.bucketSeconds);
      this.#weekly = new RhythmProfile(7, (halfLifeDays / 7) * perWeek, RHYTHM_PSEUDO_COUNT);
    }
  }

  /** Judges the count of the bucket starting at `time` (epoch milliseconds or a Date). */
  update(time: number | Date, count: number): BuzzPoint {
    const ms = typeof time === 'number' ? time : time instanceof Date ? time.getTime() : Number.NaN;
    if (!Number.isFinite(ms))
      throw new BuzzInputError('time must be a finite epoch millisecond or a valid Date');
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0 || count > MAX_COUNT) {
      throw new BuzzInputError(`count must be a finite number between 0 and ${MAX_COUNT}`);
    }
    const hour = this.#clock.hour(ms);
    const day = this.#clock.day(ms);
    if (ms <= this.#lastMs) return this.#judgeLate(count, hour, day);
    const dailyFactor = this.#daily === undefined ? 1 : this.#daily.factor(hour);
    const weeklyFactor = this.#weekly === undefined ? 1 : this.#weekly.factor(day);
    const expected = this.#points === 0 ? count : this.#level * dailyFactor * weeklyFactor;

    this.#skipMissingBuckets(ms);
    this.#recent.push(count, expected);
    this.#long.push(count, expected);

    // Judge every window against what was known before this point. The score is the largest
    // calibrated surprise; the gates read two narrower figures: `open`, over the windows that do
    // not reach back into the last surge (they still hold its mentions), and `current`, over the
    // short windows, which say whether the surge is still going on.
    let best = 0;
    let bestWindow = 0;
    let open = 0;
    let current = 0;
    this.#dispersionRate = this.#rateAtAge();
    const lastCalmMs = this.#gate.lastCalmMs;
    for (let w = 0; w < WINDOW_COUNT; w++) {
      const observed = this.#observed(w);
      const usual = this.#usualSum(w);
      if (this.#points === 0) continue;
      const dispersion = 1 + this.#alpha(w) * usual;
      const excess = observed - usual;
      let raw = 0;
      // Within one standard deviation the surprise is below 0.8 and cannot matter: skip the
      // tail computation, which is most of a point's cost.
      if (observed >= this.options.minimumCount && excess > 0 && excess * excess > dispersion * usual) {
        raw = surprise(observed, usual, dispersion);
      }
      const tail = this.#tails[w] as TailCalibration;
      const calibrated = raw > 0 ? tail.calibrate(raw) : 0;
      if (this.#excursion[w] === 0) tail.learn(raw);
      this.#excursion[w] = calibrated >= EXCURSION_SURPRISE ? 1 : 0;
      if (calibrated > best) {
        best = calibrated;
        bestWindow = w;
      }
      if (calibrated > open && ms - this.#windowBuckets(w) * this.#bucketMs >= lastCalmMs) open = calibrated;
      if (w < SHORT_WINDOWS && calibrated > current) current = calibrated;
      this.#learnDispersion(w, observed, usual);
    }

    this.#learn(count, expected, hour, day, dailyFactor, weeklyFactor);
    this.#lastMs = ms;
    this.#points++;
    return this.#report(ms, best, open, current, bestWindow, expected, day);
  }

  /** The whole state, as plain JSON-safe data. */
  snapshot(): DetectorSnapshot {
    return {
      version: SNAPSHOT_VERSION,
      options: { ...this.options },
      points: this.#points,
      lastMs: Number.isFinite(this.#lastMs) ? this.#lastMs : null,
      level: this.#level,
      deviation: Array.from(this.#deviation),
      usual: Array.from(this.#usual),
      recentCounts: Array.from(this.#recent.counts),
      recentExpected: Array.from(this.#recent.expected),
      ringHead: this.#recent.head,
      windowSums: this.#recent.sums,
      long: this.#long.state(),
      daily: rhythmSnapshot(this.#daily),
      weekly: rhythmSnapshot(this.#weekly),
      tails: this.#tails.map((tail) => tail.state()),
      excursion: Array.from(this.#excursion),
      surgeLevel: this.#gate.level,
      surgePeak: this.#gate.peak,
      calmSinceMs: Number.isNaN(this.#gate.calmSinceMs) ? null : this.#gate.calmSinceMs,
      lastSurgeCalmMs: Number.isFinite(this.#gate.lastCalmMs) ? this.#gate.lastCalmMs : null,
      recentOnsets: this.#gate.recentOnsets,
      budgetMs: Number.isFinite(this.#gate.budgetMs) ? this.#gate.budgetMs : null,
    };
  }

  /** A detector that goes on exactly where the snapshot was taken; throws on a malformed one. */
  static restore(data: unknown): SpikeDetector {
    const snapshot = readSnapshot(data);
    const detector = new SpikeDetector(snapshot.options);
    detector.#points = snapshot.points;
    detector.#lastMs = snapshot.lastMs ?? Number.NEGATIVE_INFINITY;
    detector.#level = snapshot.level;
    detector.#deviation.set(snapshot.deviation);
    detector.#usual.set(snapshot.usual);
    detector.#recent.restore(
      snapshot.recentCounts,
      snapshot.recentExpected,
      snapshot.ringHead,
      snapshot.windowSums,
    );
    detector.#long.restore(snapshot.long);
    restoreRhythm(detector.#daily, snapshot.daily, 'daily');
    restoreRhythm(detector.#weekly, snapshot.weekly, 'weekly');
    for (let w = 0; w < WINDOW_COUNT; w++) detector.#tails[w]?.restore(snapshot.tails[w] ?? []);
    detector.#excursion.set(snapshot.excursion);
    const gate = detector.#gate;
    gate.level = snapshot.surgeLevel;
    gate.peak = snapshot.surgePeak;
    gate.calmSinceMs = snapshot.calmSinceMs ?? Number.NaN;
    gate.lastCalmMs = snapshot.lastSurgeCalmMs ?? Number.NEGATIVE_INFINITY;
    gate.recentOnsets = snapshot.recentOnsets;
    gate.budgetMs = snapshot.budgetMs ?? Number.NEGATIVE_INFINITY;
    return detector;
  }

  #observed(window: number): number {
    return window < WINDOWS.length
      ? this.#recent.observed(window)
      : this.#long.observed(window - WINDOWS.length);
  }

  #usualSum(window: number): number {
    return window < WINDOWS.length ? this.#recent.usual(window) : this.#long.usual(window - WINDOWS.length);
  }

  #windowBuckets(window: number): number {
    return window < WINDOWS.length
      ? (WINDOWS[window] as number)
      : this.#long.buckets(window - WINDOWS.length);
  }

  #alpha(window: number): number {
    const usual = this.#usual[window] as number;
    if (!(usual > 0)) return 0;
    // For a normal-like count the variance is π/2 times the squared mean absolute deviation;
    // the variance ratio φ̄ beyond Poisson's 1 is spread over the typical expectation.
    const deviation = this.#deviation[window] as number;
    const phi = (Math.PI / 2) * deviation * deviation;
    const alpha = (phi - 1) / usual;
    return alpha > 0 ? alpha : 0;
  }

  /**
   * The dispersion's learning rate: its memory is never longer than a quarter of the series'
   * age, so that the large errors of the first days, before the rhythm is known, are forgotten
   * instead of making a young detector deaf for weeks.
   */
  #rateAtAge(): number {
    const ageLimit = (this.#points + 1) / 4;
    if (ageLimit >= this.#dispersionHalfLife) {
      return this.#steadyDispersionRate;
    }
    return 1 - 2 ** (-1 / Math.max(1, ageLimit));
  }

  #learnDispersion(window: number, observed: number, usual: number): void {
    if (!(usual > 0)) return;
    // Absolute rather than squared residuals, clipped: bursts, which are what the detector looks
    // for, must not teach it that the series is noisy.
    const phi = 1 + this.#alpha(window) * usual;
    const limit = LEARNING_CLIP_SIGMAS * Math.sqrt(phi * usual) + 1;
    const deviation = Math.min(Math.abs(observed - usual), limit) / Math.sqrt(usual);
    const rate = this.#dispersionRate;
    this.#deviation[window] = (this.#deviation[window] as number) * (1 - rate) + rate * deviation;
    this.#usual[window] = (this.#usual[window] as number) * (1 - rate) + rate * usual;
  }

  #learn(
    count: number,
    expected: number,
    hour: number,
    day: number,
    dailyFactor: number,
    weeklyFactor: number,
  ): void {
    let learnt = count;
    if (this.#points > 0) {
      const phi = 1 + this.#alpha(0) * expected;
      const ceiling = expected + LEARNING_CLIP_SIGMAS * Math.sqrt(phi * expected) + 1;
      if (learnt > ceiling) learnt = ceiling;
    }
    const seasonal = dailyFactor * weeklyFactor;
    const rate = Math.max(this.#levelRate, 1 / (this.#points + 1));
    this.#level += rate * (learnt / seasonal - this.#level);
    this.#daily?.learn(hour, learnt, this.#level * weeklyFactor);
    this.#weekly?.learn(day, learnt, this.#level * dailyFactor);
  }

  #skipMissingBuckets(ms: number): void {
    if (!Number.isFinite(this.#lastMs)) return;
    const gap = Math.round((ms - this.#lastMs) / this.#bucketMs);
    // Missing buckets are unknown, not zero: they contribute to no window.
    const missing = Math.min(gap - 1, RecentWindows.capacity);
    for (let step = 0; step < missing; step++) this.#recent.push(0, 0);
    if (gap > 1) this.#long.skip(gap - 1);
  }

  #report(
    ms: number,
    best: number,
    open: number,
    current: number,
    bestWindow: number,
    expected: number,
    day: number,
  ): BuzzPoint {
    const { level, onset } = this.#gate.follow(ms, this.#points, open, current);
    const size = this.#windowBuckets(bestWindow);
    const observed = this.#observed(bestWindow);
    const usual = this.#usualSum(bestWindow);
    const ratio = usual > 0 ? observed / usual : observed > 0 ? Number.POSITIVE_INFINITY : 1;
    return {
      score: best / (best + SCORE_HALF),
      surprise: best,
      expected,
      level,
      onset,
      ratio,
      explanation:
        level === 'normal'
          ? undefined
          : explain({
              level,
              observed,
              expected: usual,
              windowMinutes: (size * this.options.bucketSeconds) / 60,
              day: this.#weekly === undefined ? undefined : day,
              hourly: this.#daily !== undefined,
            }),
      late: false,
    };
  }

  #judgeLate(count: number, hour: number, day: number): BuzzPoint {
    // Read the rhythm without moving its cache: a late point must leave the state as it was.
    const dailyFactor = this.#daily === undefined ? 1 : this.#daily.peekFactor(hour);
    const weeklyFactor = this.#weekly === undefined ? 1 : this.#weekly.peekFactor(day);
    const expected = this.#level * dailyFactor * weeklyFactor;
    const raw =
      count >= this.options.minimumCount ? surprise(count, expected, 1 + this.#alpha(0) * expected) : 0;
    const s = (this.#tails[0] as TailCalibration).calibrate(raw);
    return {
      score: s / (s + SCORE_HALF),
      surprise: s,
      expected,
      level: 'normal',
      onset: false,
      ratio: expected > 0 ? count / expected : 1,
      explanation: undefined,
      late: true,
    };
  }
}

function rhythmSnapshot(profile: RhythmProfile | undefined): RhythmSnapshot | null {
  if (profile === undefined) return null;
  const { mean, slot } = profile.cache;
  return { seen: Array.from(profile.seen), predicted: Array.from(profile.predicted), mean, slot };
}

function restoreRhythm(profile: RhythmProfile | undefined, saved: RhythmSnapshot | null, name: string): void {
  // The bucket length decides which rhythms exist; a snapshot that disagrees was not made by
  // a detector with these options.
  if ((profile === undefined) !== (saved === null)) {
    throw new BuzzInputError(`snapshot.${name} does not match the bucket length of its options`);
  }
  if (profile !== undefined && saved !== null)
    profile.restore(saved.seen, saved.predicted, saved.mean, saved.slot);
}
