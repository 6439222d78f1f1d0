import { readGzipText } from '../lexicon/data-files.js';
import { PRIOR_FEATURES, sigmoid } from './train/ftrl.js';

export type ModelFormat = 'blouse-decision-model/1' | 'blouse-span-tagger/1';

/** The serialised form of the learned layer (`data/decision-model.json.gz`). */
export interface SerializedModel {
  /** `blouse-decision-model/1` for the post-level heads, `blouse-span-tagger/1` for the span tagger. */
  readonly format: ModelFormat;
  readonly provenance: Record<string, unknown>;
  readonly features: readonly string[];
  /** Head name → threshold and sparse weights (parallel arrays of feature index and weight). */
  readonly heads: Readonly<Record<string, SerializedHead>>;
}

export interface SerializedHead {
  readonly threshold: number;
  /** Span tagger heads only: a recognizer's span is kept when one of its words scores this. */
  readonly keep?: number;
  /** Family heads only: a hand-written rule's soft finding is set aside when the family scores below this. */
  readonly veto?: number;
  readonly index: readonly number[];
  readonly weight: readonly number[];
}

export interface ModelHead {
  readonly threshold: number;
  readonly keep?: number;
  readonly veto?: number;
  /** The head's column in the model's weight matrix. */
  readonly slot: number;
}

/** Heads: `family:SECRET`, `rule:SECRET-03` (which rule of a family), `intent:PRAISE`, `flag:THREAT`. */
export interface DecisionModel {
  readonly featureIndex: ReadonlyMap<string, number>;
  readonly heads: ReadonlyMap<string, ModelHead>;
  /**
   * The weights of the heads read for every post or for public posts (ranks 0 and 1, see
   * `headRank`), one row per feature (row-major, `frontWidth` columns): a post's few hundred
   * features are read row by row, and keeping the rule pickers (rank 2) out of these rows makes
   * each row one or two cache lines instead of three (the matrix is megabytes, and every feature
   * of a post is a cache miss).
   */
  readonly front: Float32Array;
  readonly frontWidth: number;
  /** The rule pickers' weights (rank 2), one row per feature, read only when a family fires. */
  readonly back: Float32Array;
  readonly backWidth: number;
  /**
   * Where each rank of heads ends in the slots (see `headRank`): the heads every post needs come
   * first, so that scoring reads only the columns a post needs.
   */
  readonly rankEnds: readonly number[];
  readonly provenance: Record<string, unknown>;
}

/**
 * 0: read for every post (rule families, span types); 1: for public posts only (intent, flags);
 * 2: read only when a family fires, to choose the rule to cite.
 */
export function headRank(name: string): number {
  if (name.startsWith('family:') || name.startsWith('span:')) return 0;
  if (name.startsWith('intent:') || name.startsWith('flag:')) return 1;
  return 2;
}

/** Builds a model from each head's weights (a dense array, or sparse index and weight lists). */
export function assembleModel(
  featureIndex: ReadonlyMap<string, number>,
  heads: ReadonlyArray<{
    readonly name: string;
    readonly threshold: number;
    readonly keep?: number;
    readonly veto?: number;
    readonly weights: (set: (feature: number, weight: number) => void) => void;
  }>,
  provenance: Record<string, unknown>,
): DecisionModel {
  const width = heads.length;
  const byName = new Map<string, ModelHead>();
  const ordered = [...heads].sort((a, b) => headRank(a.name) - headRank(b.name));
  const rankEnds = [0, 1, 2].map((rank) => ordered.filter((head) => headRank(head.name) <= rank).length);
  const frontWidth = rankEnds[1] ?? 0;
  const backWidth = width - frontWidth;
  const front = new Float32Array(featureIndex.size * frontWidth);
  const back = new Float32Array(featureIndex.size * backWidth);
  ordered.forEach((head, slot) => {
    head.weights((feature, weight) => {
      if (slot < frontWidth) front[feature * frontWidth + slot] = weight;
      else back[feature * backWidth + slot - frontWidth] = weight;
    });
    byName.set(head.name, {
      threshold: head.threshold,
      slot,
      ...(head.keep === undefined ? {} : { keep: head.keep }),
      ...(head.veto === undefined ? {} : { veto: head.veto }),
    });
  });
  return { featureIndex, heads: byName, front, frontWidth, back, backWidth, rankEnds, provenance };
}

