import type { WordClass } from './french-words.js';
import type { PhraseMatcher } from './phrase-matcher.js';

export type { WordClass } from './french-words.js';

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
  /**
   * Classes of a folded word form in the French dictionary (noun, verb, first name…), empty when
   * unknown. Optional so that test lexicons can leave the dictionary out (every word unknown).
   */
  readonly wordClassesOf?: (folded: string) => ReadonlySet<WordClass>;
  /** Folded lemma of a folded word form (« operees » → « operer »); the input when unknown. */
  readonly lemmaOf?: (folded: string) => string;
  /** Words never taken for a name on their own that the dictionary doesn't know (data/not-names.txt). */
  readonly notNames?: ReadonlySet<string>;
  /** First names that posts mostly use for something else, beyond what the dictionary tells. */
  readonly ambiguousNames?: ReadonlySet<string>;
}

export interface HealthTerm {
  readonly kind: 'condition' | 'drug' | 'care_unit';
  /** Where the term comes from ("cim10:I64", "atc:N02BE01"). */
  readonly source: string;
}
