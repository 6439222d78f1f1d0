import { explain } from './explain.js';
import { LocalClock } from './local-clock.js';
import { type DetectorOptions, resolveOptions } from './options.js';
import { RecentWindows, WINDOWS } from './recent-windows.js';
import { RhythmProfile } from './rhythm.js';
import { type DetectorSnapshot, type RhythmSnapshot, readSnapshot, SNAPSHOT_VERSION } from './snapshot.js';
import { TailCalibration } from './tail-calibration.js';
import { surprise } from './tail-probability.js';
import { BuzzInputError, type BuzzLevel, type BuzzPoint } from './types.js';

// A point's learning weight is capped at this many standard deviations above expectation, so
// that a surge does not become the new normal within the hour it happens.
const LEARNING_CLIP_SIGMAS = 4;
// Pseudo-mentions behind each rhythm factor: a slot needs evidence before it leaves 1.
const RHYTHM_PSEUDO_COUNT = 8;
// An ongoing surge is raised again only when its surprise grows by this factor.
const ESCALATION = 3;
// Surprise is mapped to a score with s / (s + SCORE_HALF): a surprise of 3 scores 0.5.
const SCORE_HALF = 3;
// Beyond this a count is a broken feed, not mentions (every tweet ever written is ~10^13).
const MAX_COUNT = 1e12;
// Windows 0 and 1 (1 and 3 buckets) are the short ones.
const SHORT_WINDOWS = 2;

