import type { PhraseMatcher } from './phrase-matcher.js';

/**
 * The vocabularies the recognizers consult. Built from the gazetteers committed under
 * `packages/guard/data` (see data/PROVENANCE.md); every key is folded (see text/fold.ts).
 */
export interface Lexicon {
  /** First names → number of births in France 1900–2022 (INSEE), accents folded and summed. */
  readonly firstNames: ReadonlyMap<string, number>;
  /** Surnames → number of births in France 1891–2000 (INSEE). */
  readonly surnames: ReadonlyMap<string, number>;
  /** Medical conditions (derived at load time from the verbatim CIM-10 labels). */
  readonly conditions: PhraseMatcher<HealthTerm>;
  /** Drug names (brands and INN). */
  readonly drugs: PhraseMatcher<HealthTerm>;
}

export interface HealthTerm {
  readonly kind: 'condition' | 'drug' | 'care_unit';
  /** Where the term comes from ("cim10:I64", "atc:N02BE01"). */
  readonly source: string;
}
