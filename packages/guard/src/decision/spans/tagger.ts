import type { SpanType } from '../../types.js';
import type { Lemmatizer } from '../features.js';
import { type DecisionModel, headMargins, probabilityOf } from '../model.js';
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
  const margins = perWord.map((indices) => headMargins(model, indices, 1, 0));
  const out = new Map<TaggedType, Float64Array>();
  for (const type of TAGGED_TYPES) {
    const head = model.heads.get(`span:${type}`);
    if (head === undefined) continue;
    out.set(
      type,
      Float64Array.from(margins, (wordMargins) => probabilityOf(wordMargins, head)),
    );
  }
  return out;
}