/**
 * One series' streaming spike detector. `update(time, count)` is causal, constant time and
 * allocation-light; the whole state is a few hundred numbers and can be saved with `snapshot()`
 * and brought back with `SpikeDetector.restore()`.
 *
 * Model: expected = level × daily factor(hour) × weekly factor(day), all learnt online. Counts
 * are quasi-Poisson around it (variance μ + αμ², α learnt per window), and the surprise of the
 * last 1, 3, 12 and 36 buckets is −log10 of their upper tail probability, calibrated against the
 * series' own history of extremes.
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
  readonly #tail: TailCalibration;

  #points = 0;
  #lastMs = Number.NEGATIVE_INFINITY;
  #level = 0;
  // Per window: decayed means of |observed − expected| / √expected and of expected, from which
  // the overdispersion α is derived.
  readonly #deviation = new Float64Array(WINDOWS.length);
  readonly #usual = new Float64Array(WINDOWS.length);
  readonly #recent = new RecentWindows();
  // Surge state, for hysteresis and cool-down.
  #surgeLevel: BuzzLevel = 'normal';
  #surgePeak = 0;
  #calmSinceMs = Number.NaN;
  // When the last surge began to calm down: a window reaching back before it still holds that
  // surge's mentions and may not open a new one.
  #lastSurgeCalmMs = Number.NEGATIVE_INFINITY;

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
    this.#tail = new TailCalibration(halfLifeDays * bucketsPerDay, 7 * bucketsPerDay);
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

    // Judge every window against what was known before this point.
    let best = 0;
    let bestWindow = 0;
    // The short windows say whether the surge is still going on: a long window keeps a burst in
    // view for hours after the mentions have calmed down.
    let bestShort = 0;
    this.#dispersionRate = this.#rateAtAge();
    for (let w = 0; w < WINDOWS.length; w++) {
      const observed = this.#recent.observed(w);
      const usual = this.#recent.usual(w);
      if (this.#points === 0) continue;
      const dispersion = 1 + this.#alpha(w) * usual;
      const excess = observed - usual;
      // Within one standard deviation the surprise is below 0.8 and cannot matter: skip the
      // tail computation, which is most of a point's cost.
      const reachesBack = ms - (WINDOWS[w] as number) * this.#bucketMs < this.#lastSurgeCalmMs;
      if (
        !reachesBack &&
        observed >= this.options.minimumCount &&
        excess > 0 &&
        excess * excess > dispersion * usual
      ) {
        const s = surprise(observed, usual, dispersion);
        if (s > best) {
          best = s;
          bestWindow = w;
        }
        if (w < SHORT_WINDOWS && s > bestShort) bestShort = s;
      }
      this.#learnDispersion(w, observed, usual);
    }

    this.#learn(count, expected, hour, day, dailyFactor, weeklyFactor);
    const calibrated = this.#tail.calibrate(best);
    const current = this.#tail.calibrate(bestShort);
    // Inside a known surge every point is extreme; the history of extremes learns only from calm
    // points and from the point that opens a surge, so that one long surge counts once.
    if (this.#surgeLevel === 'normal') this.#tail.learn(best);
    this.#lastMs = ms;
    this.#points++;
    return this.#report(ms, calibrated, current, bestWindow, expected, day);
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
      daily: rhythmSnapshot(this.#daily),
      weekly: rhythmSnapshot(this.#weekly),
      tail: this.#tail.state(),
      surgeLevel: this.#surgeLevel,
      surgePeak: this.#surgePeak,
      calmSinceMs: Number.isNaN(this.#calmSinceMs) ? null : this.#calmSinceMs,
      lastSurgeCalmMs: Number.isFinite(this.#lastSurgeCalmMs) ? this.#lastSurgeCalmMs : null,
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
    restoreRhythm(detector.#daily, snapshot.daily, 'daily');
    restoreRhythm(detector.#weekly, snapshot.weekly, 'weekly');
    detector.#tail.restore(snapshot.tail);
    detector.#surgeLevel = snapshot.surgeLevel;
    detector.#surgePeak = snapshot.surgePeak;
    detector.#calmSinceMs = snapshot.calmSinceMs ?? Number.NaN;
    detector.#lastSurgeCalmMs = snapshot.lastSurgeCalmMs ?? Number.NEGATIVE_INFINITY;
    return detector;
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
  }

  #report(
    ms: number,
    best: number,
    current: number,
    bestWindow: number,
    expected: number,
    day: number,
  ): BuzzPoint {
    const warm = this.#points > this.options.warmUpBuckets;
    const onset = warm ? this.#followSurge(ms, best, current) : false;
    const level = warm ? this.#surgeLevel : 'normal';
    const size = WINDOWS[bestWindow] as number;
    const observed = this.#recent.observed(bestWindow);
    const usual = this.#recent.usual(bestWindow);
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

  /**
   * Hysteresis and cool-down: returns true when this point opens or raises a surge. `s` is the
   * point's surprise over every window, `current` over the short ones only, which decides calm.
   */
  #followSurge(ms: number, s: number, current: number): boolean {
    const { watchSurprise, calmSurprise, coolDownMinutes } = this.options;
    const alertSurprise = this.#alertSurprise;
    if (this.#surgeLevel === 'normal') {
      if (s < watchSurprise) return false;
      this.#surgeLevel = s >= alertSurprise ? 'alert' : 'watch';
      this.#surgePeak = s;
      this.#calmSinceMs = Number.NaN;
      return true;
    }
    if (current < calmSurprise) {
      if (Number.isNaN(this.#calmSinceMs)) this.#calmSinceMs = ms;
      if (ms - this.#calmSinceMs >= coolDownMinutes * 60_000) {
        this.#lastSurgeCalmMs = this.#calmSinceMs;
        this.#surgeLevel = 'normal';
        this.#surgePeak = 0;
        this.#calmSinceMs = Number.NaN;
      }
      return false;
    }
    this.#calmSinceMs = Number.NaN;
    let raised = false;
    if (this.#surgeLevel === 'watch' && s >= alertSurprise) {
      this.#surgeLevel = 'alert';
      raised = true;
    }
    if (s >= this.#surgePeak * ESCALATION) raised = true;
    if (s > this.#surgePeak) this.#surgePeak = s;
    return raised;
  }

  #judgeLate(count: number, hour: number, day: number): BuzzPoint {
    // Read the rhythm without moving its cache: a late point must leave the state as it was.
    const dailyFactor = this.#daily === undefined ? 1 : this.#daily.peekFactor(hour);
    const weeklyFactor = this.#weekly === undefined ? 1 : this.#weekly.peekFactor(day);
    const expected = this.#level * dailyFactor * weeklyFactor;
    const raw =
      count >= this.options.minimumCount ? surprise(count, expected, 1 + this.#alpha(0) * expected) : 0;
    const s = this.#tail.calibrate(raw);
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
