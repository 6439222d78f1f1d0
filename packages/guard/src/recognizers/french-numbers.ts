import { fold } from '../text/fold.js';
import { forEachWord, isWordCharAt } from '../text/words.js';

/**
 * French cardinal numbers written in words ("quatre-vingt-quatorze", "soixante et onze",
 * "mille neuf cent quatre-vingt"), read from folded text (lower case, no accents).
 *
 * People write ages and room numbers in words to look less like data ("Mme D., quatre-vingt-douze
 * ans, chambre douze"), so the recognizers must read them as well as digits. Hyphens, spaces and
 * the 1990 all-hyphen spelling ("vingt-et-un", "deux-cent-trois") are all accepted, as are the
 * Belgian and Swiss tens (septante, huitante, octante, nonante).
 */

export interface FrenchNumberMatch {
  /** Offset of the first word (UTF-16 index in the text the folded string came from). */
  readonly start: number;
  /** Offset just after the last word. */
  readonly end: number;
  readonly value: number;
}

const BELOW_TWENTY: ReadonlyMap<string, number> = new Map([
  ['un', 1],
  ['une', 1],
  ['deux', 2],
  ['trois', 3],
  ['quatre', 4],
  ['cinq', 5],
  ['six', 6],
  ['sept', 7],
  ['huit', 8],
  ['neuf', 9],
  ['dix', 10],
  ['onze', 11],
  ['douze', 12],
  ['treize', 13],
  ['quatorze', 14],
  ['quinze', 15],
  ['seize', 16],
]);

const TENS: ReadonlyMap<string, number> = new Map([
  ['vingt', 20],
  ['vingts', 20],
  ['trente', 30],
  ['quarante', 40],
  ['cinquante', 50],
  ['soixante', 60],
  ['septante', 70],
  ['huitante', 80],
  ['octante', 80],
  ['nonante', 90],
]);

const HUNDRED = new Set(['cent', 'cents']);
// "mil" survives in dates written the old way ("l'an mil neuf cent").
const THOUSAND = new Set(['mille', 'milles', 'mil']);

/** Every word that can take part in a number, "et" included ("vingt et un"). */
export const FRENCH_NUMBER_WORDS: ReadonlySet<string> = new Set([
  'zero',
  'et',
  ...BELOW_TWENTY.keys(),
  ...TENS.keys(),
  ...HUNDRED,
  ...THOUSAND,
]);

interface Read {
  readonly value: number;
  /** Index of the first word not consumed. */
  readonly next: number;
}

/** 1–19; "dix-sept" to "dix-neuf" are two words. */
function readBelowTwenty(words: readonly string[], i: number): Read | null {
  const word = words[i];
  if (word === undefined) return null;
  if (word === 'dix') {
    const unit = BELOW_TWENTY.get(words[i + 1] ?? '');
    if (unit !== undefined && unit >= 7 && unit <= 9) return { value: 10 + unit, next: i + 2 };
  }
  const value = BELOW_TWENTY.get(word);
  return value === undefined ? null : { value, next: i + 1 };
}

/** 1–99. */
function readBelowHundred(words: readonly string[], i: number): Read | null {
  let base: number;
  let j: number;
  const word = words[i];
  if (word === 'quatre' && (words[i + 1] === 'vingt' || words[i + 1] === 'vingts')) {
    base = 80;
    j = i + 2;
  } else {
    const tens = TENS.get(word ?? '');
    if (tens === undefined) return readBelowTwenty(words, i);
    base = tens;
    j = i + 1;
  }
  if (words[j] === 'et') {
    const after = words[j + 1];
    // "et" joins only "un"/"onze" to the tens: vingt et un … soixante et onze.
    if ((after === 'un' || after === 'une') && base <= 70 && base !== 80)
      return { value: base + 1, next: j + 2 };
    if (after === 'onze' && base === 60) return { value: 71, next: j + 2 };
    return { value: base, next: j };
  }
  // Soixante and quatre-vingt count on with 1–19 (soixante-dix-sept, quatre-vingt-douze).
  if (base === 60 || base === 80) {
    const rest = readBelowTwenty(words, j);
    return rest === null ? { value: base, next: j } : { value: base + rest.value, next: rest.next };
  }
  const unit = BELOW_TWENTY.get(words[j] ?? '');
  if (unit !== undefined && unit <= 9) return { value: base + unit, next: j + 1 };
  return { value: base, next: j };
}

/** 1–999. */
function readBelowThousand(words: readonly string[], i: number): Read | null {
  let hundreds = 0;
  let j = i;
  const unit = BELOW_TWENTY.get(words[i] ?? '');
  if (unit !== undefined && unit >= 2 && unit <= 9 && HUNDRED.has(words[i + 1] ?? '')) {
    hundreds = unit * 100;
    j = i + 2;
  } else if (HUNDRED.has(words[i] ?? '')) {
    hundreds = 100;
    j = i + 1;
  }
  if (hundreds === 0) return readBelowHundred(words, i);
  const rest = readBelowHundred(words, j);
  return rest === null ? { value: hundreds, next: j } : { value: hundreds + rest.value, next: rest.next };
}

