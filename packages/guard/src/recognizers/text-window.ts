/**
 * The folded words just before or after an offset, for the context cues of the quasi-identifier
 * recognizers ("âgée de", "le papy de la", "pendant"). Each call reads at most `maxChars`
 * characters, so a recognizer that asks once per candidate stays linear in the text.
 */
import { isJoinerAt, isWordCharAt } from '../text/words.js';

/** A hyphen inside a word ("grand-mere", "apres-midi") belongs to the word; an apostrophe does not. */
function isInnerHyphen(folded: string, i: number): boolean {
  return folded.charCodeAt(i) === 45 && isJoinerAt(folded, i);
}

// Abbreviations that French posts end with a full stop in mid-sentence ("M. Petit", "ch. 12").
const ABBREVIATIONS = new Set([
  'm',
  'mme',
  'mmes',
  'mlle',
  'mr',
  'dr',
  'pr',
  'ch',
  'chb',
  'st',
  'ste',
  'me',
  'n',
  'no',
]);

/**
 * Ends a sentence: ! ? … and line breaks always; a full stop unless it closes an initial or a
 * short abbreviation ("Mme D.", "M.", "ch."), which French posts use constantly.
 */
function endsSentence(folded: string, i: number): boolean {
  const char = folded[i];
  if (char === '!' || char === '?' || char === '\n' || char === '\u2026') return true;
  if (char !== '.') return false;
  let k = i - 1;
  while (k >= 0 && k > i - 6 && isWordCharAt(folded, k)) k--;
  const word = folded.slice(k + 1, i);
  if (word.length === 1 && !/\d/.test(word)) return false;
  return !ABBREVIATIONS.has(word);
}

/**
 * Up to `count` words before `offset`, nearest first, within the same sentence. Elided words
 * come out bare ("d'IDE" → "ide", "d"), hyphenated words whole.
 */
export function wordsBefore(folded: string, offset: number, count: number, maxChars = 80): string[] {
  const words: string[] = [];
  const limit = Math.max(0, offset - maxChars);
  let i = offset - 1;
  while (i >= limit && words.length < count) {
    if (isWordCharAt(folded, i)) {
      const end = i + 1;
      while (i >= limit && (isWordCharAt(folded, i) || isInnerHyphen(folded, i))) i--;
      words.push(folded.slice(i + 1, end));
      continue;
    }
    if (endsSentence(folded, i)) break;
    i--;
  }
  return words;
}

/** Up to `count` words after `offset`, in reading order, within the same sentence. */
export function wordsAfter(folded: string, offset: number, count: number, maxChars = 80): string[] {
  const words: string[] = [];
  const limit = Math.min(folded.length, offset + maxChars);
  let i = offset;
  while (i < limit && words.length < count) {
    if (isWordCharAt(folded, i)) {
      const start = i;
      while (i < limit && (isWordCharAt(folded, i) || isInnerHyphen(folded, i))) i++;
      words.push(folded.slice(start, i));
      continue;
    }
    if (endsSentence(folded, i)) break;
    i++;
  }
  return words;
}

/** The stretch of the sentence around [start, end), at most `reach` characters each side. */
export function sentenceAround(folded: string, start: number, end: number, reach = 160): string {
  let from = start;
  const lowest = Math.max(0, start - reach);
  while (from > lowest && !endsSentence(folded, from - 1)) from--;
  let to = end;
  const highest = Math.min(folded.length, end + reach);
  while (to < highest && !endsSentence(folded, to)) to++;
  return folded.slice(from, to);
}

/** True when one of `words` is in `set`. */
export function someIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((word) => set.has(word));
}

/** The first character before `offset` that is not a space (or '' at the start). */
export function charBefore(text: string, offset: number): string {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 ? (text[i] ?? '') : '';
}

/** The first character from `offset` on that is not a space (or '' at the end). */
export function charAfter(text: string, offset: number): string {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i < text.length ? (text[i] ?? '') : '';
}
