import type { Lexicon } from '../lexicon/lexicon.js';
import { IDENTITY_LEMMA, type Lemmatizer } from './features.js';
import { WordCache } from './word-cache.js';

const memo = new WeakMap<Lexicon, Lemmatizer>();

/**
 * The lexicon's lemmatizer when it has one (the hunspell-derived lemmas), the word itself
 * otherwise. One per lexicon, remembered, so that per-word memos keyed on it stay valid.
 */
export function lemmatizerOf(lexicon: Lexicon): Lemmatizer {
  const known = memo.get(lexicon);
  if (known !== undefined) return known;
  const lemmaOf = lexicon.lemmaOf;
  let lemma: Lemmatizer = IDENTITY_LEMMA;
  if (typeof lemmaOf === 'function') {
    const cache = new WordCache<string>();
    lemma = (folded) => cache.get(folded, (word) => lemmaOf(word) ?? word);
  }
  memo.set(lexicon, lemma);
  return lemma;
}
