/**
 * Medical words recognised by their learned suffix rather than listed one by one: acts
 * ("-ectomie", "-otomie", "-stomie", "-plastie", "-scopie", "-graphie"), diseases ("-ite",
 * "-ose", "-pathie", "-algie", "-émie", "-ome", "-plégie") — "cholécystectomie", "coloscopie",
 * "tendinite", "coxarthrose", "lombalgie", "hématome", "hémiplégie". Words shorter than the
 * suffix's minimum and the everyday words of the stop-list ("site", "rose", "dose", "académie")
 * are left out; "-ite" and "-ome" have checks of their own (below).
 */
import type { GuardDocument, Token } from '../text/document.js';

export interface SuffixHit {
  readonly start: number;
  readonly end: number;
  /** The suffix alone makes the word medical (else it counts only beside a person). */
  readonly strong: boolean;
}

export interface SuffixMatcher {
  find(doc: GuardDocument): SuffixHit[];
}

interface Suffix {
  readonly ending: string;
  readonly minLength: number;
  readonly strong: boolean;
}

const ACCENTED = /[\u00e0-\u00ff]/u;
const LETTERS = /^[a-z]+(?:-[a-z]+)*$/;

export function createSuffixMatcher(
  rows: ReadonlyArray<readonly string[]>,
  stoplist: readonly string[],
): SuffixMatcher {
  // Longest ending first: "ostomie" before "otomie", "sclerose" before "ose".
  const suffixes: Suffix[] = rows
    .map(([ending = '', min = '0', strength]) => ({
      ending,
      minLength: Number(min),
      strong: strength !== 'faible',
    }))
    .filter((suffix) => suffix.ending.length > 0)
    .sort((a, b) => b.ending.length - a.ending.length);
  const stop = new Set(stoplist);
  // The last three letters of every suffix: most words are turned away on this one lookup.
  const tails = new Set(suffixes.map((suffix) => suffix.ending.slice(-3)));
  const shortest = Math.min(...suffixes.map((suffix) => suffix.minLength));

  const judge = (token: Token, accents: boolean): Suffix | undefined => {
    const word = token.folded;
    if (word.length < shortest || token.upper || !LETTERS.test(word)) return undefined;
    // The plural is judged as its singular; a compound by its last part ("gastro-enterite").
    const single = word.endsWith('es') ? word.slice(0, -1) : word;
    if (!single.endsWith('e')) return undefined;
    if (!tails.has(single.slice(-3))) return undefined;
    const last = single.slice(single.lastIndexOf('-') + 1);
    if (stop.has(single) || stop.has(last)) return undefined;
    const suffix = suffixes.find((s) => last.endsWith(s.ending) && last.length >= s.minLength);
    if (suffix === undefined) return undefined;
    const original = token.text;
    const stemEnd = single.length - suffix.ending.length;
    if (suffix.ending === 'ite') {
      // "-ité" is an abstract noun ("qualité", "maternité"), never an inflammation; only a post
      // written with accents tells them apart ("qualite" there is as likely as "bronchite").
      if (!accents || original.slice(single.length - 3, single.length) !== 'ite') return undefined;
    }
    // "-ôme" is "fantôme", "diplôme", "symptôme"; the medical "-ome" has no accent.
    if (suffix.ending === 'ome' && original.charAt(stemEnd) !== 'o') return undefined;
    return suffix;
  };

  return {
    find(doc: GuardDocument): SuffixHit[] {
      const hits: SuffixHit[] = [];
      let accents: boolean | undefined;
      for (const token of doc.tokens) {
        const code = token.folded.charCodeAt(token.folded.length - 1);
        if (code !== 101 && code !== 115) continue; // e, s: every suffix ends in "e", plurals in "es"
        // A hashtag names a topic ("#rhinoplastie" under a surgeon's advert), not someone's care.
        if (doc.text.charAt(token.start - 1) === '#') continue;
        accents ??= ACCENTED.test(doc.text.toLowerCase());
        const suffix = judge(token, accents);
        if (suffix !== undefined) hits.push({ start: token.start, end: token.end, strong: suffix.strong });
      }
      return hits;
    },
  };
}
