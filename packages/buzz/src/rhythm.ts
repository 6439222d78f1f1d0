/**
 * The usual shape of a series over the day and over the week, as multiplicative factors
 * (1 = an average hour). Each slot keeps two exponentially decayed sums, the mentions seen and the
 * mentions the level alone would have predicted; their ratio, with a pseudo-count pulling it
 * towards 1, is the factor. The pseudo-count is what makes a quiet series (a few mentions a day)
 * usable: a slot with little evidence stays close to flat instead of swinging with every mention.
 */
const MIN_FACTOR = 1 / 50;
const MAX_FACTOR = 50;

export class RhythmProfile {
  readonly seen: Float64Array;
  readonly predicted: Float64Array;
  readonly #decay: number;
  readonly #pseudoCount: number;
  // Factors are normalised to a mean of 1 over the slots; the mean is refreshed whenever the slot
  // changes, which keeps an update at a handful of operations.
  #mean = 1;
  #currentSlot = -1;

  constructor(slots: number, updatesPerSlotHalfLife: number, pseudoCount: number) {
    this.seen = new Float64Array(slots);
    this.predicted = new Float64Array(slots);
    this.#decay = 2 ** (-1 / Math.max(1, updatesPerSlotHalfLife));
    this.#pseudoCount = pseudoCount;
  }

  factor(slot: number): number {
    if (slot !== this.#currentSlot) {
      this.#currentSlot = slot;
      this.#mean = this.#meanFactor();
    }
    return this.#raw(slot) / this.#mean;
  }

  /** The factor, computed afresh, without touching the cached normaliser. */
  peekFactor(slot: number): number {
    return this.#raw(slot) / this.#meanFactor();
  }

  learn(slot: number, observed: number, predictedWithoutThisProfile: number): void {
    this.seen[slot] = (this.seen[slot] ?? 0) * this.#decay + observed;
    this.predicted[slot] = (this.predicted[slot] ?? 0) * this.#decay + predictedWithoutThisProfile;
  }

  /** The cached normaliser is part of the state: a restored profile must give the same factors. */
  get cache(): { readonly mean: number; readonly slot: number } {
    return { mean: this.#mean, slot: this.#currentSlot };
  }

  restore(seen: readonly number[], predicted: readonly number[], mean: number, slot: number): void {
    this.seen.set(seen);
    this.predicted.set(predicted);
    this.#mean = mean;
    this.#currentSlot = slot;
  }

  #raw(slot: number): number {
    const k = this.#pseudoCount;
    const ratio = ((this.seen[slot] ?? 0) + k) / ((this.predicted[slot] ?? 0) + k);
    // Bounded: with wild counts the level and a factor could otherwise feed each other until
    // they overflow; no real rhythm makes an hour fifty times busier or quieter than the rest.
    return ratio < MIN_FACTOR ? MIN_FACTOR : ratio > MAX_FACTOR ? MAX_FACTOR : ratio;
  }

  #meanFactor(): number {
    let sum = 0;
    for (let slot = 0; slot < this.seen.length; slot++) sum += this.#raw(slot);
    return sum / this.seen.length;
  }
}