/** One head's weight for one feature. */
export function weightOf(model: DecisionModel, head: ModelHead, feature: number): number {
  return head.slot < model.frontWidth
    ? (model.front[feature * model.frontWidth + head.slot] ?? 0)
    : (model.back[feature * model.backWidth + head.slot - model.frontWidth] ?? 0);
}

export function modelFromJson(
  json: SerializedModel,
  expected: ModelFormat = 'blouse-decision-model/1',
): DecisionModel {
  if (json.format !== expected) throw new Error(`unknown model format ${String(json.format)}`);
  const featureIndex = new Map<string, number>();
  json.features.forEach((name, i) => {
    featureIndex.set(name, i);
  });
  return assembleModel(
    featureIndex,
    Object.entries(json.heads).map(([name, head]) => ({
      name,
      threshold: head.threshold,
      ...(head.keep === undefined ? {} : { keep: head.keep }),
      ...(head.veto === undefined ? {} : { veto: head.veto }),
      weights: (set) => {
        head.index.forEach((feature, i) => {
          set(feature, head.weight[i] ?? 0);
        });
      },
    })),
    json.provenance,
  );
}

const shipped = new Map<string, DecisionModel | null>();

/**
 * The model shipped in the package, read once. A checkout without it (before the first
 * `npm run train:guard`) runs on the rules alone rather than failing.
 */
export function loadShippedModel(): DecisionModel | null {
  return loadShipped('decision-model.json.gz', 'blouse-decision-model/1');
}

/** The span tagger shipped in the package, read once; null when it was never trained. */
export function loadShippedTagger(): DecisionModel | null {
  return loadShipped('span-tagger.json.gz', 'blouse-span-tagger/1');
}

function loadShipped(file: string, format: ModelFormat): DecisionModel | null {
  const known = shipped.get(file);
  if (known !== undefined) return known;
  let model: DecisionModel | null = null;
  try {
    model = modelFromJson(JSON.parse(readGzipText(file)) as SerializedModel, format);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  shipped.set(file, model);
  return model;
}

/**
 * The margins of the heads up to `rank` (see `headRank`) for one post: the bias and the context
 * come first, of value 1; every other feature counts `scale` (see `featureScale`). Read a head's
 * with `margins[head.slot]`; the heads of a higher rank are left at 0 (see `headMargin`).
 */
export function headMargins(
  model: DecisionModel,
  features: readonly number[],
  scale: number,
  rank = 2,
): Float64Array {
  const width = model.heads.size;
  const columns = model.rankEnds[rank] ?? width;
  const margins = new Float64Array(width);
  const { front, frontWidth, back, backWidth } = model;
  const frontColumns = Math.min(columns, frontWidth);
  const backColumns = columns - frontColumns;
  for (let k = 0; k < features.length; k++) {
    const value = k < PRIOR_FEATURES ? 1 : scale;
    const feature = features[k] as number;
    const row = feature * frontWidth;
    for (let h = 0; h < frontColumns; h++)
      margins[h] = (margins[h] as number) + (front[row + h] as number) * value;
    if (backColumns <= 0) continue;
    const backRow = feature * backWidth;
    for (let h = 0; h < backColumns; h++)
      margins[frontWidth + h] = (margins[frontWidth + h] as number) + (back[backRow + h] as number) * value;
  }
  return margins;
}

/** One head's margin, for a head read only now and then. */
export function headMargin(
  model: DecisionModel,
  head: ModelHead,
  features: readonly number[],
  scale: number,
): number {
  const inFront = head.slot < model.frontWidth;
  const weights = inFront ? model.front : model.back;
  const width = inFront ? model.frontWidth : model.backWidth;
  const column = inFront ? head.slot : head.slot - model.frontWidth;
  let margin = 0;
  for (let k = 0; k < features.length; k++)
    margin +=
      (weights[(features[k] as number) * width + column] as number) * (k < PRIOR_FEATURES ? 1 : scale);
  return margin;
}

/** A head's probability from the post's margins. */
export function probabilityOf(margins: Float64Array, head: ModelHead): number {
  return sigmoid(margins[head.slot] ?? 0);
}
