/**
 * Logistic regression trained with FTRL-Proximal (McMahan et al., « Ad Click Prediction: a View
 * from the Trenches », KDD 2013): per-coordinate learning rates suit features as unevenly
 * frequent as words, and the L1 term leaves most weights at exactly zero, which keeps the
 * shipped weights file small. Examples are sparse lists of feature indices, all of value 1.
 */
export interface FtrlOptions {
  readonly alpha: number;
  readonly beta: number;
  readonly l1: number;
  readonly l2: number;
  readonly epochs: number;
  /** Weight of a positive example's gradient: positives are rare, missing one costs more. */
  readonly positiveWeight: number;
  readonly seed: number;
}

export const DEFAULT_FTRL: FtrlOptions = {
  alpha: 0.5,
  beta: 1,
  l1: 0.1,
  l2: 1,
  epochs: 12,
  positiveWeight: 3,
  seed: 7,
};

export interface TrainingExample {
  /** Feature indices; the first PRIOR_FEATURES (bias, context) have value 1. */
  readonly features: readonly number[];
  /** The value of every other feature (see `featureScale`). */
  readonly scale: number;
  readonly label: boolean;
}

/**
 * Every feature but the bias and the context counts 1/√n in a post that yields n of them: a long post has many
 * weak cues, a short one few strong ones, and an empty one only the bias — which must then
 * decide « nothing to see » rather than inherit a threshold tuned on full posts.
 */
export function featureScale(extracted: number): number {
  return extracted > PRIOR_FEATURES ? 1 / Math.sqrt(extracted - PRIOR_FEATURES) : 1;
}

/** The bias and the context come first in every post's features and are never scaled. */
export const PRIOR_FEATURES = 2;

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** A small deterministic generator, so that training twice on the same data gives the same file. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains one binary head; returns a dense weight vector over `featureCount` features. */
export function trainLogistic(
  examples: readonly TrainingExample[],
  featureCount: number,
  options: FtrlOptions = DEFAULT_FTRL,
): Float64Array {
  const z = new Float64Array(featureCount);
  const n = new Float64Array(featureCount);
  const weightOf = (i: number): number => {
    const zi = z[i] ?? 0;
    if (Math.abs(zi) <= options.l1) return 0;
    return (
      -(zi - Math.sign(zi) * options.l1) /
      ((options.beta + Math.sqrt(n[i] ?? 0)) / options.alpha + options.l2)
    );
  };
  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const example = examples[index] as TrainingExample;
      const features = example.features;
      let margin = 0;
      for (let k = 0; k < features.length; k++) {
        margin += weightOf(features[k] as number) * (k < PRIOR_FEATURES ? 1 : example.scale);
      }
      const p = sigmoid(margin);
      const loss = (p - (example.label ? 1 : 0)) * (example.label ? options.positiveWeight : 1);
      for (let k = 0; k < features.length; k++) {
        const f = features[k] as number;
        const g = loss * (k < PRIOR_FEATURES ? 1 : example.scale);
        const w = weightOf(f);
        const ni = n[f] ?? 0;
        const sigma = (Math.sqrt(ni + g * g) - Math.sqrt(ni)) / options.alpha;
        z[f] = (z[f] ?? 0) + g - sigma * w;
        n[f] = ni + g * g;
      }
    }
  }
  const weights = new Float64Array(featureCount);
  for (let i = 0; i < featureCount; i++) weights[i] = weightOf(i);
  return weights;
}

export function score(weights: ArrayLike<number>, features: readonly number[], scale: number): number {
  let margin = 0;
  for (let k = 0; k < features.length; k++)
    margin += (weights[features[k] as number] ?? 0) * (k < PRIOR_FEATURES ? 1 : scale);
  return sigmoid(margin);
}
