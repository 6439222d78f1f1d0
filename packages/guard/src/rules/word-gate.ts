/**
 * Cheap necessary words. A family of phrases about threats cannot match a post that contains
 * none of its key words ("tuer", "retrouverai", "regretter"…), so the family's big regular
 * expression need not run on it. Most posts have none of the key words of most families; a set
 * lookup per word of the post replaces a scan that walks hundreds of alternatives at every word.
 *
 * Keys are written as the same regex fragments the phrases use ("tuer?", "frapp(?:e|ait)",
 * "aide[- ]soignante?"), and expanded once into every first word they can start with.
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

/** Whether the text contains one of the keys as a whole word. */
export function hasKeyWord(folded: string, keys: ReadonlySet<string>): boolean {
  for (const word of wordsOf(folded)) if (keys.has(word)) return true;
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
