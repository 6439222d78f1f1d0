import type { WatchTermKind } from '../../db/schema.js';
import { foldForMatching } from './fold-for-matching.js';

/**
 * The folded spellings under which a watch term is heard in a post.
 *
 * - Every term: its folded form (see `foldForMatching`).
 * - A hashtag: always with its « # », and without what a hashtag cannot hold (« #CHU Valmont »
 *   typed with a space is the hashtag « #chuvalmont »).
 * - A name, an alias or an exclusion of several words is also heard as the hashtag or the handle
 *   that glues them, with or without underscores: « CHU Valmont » in « #CHUValmont »,
 *   « @chuvalmont », « #chu_valmont ». Words are glued as written, none dropped: « CHU de
 *   Valmont » gives « #chudevalmont », not « #chuvalmont » (add that hashtag as a term of its own
 *   if it is used); a single-word name needs nothing more, « Valmont » is already heard in
 *   « #Valmont ». A term already written as a hashtag or handle (« @chu_valmont ») is heard as
 *   written.
 * - Services are heard as written only: they never make a mention on their own.
 *
 * No spelling when the term has no letter or digit: it could only match punctuation.
 */
export function termPatterns(kind: WatchTermKind, term: string): string[] {
  const folded = foldForMatching(term);
  const words = folded.match(WORD_RUNS);
  if (words === null) return [];
  if (kind === 'hashtag') return [`#${tagBody(folded)}`];
  if (kind === 'service' || folded.startsWith('#') || folded.startsWith('@') || words.length < 2) {
    return [folded];
  }
  const glued = words.join('');
  const underscored = words.join('_');
  return [folded, `#${glued}`, `@${glued}`, `#${underscored}`, `@${underscored}`];
}

/** True when the term can be heard at all (the administration refuses the others). */
export function isMatchableTerm(term: string): boolean {
  return WORD_RUNS_TEST.test(foldForMatching(term));
}

const WORD_RUNS = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_RUNS_TEST = /[\p{L}\p{N}]/u;

/** What a hashtag can hold after its « # »: letters, digits and underscores. */
function tagBody(folded: string): string {
  return folded.replace(NOT_IN_HASHTAG, '');
}
const NOT_IN_HASHTAG = /[^\p{L}\p{N}\p{M}_]/gu;
