import { CONTEXTS, type Span } from '../../types.js';
import type { Lemmatizer } from '../features.js';
import type { DecisionModel } from '../model.js';
import { WordCache } from '../word-cache.js';
import {
  MAX_TAGGED_WORDS,
  SENTENCE_END_BEFORE,
  shapeOf,
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
  const boundary = (name: string): number => known(name);
  const shapeIds = new Map<string, number>();
  const shapes = (shape: string): number => {
    let id = shapeIds.get(shape);
    if (id === undefined) {
      id = known(`sh:${shape}`);
      shapeIds.set(shape, id);
    }
    return id;
  };
  const shared = [known('bias'), known(`c:${context}`)];
  const postRules = [...new Set(input.findings.map((finding) => finding.rule.split('-')[0]))];
  const ruleIds = postRules.map((family) => known(`r:${family}`));
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
    for (const id of word.own) out.push(id);
    push(word.inContext[contextAt]);
    push(i > 0 ? (ids[i - 1] as WordIds).asPrevious : boundary('p:<s>'));
    push(i + 1 < ids.length ? (ids[i + 1] as WordIds).asNext : boundary('n:</s>'));
    push(i > 1 ? (ids[i - 2] as WordIds).asPrevious2 : boundary('p2:<s>'));
    push(i + 2 < ids.length ? (ids[i + 2] as WordIds).asNext2 : boundary('n2:</s>'));
    const previous = i > 0 ? (ids[i - 1] as WordIds).folded : '<s>';
    const next = i + 1 < ids.length ? (ids[i + 1] as WordIds).folded : '</s>';
    push(known(`pw:${previous}_${word.folded}`));
    push(known(`wn:${word.folded}_${next}`));
    push(shapes(shapeOf(token.text, token.capitalized, token.upper)));
    const after = doc.text.charAt(token.end);
    const before = doc.text.charAt(token.start - 1);
    if (after === '.' && token.text.length <= 2) push(known('initial'));
    if (before === '@' || before === '#') push(known(`pre:${before}`));
    if (i === 0 || SENTENCE_END_BEFORE.test(doc.text.slice(Math.max(0, token.start - 3), token.start)))
      push(known('sentence-start'));
    for (const span of spans) {
      if (span.end <= token.start || span.start >= token.end) continue;
      push(known(`s:${span.type}`));
      push(known(`s:${span.type}|${context}`));
      if (span.start === token.start) push(known(`sb:${span.type}`));
      if (isCited(cited, span)) push(known(`sc:${span.type}`));
    }
    const previousToken = tokens[i - 1];
    const nextToken = tokens[i + 1];
    if (previousToken !== undefined)
      for (const span of over(input.spans, previousToken)) push(known(`ps:${span.type}`));
    if (nextToken !== undefined)
      for (const span of over(input.spans, nextToken)) push(known(`ns:${span.type}`));
    for (const id of ruleIds) push(id);
    return out;
  });
}

function over(spans: readonly Span[], token: { start: number; end: number }): Span[] {
  return spans.filter((span) => span.start < token.end && token.start < span.end);
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
  };
}
