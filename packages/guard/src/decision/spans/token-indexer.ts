import { CONTEXTS, type Span } from '../../types.js';
import type { Lemmatizer } from '../features.js';
import type { DecisionModel } from '../model.js';
import { WordCache } from '../word-cache.js';
import {
  MAX_TAGGED_WORDS,
  shapeOf,
  startsSentence,
  type TokenFeatureInput,
  type WordClassesOf,
} from './token-features.js';

/** What one word contributes to its own features and to its neighbours', looked up once per model. */
interface WordIds {
  readonly folded: string;
  /** `w:`, `l:`, suffixes, prefix and word classes: the word's own features the model knows. */
  readonly own: readonly number[];
  /** `w:word|context` per context, -1 when unknown. */
  readonly inContext: readonly number[];
  /** The word seen from a neighbour: `p:`, `n:`, `p2:`, `n2:`, -1 when unknown. */
  readonly asPrevious: number;
  readonly asNext: number;
  readonly asPrevious2: number;
  readonly asNext2: number;
  /** `pw:this_next` by next word, filled as pairs are met (see `pairId`). */
  readonly pairsAsPrevious: Map<WordIds, number>;
  /** `wn:this_next` by next word. */
  readonly pairsAsWord: Map<WordIds, number>;
}

const LONGEST_REMEMBERED_WORD = 40;
const memos = new WeakMap<
  DecisionModel,
  { lemma: Lemmatizer; classesOf?: WordClassesOf; words: WordCache<WordIds> }
>();

/**
 * The same features as `tokenFeatures`, as indices the model knows, for each word: the run-time
 * path of the span tagger. Each word's own features are looked up once and remembered; only the
 * bigrams with its neighbours are built per post. A test holds the two equal.
 */
export function indexWords(
  model: DecisionModel,
  input: TokenFeatureInput,
  lemma: Lemmatizer,
  classesOf?: WordClassesOf,
): number[][] {
  const index = model.featureIndex;
  const known = (name: string): number => index.get(name) ?? -1;
  let memo = memos.get(model);
  if (memo === undefined || memo.lemma !== lemma || memo.classesOf !== classesOf) {
    memo = { lemma, classesOf, words: new WordCache<WordIds>() };
    memos.set(model, memo);
  }
  const words = memo.words;
  const { doc, context } = input;
  const contextAt = CONTEXTS.indexOf(context);
  const tokens = doc.tokens.length > MAX_TAGGED_WORDS ? doc.tokens.slice(0, MAX_TAGGED_WORDS) : doc.tokens;
  const ids = tokens.map((token) =>
    token.folded.length > LONGEST_REMEMBERED_WORD
      ? wordIds(token.folded, lemma, classesOf, known)
      : words.get(token.folded, (folded) => wordIds(folded, lemma, classesOf, known)),
  );
  const boundaries = {
    previous: known('p:<s>'),
    next: known('n:</s>'),
    previous2: known('p2:<s>'),
    next2: known('n2:</s>'),
  };
  const shapeIds = new Map<string, number>();
  const shapes = (shape: string): number => {
    let id = shapeIds.get(shape);
    if (id === undefined) {
      id = known(`sh:${shape}`);
      shapeIds.set(shape, id);
    }
    return id;
  };
  // The span features of each type, looked up once per post rather than once per word and span.
  const typeIds = new Map<string, SpanTypeIds>();
  const idsOfType = (type: string): SpanTypeIds => {
    let found = typeIds.get(type);
    if (found === undefined) {
      found = {
        inside: known(`s:${type}`),
        insideInContext: known(`s:${type}|${context}`),
        begins: known(`sb:${type}`),
        cited: known(`sc:${type}`),
        onPrevious: known(`ps:${type}`),
        onNext: known(`ns:${type}`),
      };
      typeIds.set(type, found);
    }
    return found;
  };
  const shared = [known('bias'), known(`c:${context}`)];
  const postRules = [...new Set(input.findings.map((finding) => finding.rule.split('-')[0]))];
  const ruleIds = postRules.map((family) => known(`r:${family}`));
  const initial = known('initial');
  const sentenceStart = known('sentence-start');
  // Only the spans within the words read: a long text has thousands past them.
  const reach = tokens.length === 0 ? 0 : (tokens[tokens.length - 1] as { end: number }).end;
  const spans = input.spans.filter((span) => span.start < reach);
  const cited = input.findings.flatMap((finding) => finding.spans.filter((span) => span.start < reach));

  return tokens.map((token, i) => {
    const out: number[] = [shared[0] as number, shared[1] as number];
    const push = (id: number | undefined): void => {
      if (id !== undefined && id >= 0) out.push(id);
    };
    const word = ids[i] as WordIds;
    const previousWord = ids[i - 1];
    const nextWord = ids[i + 1];
    for (const id of word.own) out.push(id);
    push(word.inContext[contextAt]);
    push(previousWord !== undefined ? previousWord.asPrevious : boundaries.previous);
    push(nextWord !== undefined ? nextWord.asNext : boundaries.next);
    push(i > 1 ? (ids[i - 2] as WordIds).asPrevious2 : boundaries.previous2);
    push(i + 2 < ids.length ? (ids[i + 2] as WordIds).asNext2 : boundaries.next2);
    push(pairId(previousWord, word, 'pw', known));
    push(pairId(word, nextWord, 'wn', known));
    push(shapes(shapeOf(token.text, token.capitalized, token.upper)));
    const after = doc.text.charAt(token.end);
    const before = doc.text.charAt(token.start - 1);
    if (after === '.' && token.text.length <= 2) push(initial);
    if (before === '@' || before === '#') push(known(`pre:${before}`));
    if (i === 0 || startsSentence(doc.text, token.start)) push(sentenceStart);
    for (const span of spans) {
      if (span.end <= token.start || span.start >= token.end) continue;
      const typed = idsOfType(span.type);
      push(typed.inside);
      push(typed.insideInContext);
      if (span.start === token.start) push(typed.begins);
      if (isCited(cited, span)) push(typed.cited);
    }
    const previousToken = tokens[i - 1];
    const nextToken = tokens[i + 1];
    if (previousToken !== undefined)
      for (const span of input.spans)
        if (overlaps(span, previousToken)) push(idsOfType(span.type).onPrevious);
    if (nextToken !== undefined)
      for (const span of input.spans) if (overlaps(span, nextToken)) push(idsOfType(span.type).onNext);
    for (const id of ruleIds) push(id);
    return out;
  });
}

