import { fold } from './fold.js';
import { forEachWord } from './words.js';

/** A word of the text: letters or digits, with inner apostrophes and hyphens (see `words.ts`). */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Original spelling. */
  readonly text: string;
  /** Folded spelling (lower case, no accents). */
  readonly folded: string;
  /** Original starts with an upper-case letter. */
  readonly capitalized: boolean;
  /** Original is all upper case (and has at least two letters). */
  readonly upper: boolean;
}

/**
 * The analysed text in the forms recognizers need. Built once per analysis; recognizers read it
 * and never change it.
 */
export interface GuardDocument {
  readonly text: string;
  readonly folded: string;
  readonly tokens: readonly Token[];
}

const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}.*\p{L}/u;

export function createDocument(text: string): GuardDocument {
  const folded = fold(text);
  const tokens: Token[] = [];
  forEachWord(folded, true, (start, end) => {
    const word = text.slice(start, end);
    tokens.push({
      start,
      end,
      text: word,
      folded: folded.slice(start, end),
      capitalized: UPPER_START.test(word),
      upper: !HAS_LOWER.test(word) && LETTERS.test(word),
    });
  });
  return { text, folded, tokens };
}

/** Index of the first token whose start is at or after `offset` (binary search). */
export function tokenIndexAt(doc: GuardDocument, offset: number): number {
  let low = 0;
  let high = doc.tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const token = doc.tokens[mid];
    if (token !== undefined && token.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
