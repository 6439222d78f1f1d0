import type { SpanType } from '../../types.js';
import type { Lemmatizer } from '../features.js';
import { type DecisionModel, headMargin } from '../model.js';
import { sigmoid } from '../train/ftrl.js';
import type { TokenFeatureInput, WordClassesOf } from './token-features.js';
import { indexWords } from './token-indexer.js';

/**
 * The span types the tagger learns: the two whose wording is open-ended (a person described
 * rather than named, a condition paraphrased). The exact types (NIR, phone, e-mail…) stay with
 * the recognizers, which are exact.
 */
export const TAGGED_TYPES = ['PERSON', 'HEALTH'] as const satisfies readonly SpanType[];
export type TaggedType = (typeof TAGGED_TYPES)[number];

export const TAGGER_NAME = 'span-tagger';

/** Each word's probability of lying inside a span of each tagged type. */
export function wordProbabilities(
  model: DecisionModel,
  input: TokenFeatureInput,
  lemma: Lemmatizer,
  classesOf?: WordClassesOf,
): Map<TaggedType, Float64Array> {
  const perWord = indexWords(model, input, lemma, classesOf);
  const out = new Map<TaggedType, Float64Array>();
  for (const type of TAGGED_TYPES) {
    const head = model.heads.get(`span:${type}`);
    if (head === undefined) continue;
    // Each word's features count 1 (a word's features are not scaled).
    out.set(
      type,
      Float64Array.from(perWord, (indices) => sigmoid(headMargin(model, head, indices, 1))),
    );
  }
  return out;
}

/** A stretch of consecutive words at or above a threshold: first and last word, best probability. */
export interface WordRun {
  readonly first: number;
  readonly last: number;
  readonly best: number;
}

/** The runs of consecutive words whose probability is at or above `threshold`. */
export function runsAtOrAbove(probabilities: ArrayLike<number>, threshold: number): WordRun[] {
  const runs: WordRun[] = [];
  let first = -1;
  let best = 0;
  for (let w = 0; w <= probabilities.length; w++) {
    const probability = w < probabilities.length ? (probabilities[w] as number) : 0;
    if (w < probabilities.length && probability >= threshold) {
      if (first < 0) first = w;
      best = Math.max(best, probability);
      continue;
    }
    if (first < 0) continue;
    runs.push({ first, last: w - 1, best });
    first = -1;
    best = 0;
  }
  return runs;
}
