import type { Lexicon } from '../lexicon/lexicon.js';
import { IDENTITY_LEMMA, type Lemmatizer } from './features.js';

/** The lexicon's lemmatizer when it has one (the hunspell-derived lemmas), the word itself otherwise. */
export function lemmatizerOf(lexicon: Lexicon): Lemmatizer {
  const withLemmas = lexicon as Lexicon & { lemmaOf?: (folded: string) => string };
  return typeof withLemmas.lemmaOf === 'function'
    ? (folded) => withLemmas.lemmaOf?.(folded) ?? folded
    : IDENTITY_LEMMA;
}
