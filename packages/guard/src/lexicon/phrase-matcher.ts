import type { GuardDocument } from '../text/document.js';
import { foldKey } from '../text/fold.js';
import { elisionLength, forEachWord } from '../text/words.js';

export interface PhraseMatch<T> {
  /** UTF-16 offset of the match in the document text (inclusive). */
  readonly start: number;
  /** UTF-16 offset of the end of the match (exclusive). */
  readonly end: number;
  readonly value: T;
  /** Index in `doc.tokens` of the token where the match starts (it may start after an elision: "l'|AVC"). */
  readonly tokenStart: number;
  /** Index in `doc.tokens` just after the last token of the match. */
  readonly tokenEnd: number;
}

export interface PhraseMatcher<T> {
  /** Longest matches of the phrases over the document's folded tokens, left to right, non-overlapping. */
  match(doc: GuardDocument): PhraseMatch<T>[];
  readonly size: number;
}

/**
 * One matching unit: a token, or one of the two halves of an elided token ("l'avc" → "l'" +
 * "avc"). Splitting elisions is what lets "infarctus" match in "l'infarctus" or "d'infarctus",
 * the way French is written, while the tokenizer keeps "l'infarctus" as one word.
 */
interface Unit {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly token: number;
}

interface TrieNode<T> {
  /** Created on first child: most nodes are leaves, and 25,000 empty maps cost load time. */
  children: Map<string, TrieNode<T>> | undefined;
  value: T | undefined;
  terminal: boolean;
}

function pushUnits(units: Unit[], folded: string, start: number, token: number): void {
  const cut = elisionLength(folded);
  if (cut === 0) {
    units.push({ key: folded, start, end: start + folded.length, token });
    return;
  }
  units.push({ key: folded.slice(0, cut), start, end: start + cut, token });
  units.push({ key: folded.slice(cut), start: start + cut, end: start + folded.length, token });
}

function documentUnits(doc: GuardDocument): Unit[] {
  const units: Unit[] = [];
  doc.tokens.forEach((token, index) => {
    pushUnits(units, token.folded, token.start, index);
  });
  return units;
}

/** The unit keys of a phrase, folded and split exactly as a document would be. */
export function phraseKeys(phrase: string): string[] {
  return foldedPhraseKeys(foldKey(phrase));
}

/**
 * `phraseKeys` for text that is already folded (skips the folding pass): the document's tokens
 * (`text/words.ts`), with elisions split off as a document's are.
 */
export function foldedPhraseKeys(folded: string): string[] {
  const keys: string[] = [];
  forEachWord(folded, true, (start, end) => {
    const word = folded.slice(start, end);
    const cut = elisionLength(word);
    if (cut === 0) keys.push(word);
    else keys.push(word.slice(0, cut), word.slice(cut));
  });
  return keys;
}

/**
 * A token trie over folded phrases. Matching walks the trie from each unit, keeps the longest
 * phrase that ends there and resumes after it: O(tokens × longest phrase). When the same phrase
 * is given twice, the first value is kept, so callers list their preferred entries first.
 *
 * A phrase with a hyphenated word is also entered with the word split ("burn-out" matches
 * "burn out" too): people drop hyphens far more often than they add them.
 */
export function createPhraseMatcher<T>(
  entries: Iterable<readonly [phrase: string, value: T]>,
): PhraseMatcher<T> {
  return buildMatcher(entries, phraseKeys);
}

/**
 * `createPhraseMatcher` for phrases that are already folded keys joined by single spaces (as
 * `phraseKeys(…).join(' ')` gives): skips folding and tokenizing thousands of phrases at load.
 */
export function createFoldedPhraseMatcher<T>(
  entries: Iterable<readonly [phrase: string, value: T]>,
): PhraseMatcher<T> {
  return buildMatcher(entries, (phrase) => phrase.split(' '));
}

function buildMatcher<T>(
  entries: Iterable<readonly [phrase: string, value: T]>,
  split: (phrase: string) => string[],
): PhraseMatcher<T> {
  const root: TrieNode<T> = { children: undefined, value: undefined, terminal: false };
  let size = 0;
  let depth = 0;

  const insert = (keys: readonly string[], value: T): void => {
    if (keys.length === 0) return;
    let node = root;
    for (const key of keys) {
      node.children ??= new Map();
      let child = node.children.get(key);
      if (child === undefined) {
        child = { children: undefined, value: undefined, terminal: false };
        node.children.set(key, child);
      }
      node = child;
    }
    if (node.terminal) return;
    node.terminal = true;
    node.value = value;
    size++;
    depth = Math.max(depth, keys.length);
  };

  for (const [phrase, value] of entries) {
    const keys = split(phrase);
    insert(keys, value);
    if (keys.some((key) => key.includes('-'))) {
      insert(
        keys.flatMap((key) => key.split('-')),
        value,
      );
    }
  }

  const match = (doc: GuardDocument): PhraseMatch<T>[] => {
    const units = documentUnits(doc);
    const found: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < units.length) {
      let node: TrieNode<T> | undefined = root;
      let best = -1;
      let bestNode: TrieNode<T> | undefined;
      for (let j = i; j < units.length && j - i < depth; j++) {
        node = node.children?.get((units[j] as Unit).key);
        if (node === undefined) break;
        if (node.terminal) {
          best = j;
          bestNode = node;
        }
      }
      if (best < 0 || bestNode === undefined) {
        i++;
        continue;
      }
      const first = units[i] as Unit;
      const last = units[best] as Unit;
      found.push({
        start: first.start,
        end: last.end,
        value: bestNode.value as T,
        tokenStart: first.token,
        tokenEnd: last.token + 1,
      });
      i = best + 1;
    }
    return found;
  };

  return { match, size };
}
