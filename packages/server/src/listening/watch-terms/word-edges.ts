/**
 * Where a watch term found in folded text may count: at word edges only, so that « CHU » is
 * never heard in « chute ». Letters and digits are inside a word; everything else (spaces,
 * apostrophes, punctuation, emoji, `_`, `#`, `@`) separates words.
 *
 * Hashtags and handles are tokens of their own: a term written « #chuvalmont » or
 * « @chu_valmont » must not be heard in « #chuvalmont2024 », « @chu_valmont_bis », the longer
 * handle « @chu_valmont.bsky.social » nor the e-mail address « accueil@chu_valmont.fr », so for
 * them `_` is inside the token, and so is a dot followed by a letter after a handle.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/**
 * 1 for the UTF-16 units that are letters or digits (marks too: they belong to a letter). Built
 * on first use, not when the module loads.
 */
function wordUnits(): Uint8Array {
  if (wordUnitTable !== undefined) return wordUnitTable;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (LETTER_OR_DIGIT.test(String.fromCharCode(code))) table[code] = 1;
  }
  wordUnitTable = table;
  return table;
}
let wordUnitTable: Uint8Array | undefined;

const UNDERSCORE = 0x5f;
const DOT = 0x2e;

/** True for a term written as a hashtag or a handle. */
export function isTagPattern(pattern: string): boolean {
  return pattern.startsWith('#') || pattern.startsWith('@');
}

/** Folded text as the matcher holds it: UTF-16 units in a reused buffer, and how many are in use. */
export interface FoldedUnits {
  readonly units: Uint16Array;
  readonly length: number;
}

/** True when the code point starting at `index` is a letter or digit. */
function wordAt(text: FoldedUnits, index: number): boolean {
  const unit = text.units[index] ?? 0;
  if (unit < 0xd800 || unit > 0xdfff) return wordUnits()[unit] === 1;
  // Outside the basic plane (rare: a few scripts, styled letters): ask the regular expression.
  const low = text.units[index + 1] ?? 0;
  if (unit > 0xdbff || index + 1 >= text.length || low < 0xdc00 || low > 0xdfff) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(unit, low));
}

/** True when the code point ending just before `index` is a letter or digit. */
function wordBefore(text: FoldedUnits, index: number): boolean {
  const unit = text.units[index - 1] ?? 0;
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.units[index - 2] ?? 0;
    if (high >= 0xd800 && high <= 0xdbff) return wordAt(text, index - 2);
  }
  return wordAt(text, index - 1);
}

/** What the edge checks need to know of a pattern, worked out once when terms are compiled. */
export interface PatternEdges {
  /** A hashtag or a handle: `_` is inside the token. */
  readonly tag: boolean;
  /** A handle: a dot followed by a letter continues it (« @chu.bsky.social »). */
  readonly handle: boolean;
  /** Its first and last characters are letters or digits: the edge must be there. */
  readonly wordFirst: boolean;
  readonly wordLast: boolean;
}

export function patternEdges(pattern: string): PatternEdges {
  return {
    tag: isTagPattern(pattern),
    handle: pattern.startsWith('@'),
    wordFirst: FIRST_IS_WORD.test(pattern),
    wordLast: LAST_IS_WORD.test(pattern),
  };
}
const FIRST_IS_WORD = /^[\p{L}\p{N}\p{M}]/u;
const LAST_IS_WORD = /[\p{L}\p{N}\p{M}]$/u;

/**
 * True when a pattern, found at [start, end) of the folded `text`, stands at word edges.
 * A term that begins or ends with a separator (« #… », « (CHU) ») needs no edge on that side.
 */
export function atWordEdges(text: FoldedUnits, start: number, end: number, pattern: PatternEdges): boolean {
  if (start > 0) {
    if (pattern.tag) {
      if (wordBefore(text, start) || text.units[start - 1] === UNDERSCORE) return false;
    } else if (pattern.wordFirst && wordBefore(text, start)) return false;
  }
  if (end < text.length && pattern.wordLast) {
    if (wordAt(text, end)) return false;
    if (pattern.tag) {
      const next = text.units[end];
      if (next === UNDERSCORE) return false;
      if (pattern.handle && next === DOT && end + 1 < text.length && wordAt(text, end + 1)) return false;
    }
  }
  return true;
}