interface SpanTypeIds {
  readonly inside: number;
  readonly insideInContext: number;
  readonly begins: number;
  readonly cited: number;
  readonly onPrevious: number;
  readonly onNext: number;
}

/** Past this many neighbours remembered for one word, its memo starts again (a bound on memory). */
const MAX_PAIRS_PER_WORD = 512;

/**
 * The id of `pw:left_right` (or `wn:`), remembered on the left word: pairs repeat across posts,
 * and a lookup by object skips building and hashing the string each time. A boundary (`<s>`,
 * `</s>`) is spelt out, as in the names path.
 */
function pairId(
  left: WordIds | undefined,
  right: WordIds | undefined,
  prefix: 'pw' | 'wn',
  known: (name: string) => number,
): number {
  if (left === undefined || right === undefined) {
    const leftText = left?.folded ?? '<s>';
    const rightText = right?.folded ?? '</s>';
    return known(`${prefix}:${leftText}_${rightText}`);
  }
  const memo = prefix === 'pw' ? left.pairsAsPrevious : left.pairsAsWord;
  let id = memo.get(right);
  if (id === undefined) {
    id = known(`${prefix}:${left.folded}_${right.folded}`);
    if (memo.size >= MAX_PAIRS_PER_WORD) memo.clear();
    memo.set(right, id);
  }
  return id;
}

function overlaps(span: Span, token: { start: number; end: number }): boolean {
  return span.start < token.end && token.start < span.end;
}

function isCited(cited: readonly Span[], span: Span): boolean {
  return cited.some((c) => c.start === span.start && c.end === span.end);
}

function wordIds(
  folded: string,
  lemma: Lemmatizer,
  classesOf: WordClassesOf | undefined,
  known: (name: string) => number,
): WordIds {
  const own: number[] = [known(`w:${folded}`)];
  const base = lemma(folded);
  if (base !== folded) own.push(known(`l:${base}`));
  if (folded.length > 3)
    own.push(
      known(`s3:${folded.slice(-3)}`),
      known(`s4:${folded.slice(-4)}`),
      known(`b4:${folded.slice(0, 4)}`),
    );
  const classes = classesOf?.(folded) ?? new Set();
  for (const wordClass of classes) own.push(known(`k:${wordClass}`));
  if (classes.size === 0 && /\p{L}/u.test(folded)) own.push(known('k:unknown'));
  return {
    folded,
    own: own.filter((id) => id >= 0),
    inContext: CONTEXTS.map((context) => known(`w:${folded}|${context}`)),
    asPrevious: known(`p:${folded}`),
    asNext: known(`n:${folded}`),
    asPrevious2: known(`p2:${folded}`),
    asNext2: known(`n2:${folded}`),
    pairsAsPrevious: new Map(),
    pairsAsWord: new Map(),
  };
}
