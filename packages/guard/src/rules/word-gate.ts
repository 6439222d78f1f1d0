/**
 * Cheap necessary words. A family of phrases about threats cannot match a post that contains
 * none of its key words ("tuer", "retrouverai", "regretter"…), so the family's big regular
 * expression need not run on it. Most posts have none of the key words of most families; a set
 * lookup per word of the post replaces a scan that walks hundreds of alternatives at every word.
 *
 * Keys are written as the same regex fragments the phrases use ("tuer?", "frapp(?:e|ait)",
 * "aide[- ]soignante?"), and expanded once into every first word they can start with; or, for
 * patterns whose first word is open-ended ("neonat…"), as the first letters of that word.
 *
 * This is the guard's one gate: the phrase families, the colleague signs and the recognizers'
 * prefix-gated patterns all ask it, and it reads the post's words once (`wordsOf`, on the word
 * definition of `text/words.ts`) for all of them.
 */
import { forEachWord } from '../text/words.js';
import { rememberLast } from './remember-last.js';

/** Whether a letter repeats three times in a row ("mdrrr"). */
function stretched(word: string): boolean {
  for (let at = 2; at < word.length; at++) {
    if (word.charCodeAt(at) === word.charCodeAt(at - 1) && word.charCodeAt(at) === word.charCodeAt(at - 2)) {
      return true;
    }
  }
  return false;
}

// Bare words ("l'hopital" → l, hopital): keys are single words, and a phrase may start after an elision.
function computeWords(folded: string): Set<string> {
  const words = new Set<string>();
  forEachWord(folded, false, (start, end) => {
    let word = folded.slice(start, end);
    // "œil", "sœur": keys are written "oeil", "soeur".
    if (word.includes('œ')) word = word.replace(/œ/g, 'oe');
    words.add(word);
    // "mdrrrr", "ptdrrr", "nooon": letters stretched for effect also count as their short form.
    if (word.length > 3 && stretched(word)) words.add(word.replace(/(.)\1+/g, '$1$1'));
  });
  return words;
}

/** The distinct words of a folded text, memoised on the last text. */
export const wordsOf = rememberLast(computeWords);

/** The longest key prefix (`KeyIndex.addPrefix`) that the gate reads at once. */
const LONGEST_SHARED_PREFIX = 3;

/**
 * The distinct first letters (one to three) of the words of a folded text, memoised on the last
 * text: every prefix index asks the same question of the same post, and a short word such as
 * "la", "le", "les" would otherwise have its prefixes cut and looked up again and again.
 */
const prefixesOf = rememberLast((folded: string): string[] => {
  const prefixes = new Set<string>();
  for (const word of wordsOf(folded)) {
    for (let length = 1; length <= LONGEST_SHARED_PREFIX && length <= word.length; length++) {
      prefixes.add(word.slice(0, length));
    }
  }
  return [...prefixes];
});

/** Whether the text contains one of the keys as a whole word. */
export function hasKeyWord(folded: string, keys: ReadonlySet<string>): boolean {
  const words = wordsOf(folded);
  // Walk the smaller set, look up in the other: a gate of three keys costs three lookups.
  if (keys.size < words.size) {
    for (const key of keys) if (words.has(key)) return true;
    return false;
  }
  for (const word of words) if (keys.has(word)) return true;
  return false;
}

/**
 * Every first word a fragment can start with: "tuer?" → tue, tuer; "casser? la gueule" →
 * casse, casser; "(?:je|j')" → je, j. Supports literals, `?`, non-capturing groups and simple
 * classes; throws on anything else so a key that cannot be expanded is caught when the module
 * loads, never silently weakened.
 */
