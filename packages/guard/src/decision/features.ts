import { forEachCueFeature } from '../rules/cue-features.js';
import type { GuardDocument } from '../text/document.js';
import type { Finding, GuardContext, Span } from '../types.js';
import { featureScale } from './train/ftrl.js';

/** Turns a word's folded form into the form its evidence is pooled under (its lemma). */
export type Lemmatizer = (folded: string) => string;

export const IDENTITY_LEMMA: Lemmatizer = (folded) => folded;

export interface FeatureInput {
  readonly doc: GuardDocument;
  readonly context: GuardContext;
  /** Every span the recognizers found (not only the cited ones). */
  readonly spans: readonly Span[];
  /** What the hand-written rules raised: their verdicts are evidence, not the decision. */
  readonly findings: readonly Finding[];
}

/** A feature and, for the words that explain a decision, where it stands in the text. */
export interface Feature {
  readonly name: string;
  readonly start?: number;
  readonly end?: number;
}

/** Words too frequent to carry evidence on their own; they still count inside bigrams. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a au aux avec ce ces cet cette d de des du en et il ils je j l la le les leur leurs m ma mais me mes mon n ne nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes ton tu un une vos votre vous y'.split(
    ' ',
  ),
);

export const MAX_WORDS = 400;
export const CHAR_GRAM = 4;

/**
 * The evidence a post offers the learned layer, as feature names:
 * - `c:`/`s:`/`r:` the context, the recognizers' span types and the rules that fired, alone and
 *   crossed with the context (a name is evidence in a staff post, not in an institutional one);
 * - `w:`/`b:` lemmas and lemma bigrams, so « opérée », « opérer » share evidence and « raté
 *   l'opération » is one cue wherever it is written;
 * - `g:` character 4-grams inside words, for the spelling people really use (« hopital »,
 *   « operé », « bourré·e », typos, SMS).
 * Each name appears once: presence, not counts, because posts are short.
 */
export function extractFeatures(input: FeatureInput, lemma: Lemmatizer = IDENTITY_LEMMA): Feature[] {
  const out: Feature[] = [];
  const seen = new Set<string>();
  const add = (name: string, start?: number, end?: number): void => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push(start === undefined ? { name } : { name, start, end });
  };
  const { context, doc } = input;
  forEachPostFeature(input, (name) => add(name));

  const tokens = doc.tokens.length > MAX_WORDS ? doc.tokens.slice(0, MAX_WORDS) : doc.tokens;
  let previous: { lemma: string; start: number } | undefined;
  for (const token of tokens) {
    const folded = token.folded;
    const base = lemma(folded);
    if (!FUNCTION_WORDS.has(folded)) {
      add(`w:${base}`, token.start, token.end);
      add(`w:${base}|${context}`, token.start, token.end);
    }
    if (previous !== undefined) add(`b:${previous.lemma}_${base}`, previous.start, token.end);
    previous = { lemma: base, start: token.start };
    if (token.upper && folded.length > 2) add('u:caps');
    const padded = `<${folded}>`;
    for (let i = 0; i + CHAR_GRAM <= padded.length; i++) add(`g:${padded.slice(i, i + CHAR_GRAM)}`);
  }
  return out;
}

/** About how many features a word yields (lemma, lemma with context, bigram, character grams). */
export const FEATURES_PER_WORD = 8;

/**
 * The value of each feature but the bias and the context in a post (see `featureScale`): from the
 * number of its words and post-level features, which run time knows without building every
 * feature name (an estimate of the number of features the post yields).
 */
export function postScale(input: FeatureInput): number {
  let postLevel = 0;
  forEachPostFeature(input, () => {
    postLevel += 1;
  });
  return scaleOf(postLevel, input);
}

/** `postScale` for a caller that has already counted the post-level features. */
export function scaleOf(postLevelFeatures: number, input: FeatureInput): number {
  return featureScale(postLevelFeatures + FEATURES_PER_WORD * Math.min(input.doc.tokens.length, MAX_WORDS));
}

/**
 * The features of the post as a whole, the bias and the context first: the span types (alone,
 * with the context, repeated, in pairs) and the rules that fired (alone and with the context).
 */
export function forEachPostFeature(input: FeatureInput, add: (name: string) => void): void {
  const { context } = input;
  add('bias');
  add(`c:${context}`);
  const spanCounts = new Map<string, number>();
  for (const span of input.spans) spanCounts.set(span.type, (spanCounts.get(span.type) ?? 0) + 1);
  for (const [type, count] of spanCounts) {
    add(`s:${type}`);
    add(`s:${type}|${context}`);
    if (count > 1) add(`s2:${type}`);
  }
  const types = [...spanCounts.keys()].sort();
  for (let i = 0; i < types.length; i++) {
    for (let j = i + 1; j < types.length; j++) add(`sp:${types[i]}+${types[j]}`);
  }
  for (const finding of input.findings) {
    add(`r:${finding.rule}`);
    add(`r:${finding.rule}|${context}`);
  }
  forEachNearPair(input, (a, b) => add(`ss:${a}+${b}`));
  forEachCueFeature(input.doc, (name) => {
    add(name);
    add(`${name}|${context}`);
  });
}

/** How far apart two spans may stand, in characters, to be read together. */
const NEAR = 120;
const SENTENCE_BREAK = /[.!?\n]/;

/**
 * The pairs of span types that stand close together in one sentence (« Mme Durand … opérée »), in
 * the words the model reads: a post that names someone in one sentence and a disease in another
 * is weaker evidence than one that ties them.
 */
function forEachNearPair(input: FeatureInput, add: (a: string, b: string) => void): void {
  const tokens = input.doc.tokens;
  const read = Math.min(tokens.length, MAX_WORDS);
  const reach = read === 0 ? 0 : (tokens[read - 1] as { end: number }).end;
  const spans = input.spans.filter((span) => span.start < reach).sort((a, b) => a.start - b.start);
  const text = input.doc.folded;
  for (let i = 0; i < spans.length; i++) {
    const first = spans[i] as Span;
    for (let j = i + 1; j < spans.length; j++) {
      const second = spans[j] as Span;
      if (second.start - first.end > NEAR) break;
      if (second.type === first.type) continue;
      if (second.start > first.end && SENTENCE_BREAK.test(text.slice(first.end, second.start))) break;
      if (first.type < second.type) add(first.type, second.type);
      else add(second.type, first.type);
    }
  }
}
