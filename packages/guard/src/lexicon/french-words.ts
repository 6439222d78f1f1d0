import { readGzipText } from './data-files.js';
import { SortedTsvRows } from './sorted-tsv-rows.js';

/**
 * The French dictionary (Dicollecte, via Debian's hunspell-fr-comprehensive; MPL-2.0, see
 * data/PROVENANCE.md), expanded at build time into every inflected form, folded: which classes a
 * word form belongs to and what its lemma is. Built by scripts/build-lexicons.mjs.
 */

export type WordClass =
  | 'noun'
  | 'adjective'
  | 'verb'
  | 'adverb'
  | 'function-word'
  | 'first-name'
  | 'surname'
  | 'proper-noun';

/** The letters of the data file's second column (scripts/build-lexicons.mjs, CLASS_ORDER). */
const CLASS_OF_LETTER: Readonly<Record<string, WordClass>> = {
  N: 'noun',
  A: 'adjective',
  V: 'verb',
  R: 'adverb',
  F: 'function-word',
  P: 'first-name',
  S: 'surname',
  L: 'proper-noun',
};

const NO_CLASS: ReadonlySet<WordClass> = new Set();

/** How many looked-up words FrenchWords remembers before starting afresh. */
const RECENT_WORDS = 4096;

/** Elisions the tokenizer keeps on the word (« l'opération », « qu'il »). */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=.)/u;

export class FrenchWords {
  readonly #rows: SortedTsvRows;
  /** Few distinct combinations exist (~60): one shared set per combination, no allocation per lookup. */
  readonly #classSets = new Map<string, ReadonlySet<WordClass>>();
  readonly #recent = new Map<string, ReadonlySet<WordClass>>();

  constructor(text: string) {
    this.#rows = new SortedTsvRows(text);
  }

  get size(): number {
    return this.#rows.size;
  }

  /** The classes of a folded word form; empty when the dictionary doesn't know it. */
  wordClassesOf(folded: string): ReadonlySet<WordClass> {
    const known = this.#recent.get(folded);
    if (known !== undefined) return known;
    const classes = this.#lookUpClasses(folded);
    // Posts repeat their words: a bounded memo spares most binary searches on long texts.
    if (this.#recent.size >= RECENT_WORDS) this.#recent.clear();
    this.#recent.set(folded, classes);
    return classes;
  }

  #lookUpClasses(folded: string): ReadonlySet<WordClass> {
    const row = this.#row(folded);
    if (row < 0) return NO_CLASS;
    const letters = this.#rows.field(row, 1);
    let classes = this.#classSets.get(letters);
    if (classes === undefined) {
      classes = new Set([...letters].map((letter) => CLASS_OF_LETTER[letter]).filter((c) => c !== undefined));
      this.#classSets.set(letters, classes);
    }
    return classes;
  }

  /**
   * The folded lemma of a folded word form (« operees » → « operer », « operation » → « operer »
   * through the documented -ation/-age/-ement fallback); the input itself when unknown.
   */
  lemmaOf(folded: string): string {
    let row = this.#rows.find(folded);
    let word = folded;
    if (row < 0) {
      if (!folded.includes("'")) return folded;
      const bare = folded.replace(ELISION, '');
      if (bare === folded) return folded;
      row = this.#rows.find(bare);
      if (row < 0) return folded;
      word = bare;
    }
    const code = this.#rows.field(row, 2);
    if (code === '') return word;
    const match = /^(\d+)(.*)$/su.exec(code);
    if (match === null) return word;
    return word.slice(0, word.length - Number(match[1])) + (match[2] ?? '');
  }

  #row(folded: string): number {
    const row = this.#rows.find(folded);
    if (row >= 0 || !folded.includes("'")) return row;
    const bare = folded.replace(ELISION, '');
    return bare === folded ? -1 : this.#rows.find(bare);
  }
}

let cached: FrenchWords | undefined;

/** The dictionary, read on first use (~0.1 s) and kept for the life of the process. */
export function frenchWords(): FrenchWords {
  cached ??= new FrenchWords(readGzipText('french-words.tsv.gz'));
  return cached;
}

/** Word classes of a folded form (see FrenchWords.wordClassesOf). */
export function wordClassesOf(folded: string): ReadonlySet<WordClass> {
  return frenchWords().wordClassesOf(folded);
}

/** Folded lemma of a folded form, the input itself when unknown (see FrenchWords.lemmaOf). */
export function lemmaOf(folded: string): string {
  return frenchWords().lemmaOf(folded);
}