export function firstWords(fragment: string): string[] {
  let at = 0;

  // A partial word, and whether it has reached the end of the first word.
  type Partial = { text: string; closed: boolean };

  function alternation(): Partial[] {
    const out: Partial[] = [];
    for (;;) {
      out.push(...sequence());
      if (fragment[at] !== '|') return out;
      at++;
    }
  }

  function sequence(): Partial[] {
    let partials: Partial[] = [{ text: '', closed: false }];
    while (at < fragment.length && fragment[at] !== '|' && fragment[at] !== ')') {
      let options = atom();
      if (fragment[at] === '?') {
        at++;
        options = [...options, { text: '', closed: false }];
      } else if (fragment[at] === '*' || fragment[at] === '+' || fragment[at] === '{') {
        throw new Error(`word gate: unsupported quantifier in "${fragment}"`);
      }
      const next: Partial[] = [];
      for (const partial of partials) {
        if (partial.closed) next.push(partial);
        else
          for (const option of options)
            next.push({ text: partial.text + option.text, closed: option.closed });
      }
      partials = next;
      if (partials.every((partial) => partial.closed)) skipRest();
    }
    return partials;
  }

  /** Once every partial word is complete, the rest of the sequence does not matter. */
  function skipRest(): void {
    let depth = 0;
    while (at < fragment.length) {
      const char = fragment[at];
      if (char === '\\') at++;
      else if (char === '[') at = fragment.indexOf(']', at);
      else if (char === '(') depth++;
      else if (char === ')' || char === '|') {
        if (depth === 0) return;
        if (char === ')') depth--;
      }
      at++;
    }
  }

  function atom(): Partial[] {
    const char = fragment[at] ?? '';
    if (char === '(') {
      if (fragment.startsWith('(?:', at)) at += 3;
      else throw new Error(`word gate: only non-capturing groups in "${fragment}"`);
      const inner = alternation();
      at++; // ')'
      return inner;
    }
    if (char === '[') {
      const end = fragment.indexOf(']', at);
      const chars = fragment.slice(at + 1, end);
      at = end + 1;
      if (chars.startsWith('^') || chars.includes('\\')) throw new Error(`word gate: class in "${fragment}"`);
      return [...chars].map((one) => letter(one));
    }
    if (char === '\\' || char === '.') throw new Error(`word gate: "${char}" in "${fragment}"`);
    at++;
    return [letter(char)];
  }

  function letter(char: string): Partial {
    return /[a-z0-9]/.test(char) ? { text: char, closed: false } : { text: '', closed: true };
  }

  const words = alternation().map((partial) => partial.text);
  if (words.some((word) => word === '')) throw new Error(`word gate: "${fragment}" may start with no word`);
  return [...new Set(words)];
}

/** The key words of several fragments, as a set; an empty fragment adds none (a companion phrase). */
export function keyWords(fragments: readonly string[]): Set<string> {
  return new Set(fragments.filter((fragment) => fragment !== '').flatMap(firstWords));
}

/**
 * Values filed under key words or key prefixes; `wanted(folded)` returns the values whose keys
 * the text contains, each once, in the order they were filed. Build it at module load; lookups
 * never change it.
 */
export class KeyIndex<T> {
  private readonly byWord = new Map<string, T[]>();
  private readonly byPrefix = new Map<string, T[]>();
  private readonly prefixLengths = new Set<number>();

  /** Files `value` under every first word of the fragment ("tuer?" → tue, tuer). */
  addKey(fragment: string, value: T): void {
    for (const word of firstWords(fragment)) file(this.byWord, word, value);
  }

  /** Files `value` under the first letters of a word (a text word that starts with them wakes it). */
  addPrefix(prefix: string, value: T): void {
    if (prefix === '') throw new Error('word gate: empty prefix');
    if (prefix.length > LONGEST_SHARED_PREFIX) throw new Error(`word gate: prefix "${prefix}" is too long`);
    file(this.byPrefix, prefix, value);
    this.prefixLengths.add(prefix.length);
  }

  /** The values whose key word, or key prefix, is a word of the folded text. */
  wanted(folded: string): T[] {
    const found = new Set<T>();
    if (this.byWord.size > 0) {
      for (const word of wordsOf(folded)) {
        for (const value of this.byWord.get(word) ?? []) found.add(value);
      }
    }
    if (this.byPrefix.size > 0) {
      for (const prefix of prefixesOf(folded)) {
        if (!this.prefixLengths.has(prefix.length)) continue;
        for (const value of this.byPrefix.get(prefix) ?? []) found.add(value);
      }
    }
    return [...found];
  }
}

