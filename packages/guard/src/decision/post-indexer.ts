import { CONTEXTS } from '../types.js';
import {
  CHAR_GRAM,
  type FeatureInput,
  FUNCTION_WORDS,
  forEachPostFeature,
  type Lemmatizer,
  MAX_WORDS,
  scaleOf,
} from './features.js';
import type { DecisionModel } from './model.js';
import { WordCache } from './word-cache.js';

/** A post as the heads read it: the indices of its features the model knows, and their weight. */
export interface IndexedPost {
  /** Bias and context first (of value 1), then every other known feature once. */
  readonly indices: number[];
  readonly scale: number;
}

/** What one word contributes, looked up once per word and model. */
interface WordFeatures {
  readonly lemma: string;
  /** `w:lemma` (-1 for a function word). */
  readonly word: number;
  /** `w:lemma|context`, per context in CONTEXTS order. */
  readonly wordInContext: readonly number[];
  /** `g:` character grams. */
  readonly grams: readonly number[];
  /** `b:this_next` by next word, filled as pairs are met (see `bigramId`). */
  readonly bigrams: Map<WordFeatures, number>;
}

interface ModelMemo {
  readonly lemma: Lemmatizer;
  readonly words: WordCache<WordFeatures>;
  /** Generation marks, one per feature: a feature is already in the post when marked with the current one. */
  readonly marks: Uint32Array;
  generation: number;
}

const LONGEST_REMEMBERED_WORD = 40;

const memos = new WeakMap<DecisionModel, ModelMemo>();

/**
 * The same features as `extractFeatures`, as indices, without building a string per word and
 * character gram: each word's lemma, word features and grams are looked up once and remembered.
 * This is the run-time path (the trainer reads names, to build its vocabulary); a test holds the
 * two equal. Unknown features carry no weight and are skipped.
 */
export function indexPost(model: DecisionModel, input: FeatureInput, lemma: Lemmatizer): IndexedPost {
  const memo = memoOf(model, lemma);
  const idOf = (name: string): number => model.featureIndex.get(name) ?? -1;
  memo.generation += 1;
  if (memo.generation === 0xffffffff) {
    memo.marks.fill(0);
    memo.generation = 1;
  }
  const { marks, generation } = memo;
  const indices: number[] = [];
  const add = (id: number): void => {
    if (id < 0 || marks[id] === generation) return;
    marks[id] = generation;
    indices.push(id);
  };
  // Counted here rather than by `postScale`, which would list them all a second time.
  let postLevel = 0;
  forEachPostFeature(input, (name) => {
    postLevel += 1;
    add(idOf(name));
  });

  const context = CONTEXTS.indexOf(input.context);
  const tokens = input.doc.tokens;
  const count = Math.min(tokens.length, MAX_WORDS);
  const caps = idOf('u:caps');
  let previous: WordFeatures | undefined;
  for (let t = 0; t < count; t++) {
    const token = tokens[t] as (typeof tokens)[number];
    const word = rememberedWord(memo, token.folded, idOf);
    add(word.word);
    add(word.wordInContext[context] ?? -1);
    if (previous !== undefined) add(bigramId(previous, word, idOf));
    previous = word;
    if (token.upper && token.folded.length > 2) add(caps);
    for (const gram of word.grams) add(gram);
  }
  return { indices, scale: scaleOf(postLevel, input) };
}

/** A word feature the model knows, and where it stands: the cues a learned finding quotes. */
export interface LocatedFeature {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The located features of `extractFeatures` (lemmas, lemmas with the context, lemma bigrams) the
 * model knows, each at its first place in the text, from the same memo as `indexPost`: only a
 * post the model flags needs them, to quote its cues.
 */
export function locateWords(model: DecisionModel, input: FeatureInput, lemma: Lemmatizer): LocatedFeature[] {
  const memo = memoOf(model, lemma);
  const idOf = (name: string): number => model.featureIndex.get(name) ?? -1;
  const context = CONTEXTS.indexOf(input.context);
  const tokens = input.doc.tokens;
  const count = Math.min(tokens.length, MAX_WORDS);
  const located: LocatedFeature[] = [];
  const seen = new Set<number>();
  const add = (index: number, start: number, end: number): void => {
    if (index < 0 || seen.has(index)) return;
    seen.add(index);
    located.push({ index, start, end });
  };
  let previous: { word: WordFeatures; start: number } | undefined;
  for (let t = 0; t < count; t++) {
    const token = tokens[t] as (typeof tokens)[number];
    const word = rememberedWord(memo, token.folded, idOf);
    add(word.word, token.start, token.end);
    add(word.wordInContext[context] ?? -1, token.start, token.end);
    if (previous !== undefined) add(bigramId(previous.word, word, idOf), previous.start, token.end);
    previous = { word, start: token.start };
  }
  return located;
}

/** Past this many next words remembered for one word, its memo starts again (a bound on memory). */
const MAX_BIGRAMS_PER_WORD = 512;

/**
 * The id of `b:left_right`, remembered on the left word: pairs repeat across posts, and a lookup
 * by object skips building and hashing the string each time.
 */
function bigramId(left: WordFeatures, right: WordFeatures, idOf: (name: string) => number): number {
  let id = left.bigrams.get(right);
  if (id === undefined) {
    id = idOf(`b:${left.lemma}_${right.lemma}`);
    if (left.bigrams.size >= MAX_BIGRAMS_PER_WORD) left.bigrams.clear();
    left.bigrams.set(right, id);
  }
  return id;
}

/** A word's features from the memo; a word longer than any real one is not remembered (it would only fill the memo). */
function rememberedWord(memo: ModelMemo, folded: string, idOf: (name: string) => number): WordFeatures {
  return folded.length > LONGEST_REMEMBERED_WORD
    ? wordFeatures(folded, memo.lemma, idOf)
    : memo.words.get(folded, (key) => wordFeatures(key, memo.lemma, idOf));
}

function memoOf(model: DecisionModel, lemma: Lemmatizer): ModelMemo {
  let memo = memos.get(model);
  if (memo === undefined || memo.lemma !== lemma) {
    memo = {
      lemma,
      words: new WordCache<WordFeatures>(),
      marks: new Uint32Array(model.featureIndex.size),
      generation: 0,
    };
    memos.set(model, memo);
  }
  return memo;
}

function wordFeatures(folded: string, lemma: Lemmatizer, idOf: (name: string) => number): WordFeatures {
  const base = lemma(folded);
  const content = !FUNCTION_WORDS.has(folded);
  const grams: number[] = [];
  const padded = `<${folded}>`;
  for (let i = 0; i + CHAR_GRAM <= padded.length; i++) {
    grams.push(idOf(`g:${padded.slice(i, i + CHAR_GRAM)}`));
  }
  return {
    lemma: base,
    word: content ? idOf(`w:${base}`) : -1,
    wordInContext: CONTEXTS.map((context) => (content ? idOf(`w:${base}|${context}`) : -1)),
    grams,
    bigrams: new Map(),
  };
}
