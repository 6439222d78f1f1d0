import { readGzipText } from '../lexicon/data-files.js';
import { PRIOR_FEATURES, sigmoid } from './train/ftrl.js';

/** The serialised form of the learned layer (`data/decision-model.json.gz`). */
export interface SerializedModel {
  readonly format: 'blouse-decision-model/1';
  readonly provenance: Record<string, unknown>;
  readonly features: readonly string[];
  /** Head name → threshold and sparse weights (parallel arrays of feature index and weight). */
  readonly heads: Readonly<Record<string, SerializedHead>>;
}

export interface SerializedHead {
  readonly threshold: number;
  readonly index: readonly number[];
  readonly weight: readonly number[];
}

export interface ModelHead {
  readonly threshold: number;
  readonly weights: Float32Array;
}

/** Heads: `family:SECRET`, `rule:SECRET-03` (which rule of a family), `intent:PRAISE`, `flag:THREAT`. */
export interface DecisionModel {
  readonly featureIndex: ReadonlyMap<string, number>;
  readonly heads: ReadonlyMap<string, ModelHead>;
  readonly provenance: Record<string, unknown>;
}

export function modelFromJson(json: SerializedModel): DecisionModel {
  if (json.format !== 'blouse-decision-model/1')
    throw new Error(`unknown model format ${String(json.format)}`);
  const featureIndex = new Map<string, number>();
  json.features.forEach((name, i) => {
    featureIndex.set(name, i);
  });
  const heads = new Map<string, ModelHead>();
  for (const [name, head] of Object.entries(json.heads)) {
    const weights = new Float32Array(json.features.length);
    head.index.forEach((feature, i) => {
      weights[feature] = head.weight[i] ?? 0;
    });
    heads.set(name, { threshold: head.threshold, weights });
  }
  return { featureIndex, heads, provenance: json.provenance };
}

let shipped: DecisionModel | null | undefined;

/**
 * The model shipped in the package, read once. A checkout without it (before the first
 * `npm run train:guard`) runs on the rules alone rather than failing.
 */
export function loadShippedModel(): DecisionModel | null {
  if (shipped !== undefined) return shipped;
  try {
    shipped = modelFromJson(JSON.parse(readGzipText('decision-model.json.gz')) as SerializedModel);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    shipped = null;
  }
  return shipped;
}

/** Feature names → indices the model knows; unknown names carry no evidence. */
export function indexFeatures(model: DecisionModel, names: readonly string[]): number[] {
  const indices: number[] = [];
  for (const name of names) {
    const index = model.featureIndex.get(name);
    if (index !== undefined) indices.push(index);
  }
  return indices;
}

/** The bias and the context come first, of value 1; every other feature counts `scale` (see `featureScale`). */
export function headProbability(head: ModelHead, features: readonly number[], scale: number): number {
  let margin = 0;
  for (let k = 0; k < features.length; k++)
    margin += (head.weights[features[k] as number] ?? 0) * (k < PRIOR_FEATURES ? 1 : scale);
  return sigmoid(margin);
}
