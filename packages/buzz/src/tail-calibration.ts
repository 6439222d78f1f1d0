/**
 * Calibrates a surprise against the series' own history of extremes (peaks over a threshold with
 * an exponential tail, as in the SPOT detector of Siffer et al., 2017). Count noise is not the
 * only thing that makes a series jumpy: an account that is quoted every evening has bursts that a
 * quasi-Poisson model calls rare and that are, for that series, ordinary. The model keeps, with
 * exponential forgetting, how often the surprise exceeds BASE and by how much on average; the
 * calibrated surprise is −log10 of the resulting tail frequency.
 *
 * When the count model is right, surprises over BASE occur with frequency 10^−BASE and their
 * excess is exponential with mean 1/ln 10, so calibration returns the surprise unchanged: these
 * are the prior values, worth PRIOR_BUCKETS buckets of evidence, that a new series starts from.
 */
const BASE = 2;
const THEORETICAL_RATE = 10 ** -BASE;
const THEORETICAL_MEAN_EXCESS = 1 / Math.LN10;
// Pseudo-exceedances behind the mean excess: the slope of the tail moves only when many surges
// agree, so that one crisis does not make the next one look ordinary.
const PRIOR_EXCESS_COUNT = 20;

export class TailCalibration {
  #weight = 0;
  #exceedances = 0;
  #excess = 0;
  readonly #decay: number;
  readonly #priorWeight: number;

  constructor(halfLifeBuckets: number, priorBuckets: number) {
    this.#decay = 2 ** (-1 / Math.max(1, halfLifeBuckets));
    this.#priorWeight = priorBuckets;
  }

  calibrate(surprise: number): number {
    const priorExceedances = this.#priorWeight * THEORETICAL_RATE;
    const exceedances = this.#exceedances + priorExceedances;
    const rate = exceedances / (this.#weight + this.#priorWeight);
    const meanExcess = this.#meanExcess();
    const atBase = -Math.log10(rate);
    if (surprise <= BASE) return (surprise * atBase) / BASE;
    return atBase + (surprise - BASE) / (meanExcess * Math.LN10);
  }

  learn(surprise: number): void {
    this.#weight = this.#weight * this.#decay + 1;
    this.#exceedances *= this.#decay;
    this.#excess *= this.#decay;
    if (surprise > BASE) {
      // One enormous surge must not make every later one look ordinary.
      const excess = Math.min(surprise - BASE, Math.max(20 * this.#meanExcess(), 3));
      this.#exceedances += 1;
      this.#excess += excess;
    }
  }

  #meanExcess(): number {
    return (
      (this.#excess + PRIOR_EXCESS_COUNT * THEORETICAL_MEAN_EXCESS) / (this.#exceedances + PRIOR_EXCESS_COUNT)
    );
  }

  state(): [number, number, number] {
    return [this.#weight, this.#exceedances, this.#excess];
  }

  restore(state: readonly number[]): void {
    this.#weight = state[0] ?? 0;
    this.#exceedances = state[1] ?? 0;
    this.#excess = state[2] ?? 0;
  }
}
