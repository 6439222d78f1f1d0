import { TIME_ZONES, type TimeZone } from './local-clock.js';

/** How a detector is tuned. Every field has a default suited to hospital mention counts. */
export interface DetectorOptions {
  /** Length of one bucket of counts, in seconds (300 = five minutes). Default 3600. */
  readonly bucketSeconds: number;
  /** Zone whose days and hours give the rhythm. Default Europe/Paris. */
  readonly timeZone: TimeZone;
  /** Half-life of the usual level, in hours: how fast a lasting change becomes normal. Default 168 (a week). */
  readonly levelHalfLifeHours: number;
  /** Half-life of the daily and weekly rhythm, in days. Default 14. */
  readonly rhythmHalfLifeDays: number;
  /** Surprise (−log10 p) from which a surge is watched. Default 4. */
  readonly watchSurprise: number;
  /**
   * Surprise from which a surge is an alert, for one-hour buckets (shorter buckets add log10 of
   * the buckets per hour, to keep the same false alerts per month). Default 5.
   */
  readonly alertSurprise: number;
  /** Below this surprise the series is calm again (hysteresis). Default 2. */
  readonly calmSurprise: number;
  /** Calm time needed before a surge is over and a new one may alert (cool-down). Default 720 (12 h). */
  readonly coolDownMinutes: number;
  /** Fewest mentions, in the window that is judged, that may raise a watch or an alert. Default 5. */
  readonly minimumCount: number;
  /** Buckets to learn from before anything is raised; scores are still computed. Default: one day. */
  readonly warmUpBuckets: number;
  /**
   * Surges a week a series may open before its thresholds rise (one surprise unit per surge
   * beyond; the count decays with a time constant of a week). Default 1.
   */
  readonly alarmBudgetPerWeek: number;
  /**
   * Extra surprise asked right after warm-up, shrinking to nothing over the first week: a young
   * series' rhythm is still a guess. Default 2.
   */
  readonly settleSurprise: number;
}

export class BuzzOptionsError extends RangeError {
  override readonly name = 'BuzzOptionsError';
}

export function resolveOptions(given: Partial<DetectorOptions> = {}): DetectorOptions {
  const bucketSeconds = given.bucketSeconds ?? 3600;
  positive('bucketSeconds', bucketSeconds);
  const options: DetectorOptions = {
    bucketSeconds,
    timeZone: given.timeZone ?? 'Europe/Paris',
    levelHalfLifeHours: given.levelHalfLifeHours ?? 168,
    rhythmHalfLifeDays: given.rhythmHalfLifeDays ?? 14,
    watchSurprise: given.watchSurprise ?? 4,
    alertSurprise: given.alertSurprise ?? 5,
    calmSurprise: given.calmSurprise ?? 2,
    coolDownMinutes: given.coolDownMinutes ?? 720,
    minimumCount: given.minimumCount ?? 5,
    warmUpBuckets: given.warmUpBuckets ?? Math.ceil(86_400 / bucketSeconds),
    alarmBudgetPerWeek: given.alarmBudgetPerWeek ?? 1,
    settleSurprise: given.settleSurprise ?? 2,
  };
  if (!TIME_ZONES.includes(options.timeZone)) {
    throw new BuzzOptionsError(`timeZone must be one of ${TIME_ZONES.join(', ')}`);
  }
  positive('levelHalfLifeHours', options.levelHalfLifeHours);
  positive('rhythmHalfLifeDays', options.rhythmHalfLifeDays);
  positive('watchSurprise', options.watchSurprise);
  positive('alertSurprise', options.alertSurprise);
  nonNegative('calmSurprise', options.calmSurprise);
  nonNegative('coolDownMinutes', options.coolDownMinutes);
  nonNegative('minimumCount', options.minimumCount);
  nonNegative('warmUpBuckets', options.warmUpBuckets);
  nonNegative('alarmBudgetPerWeek', options.alarmBudgetPerWeek);
  nonNegative('settleSurprise', options.settleSurprise);
  if (!(options.alertSurprise >= options.watchSurprise)) {
    throw new BuzzOptionsError('alertSurprise must be at least watchSurprise');
  }
  if (!(options.calmSurprise <= options.watchSurprise)) {
    throw new BuzzOptionsError('calmSurprise must not exceed watchSurprise');
  }
  return Object.freeze(options);
}

function positive(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new BuzzOptionsError(`${name} must be a positive finite number`);
  }
}

function nonNegative(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new BuzzOptionsError(`${name} must be a non-negative finite number`);
  }
}
