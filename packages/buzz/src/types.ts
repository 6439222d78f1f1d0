/** Where a series stands after a point: as usual, worth watching, or a surge to act on. */
export type BuzzLevel = 'normal' | 'watch' | 'alert';

export interface BuzzExplanation {
  readonly fr: string;
  readonly en: string;
}

/** What the detector says about one point. */
export interface BuzzPoint {
  /** How anomalous this point is, from 0 (as expected) to 1 (as extreme as it gets). */
  readonly score: number;
  /** −log10 of the chance of at least this many mentions under the usual pattern. */
  readonly surprise: number;
  /** Mentions expected in this bucket under the usual pattern. */
  readonly expected: number;
  /** Level of the ongoing surge, with hysteresis: one surge keeps one level until it calms. */
  readonly level: BuzzLevel;
  /**
   * True on the point that opens a surge or raises it (watch → alert, or a clearly stronger
   * peak); false inside a surge that is already known. Notify people on these points only.
   */
  readonly onset: boolean;
  /** Observed over expected mentions, in the window that was most surprising. */
  readonly ratio: number;
  /** Why, in a sentence; present when the level is not normal. */
  readonly explanation: BuzzExplanation | undefined;
  /** True when the point was older than the last one seen: scored, but not learnt from. */
  readonly late: boolean;
}

export class BuzzInputError extends RangeError {
  override readonly name = 'BuzzInputError';
}