/**
 * The first letters (at most `length`) that every match of a regex source must start with, or ''
 * when it has none: "infarctus" → "inf", "operee?" → "ope", "(?:a|b)…", "foo|bar" → ''. For
 * filing a pattern under `KeyIndex.addPrefix`: a match that starts at a word start begins with
 * its key, so a text none of whose words begins with the key cannot match.
 */
export function literalKey(source: string, length: number): string {
  if (hasTopLevelAlternative(source)) return '';
  const literal = /^[a-z0-9]+/.exec(source)?.[0] ?? '';
  // A quantifier right after the literal ("operee?") makes its last letter optional.
  const next = source.charAt(literal.length);
  const sure = next === '?' || next === '*' || next === '{' ? literal.slice(0, -1) : literal;
  return sure.slice(0, length);
}

/** One way a pattern can start, as a pattern of its own that begins with its literal key letters. */
export interface KeyedBranch {
  readonly key: string;
  readonly source: string;
}

/** Past this many branches a pattern is left whole: its expansion would cost more than it saves. */
const MAX_BRANCHES = 64;

/**
 * A regex source rewritten as the alternation of patterns that each start with literal letters,
 * in the order a backtracking matcher tries them, or null when some match may start with
 * anything: "infarctus" → [inf: infarctus]; "(?:chiffres?|decision) pas" → [chi: chiffres? pas,
 * dec: decision pas]; "(?:le|la)? malade", "[0-9]+ ans" → null. Each branch can be filed under
 * its key and compiled key first, so that patterns that start with a choice need not run on
 * every post, and when they run V8 skips ahead to their letters.
 */
export function keyedBranches(source: string, length: number): KeyedBranch[] | null {
  const expanded = expand(source, length);
  return expanded !== null && expanded.length <= MAX_BRANCHES ? expanded : null;
}

function expand(source: string, length: number): KeyedBranch[] | null {
  const branches = topLevelBranches(source);
  if (branches.length > 1) return expandAll(branches, '', length);
  if (source.startsWith('(?:')) {
    const close = closingParen(source, 0);
    const after = source.charAt(close + 1);
    // A quantified group may match nothing or repeat: its branches do not say how a match starts.
    if (close < 0 || after === '?' || after === '*' || after === '{' || after === '+') return null;
    return expandAll(topLevelBranches(source.slice(3, close)), source.slice(close + 1), length);
  }
  // The source is cut after its key when compiled key first: a quantifier right after the key
  // ("mdr+") would be left with nothing to repeat, so the key stops one letter short of it.
  let key = literalKey(source, length);
  while (key !== '' && QUANTIFIERS.includes(source.charAt(key.length))) key = key.slice(0, -1);
  return key === '' ? null : [{ key, source }];
}

const QUANTIFIERS = '+*?{';

/** Each branch followed by the rest of the pattern, expanded in turn, in order. */
function expandAll(branches: readonly string[], rest: string, length: number): KeyedBranch[] | null {
  const out: KeyedBranch[] = [];
  for (const branch of branches) {
    const expanded = expand(branch + rest, length);
    if (expanded === null) return null;
    out.push(...expanded);
    if (out.length > MAX_BRANCHES) return null;
  }
  return out;
}

/** The top-level alternatives of a regex source ("a|b(?:c|d)" → a, b(?:c|d)), outside groups and classes. */
function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '[') at = classEnd(source, at);
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(source.slice(from, at));
      from = at + 1;
    }
  }
  branches.push(source.slice(from));
  return branches;
}

/** The index of the "]" that closes the class opened at `open`. */
function classEnd(source: string, open: number): number {
  let at = open + 1;
  while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
  return at;
}

/** The index of the ")" that closes the group opened at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let at = open; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '[') at = classEnd(source, at);
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return at;
  }
  return -1;
}

/** Whether a regex source is an alternation at its top level ("foo|bar"), outside groups and classes. */
function hasTopLevelAlternative(source: string): boolean {
  return topLevelBranches(source).length > 1;
}

function file<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