/** The longest number starting at word `i` (0–999 999), or null. */
function readNumber(words: readonly string[], i: number): Read | null {
  if (words[i] === 'zero') return { value: 0, next: i + 1 };
  const group = readBelowThousand(words, i);
  const afterGroup = group === null ? i : group.next;
  if (!THOUSAND.has(words[afterGroup] ?? '')) return group;
  const thousands = (group === null ? 1 : group.value) * 1000;
  const rest = readBelowThousand(words, afterGroup + 1);
  return rest === null
    ? { value: thousands, next: afterGroup + 1 }
    : { value: thousands + rest.value, next: rest.next };
}

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Number words are joined by spaces or a hyphen; any other character ends the number. */
function joins(folded: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  let hyphens = 0;
  for (let k = from; k < to; k++) {
    const char = folded[k];
    if (char === '-') hyphens++;
    else if (char !== ' ') return false;
  }
  return hyphens <= 1;
}

/** Parses one run of adjacent number words, longest match first, left to right. */
function parseRun(run: readonly Word[], out: FrenchNumberMatch[]): void {
  const texts = run.map((word) => word.text);
  let p = 0;
  while (p < run.length) {
    const read = readNumber(texts, p);
    const first = run[p];
    const last = read === null ? undefined : run[read.next - 1];
    if (read === null || first === undefined || last === undefined) {
      p++;
      continue;
    }
    out.push({ start: first.start, end: last.end, value: read.value });
    p = read.next;
  }
}

/**
 * Every number written in words in `folded` (already folded text), left to right,
 * non-overlapping, longest first. Linear in the length of the text.
 */
export function findFrenchNumbers(folded: string): FrenchNumberMatch[] {
  const out: FrenchNumberMatch[] = [];
  let run: Word[] = [];
  forEachWord(folded, false, (start, end) => {
    const text = folded.slice(start, end);
    if (!FRENCH_NUMBER_WORDS.has(text)) {
      if (run.length > 0) parseRun(run, out);
      run = [];
      return;
    }
    const previous = run[run.length - 1];
    if (previous !== undefined && !joins(folded, previous.end, start)) {
      parseRun(run, out);
      run = [];
    }
    run.push({ text, start, end });
  });
  if (run.length > 0) parseRun(run, out);
  return out;
}

/** The number written in words that starts exactly at `offset` of `folded`, or null. */
export function readFrenchNumberAt(folded: string, offset: number): FrenchNumberMatch | null {
  const run: Word[] = [];
  let position = offset;
  // Below a million a number has at most 13 words; the bound keeps every call short.
  while (run.length < 16) {
    let wordEnd = position;
    while (isWordCharAt(folded, wordEnd)) wordEnd++;
    const text = folded.slice(position, wordEnd);
    if (wordEnd === position || !FRENCH_NUMBER_WORDS.has(text)) break;
    run.push({ text, start: position, end: wordEnd });
    let next = wordEnd;
    const gapStart = next;
    while (next < folded.length && next - gapStart < 3 && (folded[next] === ' ' || folded[next] === '-'))
      next++;
    if (!joins(folded, gapStart, next)) break;
    position = next;
  }
  const read = readNumber(
    run.map((item) => item.text),
    0,
  );
  const last = read === null ? undefined : run[read.next - 1];
  if (read === null || last === undefined) return null;
  return { start: offset, end: last.end, value: read.value };
}

/** The value of a phrase that is entirely one number in words ("Quatre-vingt-quatorze" → 94). */
export function parseFrenchNumber(phrase: string): number | null {
  const folded = fold(phrase).trim();
  if (folded === '') return null;
  const match = readFrenchNumberAt(folded, 0);
  return match !== null && match.end === folded.length ? match.value : null;
}

/**
 * Counts people write in words when they report numbers ("quinze brancards", "trente morts"),
 * shared by the rules that look for figures.
 */
export const COUNT_WORDS: readonly string[] = [
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'quinze',
  'vingt',
  'trente',
  'quarante',
  'cinquante',
];

const UNIT_WORDS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const TENS_WORDS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function belowHundredToWords(n: number): string {
  if (n < 17) return UNIT_WORDS[n] ?? '';
  if (n < 20) return `dix-${UNIT_WORDS[n - 10]}`;
  if (n < 70) {
    const tens = TENS_WORDS[Math.floor(n / 10)] ?? '';
    const unit = n % 10;
    if (unit === 0) return tens;
    return unit === 1 ? `${tens} et un` : `${tens}-${UNIT_WORDS[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${belowHundredToWords(n - 60)}`;
  return n === 80 ? 'quatre-vingts' : `quatre-vingt-${belowHundredToWords(n - 80)}`;
}

function belowThousandToWords(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundredToWords(rest);
  const head = hundreds === 1 ? 'cent' : `${UNIT_WORDS[hundreds]} cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${belowHundredToWords(rest)}`;
}

/**
 * Writes 0–999 999 in words, in the traditional French spelling ("quatre-vingt-quatorze",
 * "deux cents", "mille neuf cent quatre-vingt"). Used to build patterns and to test the reader.
 */
export function frenchNumberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`out of range: ${n}`);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return belowThousandToWords(rest);
  // "quatre-vingt mille" and "deux cent mille" lose their plural s before mille.
  const head =
    thousands === 1 ? 'mille' : `${belowThousandToWords(thousands).replace(/(cent|vingt)s$/, '$1')} mille`;
  return rest === 0 ? head : `${head} ${belowThousandToWords(rest)}`;
}
