import type { BuzzLevel } from './types.js';

// An ongoing surge is raised again only when its surprise grows by this factor.
const ESCALATION = 3;
const WEEK_MS = 7 * 86_400_000;
// Each onset beyond the weekly budget raises the thresholds by this much surprise: a series that
// keeps alarming must become a hundred times more unusual per extra alarm.
const BUDGET_STEP = 4;

export interface GateSettings {
  readonly watchSurprise: number;
  readonly alertSurprise: number;
  readonly calmSurprise: number;
  readonly coolDownMinutes: number;
  /** Buckets before anything may be raised. */
  readonly warmUpBuckets: number;
  /** Buckets over which the threshold's warm-up extra falls to nothing (a week). */
  readonly settleBuckets: number;
  /** Extra surprise asked at the first point after warm-up, shrinking linearly until settled. */
  readonly settleExtra: number;
  /** Onsets a week the series may have before its thresholds rise. */
  readonly alarmBudgetPerWeek: number;
}

export interface GateDecision {
  readonly level: BuzzLevel;
  readonly onset: boolean;
}

/**
 * The alert gates, downstream of the score and never feeding back into it: warm-up (nothing
 * before `warmUpBuckets`, then thresholds raised while the series is young), hysteresis and
 * cool-down (one surge keeps one level until calm), and a per-series alarm budget (a decayed
 * count of recent onsets, about the last week's; past the budget, every extra onset raises the thresholds, so a series
 * with a retweet storm every day stops ringing while a much larger surge still gets through).
 */
export class SurgeGate {
  readonly #settings: GateSettings;
  level: BuzzLevel = 'normal';
  peak = 0;
  calmSinceMs = Number.NaN;
  /** When the last surge began to calm down: windows reaching back before it may not open one. */
  lastCalmMs = Number.NEGATIVE_INFINITY;
  /** Onsets, decayed with a time constant of a week (about those of the last week), as of `budgetMs`. */
  recentOnsets = 0;
  budgetMs = Number.NEGATIVE_INFINITY;

  constructor(settings: GateSettings) {
    this.#settings = settings;
  }

  /** The surprise added to both thresholds now, for a series that has seen `points` buckets. */
  extraSurprise(ms: number, points: number): number {
    const { settleBuckets, settleExtra, alarmBudgetPerWeek } = this.#settings;
    const young = points < settleBuckets ? settleExtra * (1 - points / settleBuckets) : 0;
    const over = this.onsetsAt(ms) - alarmBudgetPerWeek;
    return young + (over > 0 ? BUDGET_STEP * over : 0);
  }

  onsetsAt(ms: number): number {
    if (!Number.isFinite(this.budgetMs) || this.recentOnsets === 0) return this.recentOnsets;
    return this.recentOnsets * Math.exp(-(ms - this.budgetMs) / WEEK_MS);
  }

  /**
   * `open` is the surprise of the windows that may open a surge (none reaching back into the
   * last one), `current` that of the short windows, which decides calm. Returns the level and
   * whether this point opens or raises a surge.
   */
  follow(ms: number, points: number, open: number, current: number): GateDecision {
    const settings = this.#settings;
    if (points <= settings.warmUpBuckets) return { level: 'normal', onset: false };
    const extra = this.extraSurprise(ms, points);
    const watch = settings.watchSurprise + extra;
    const alert = settings.alertSurprise + extra;
    if (this.level === 'normal') {
      if (open < watch) return { level: 'normal', onset: false };
      this.level = open >= alert ? 'alert' : 'watch';
      this.peak = open;
      this.calmSinceMs = Number.NaN;
      this.#count(ms);
      return { level: this.level, onset: true };
    }
    if (current < settings.calmSurprise) {
      if (Number.isNaN(this.calmSinceMs)) this.calmSinceMs = ms;
      if (ms - this.calmSinceMs >= settings.coolDownMinutes * 60_000) {
        this.lastCalmMs = this.calmSinceMs;
        this.level = 'normal';
        this.peak = 0;
        this.calmSinceMs = Number.NaN;
      }
      return { level: this.level, onset: false };
    }
    this.calmSinceMs = Number.NaN;
    let raised = false;
    if (this.level === 'watch' && open >= alert) {
      this.level = 'alert';
      raised = true;
    }
    if (open >= this.peak * ESCALATION) raised = true;
    if (open > this.peak) this.peak = open;
    // A raise notifies people too: it spends the budget like an opening.
    if (raised) this.#count(ms);
    return { level: this.level, onset: raised };
  }

  #count(ms: number): void {
    this.recentOnsets = this.onsetsAt(ms) + 1;
    this.budgetMs = ms;
  }
}
