/**
 * Folding for matching: lower case, no diacritics, typographic apostrophes and dashes made plain.
 * Every UTF-16 code unit maps to exactly one code unit, so offsets found in the folded text are
 * offsets in the original text: no offset map is ever needed.
 */

const foldTable = new Uint16Array(0x10000);

function foldUnit(code: number): number {
  // Surrogates and non-characters stay as they are: folding them would split pairs.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const char = String.fromCharCode(code);
  switch (char) {
    case '\u2019':
    case '\u2018':
    case '\u02bc':
    case '\u00b4':
    case '`':
      return 0x27; // '
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
      return 0x2d; // -
    case '\u00a0':
    case '\u202f':
    case '\u2009':
    case '\u2007':
      return 0x20; // space: French typography puts narrow no-break spaces before : ; ! ?
    case '\u0130':
      return 0x69; // İ lower-cases to two units
    default:
      break;
  }
  const base = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return base.length === 1
    ? base.charCodeAt(0)
    : (char.toLowerCase().length === 1 ? char.toLowerCase() : char).charCodeAt(0);
}

for (let code = 0; code < 0x10000; code++) foldTable[code] = foldUnit(code);

/** The folded text: same length as the input, lower case, without accents. */
export function fold(text: string): string {
  let out = '';
  // Chunked String.fromCharCode keeps this linear and avoids building a huge argument list.
  const chunk = 8192;
  for (let i = 0; i < text.length; i += chunk) {
    const end = Math.min(text.length, i + chunk);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) codes[j - i] = foldTable[text.charCodeAt(j)] ?? 0;
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Folds a word or phrase for lexicon keys (same rule as `fold`, trimmed). */
export function foldKey(text: string): string {
  return fold(text).trim().replace(/\s+/g, ' ');
}

/** The word characters of folded text as a class body; defined with the word edges in `words.ts`. */
export { WORD_CHARS as FOLDED_WORD_CHARS } from './words.js';
