/**
 * Test fixtures for the rules about people (RESPECT, DEFAM, HARASS, DOXX, GEO, category): a rule
 * input built from a text and the spans a test names by their words, so that evaluator tests do
 * not depend on the recognizers, which are tested on their own.
 */
import type { Lexicon } from '../lexicon/lexicon.js';
import type { PhraseMatcher } from '../lexicon/phrase-matcher.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';

const noPhrases: PhraseMatcher<never> = { match: () => [], size: 0 };
const emptyLexicon: Lexicon = {
  firstNames: new Map(),
  surnames: new Map(),
  conditions: noPhrases,
  drugs: noPhrases,
};

/** A span over the first occurrence of `words` in `text` (throws if absent, to catch typos). */
export function spanOf(text: string, type: SpanType, words: string): Span {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { type, start, end: start + words.length, score: 0.9, recognizer: 'test' };
}

/** A rule input for `text`, with spans given as [type, words] pairs. */
export function inputFor(
  text: string,
  context: GuardContext,
  spans: readonly (readonly [SpanType, string])[] = [],
): RuleInput {
  return {
    doc: createDocument(text),
    spans: spans.map(([type, words]) => spanOf(text, type, words)),
    ctx: { context, options: { context }, lexicon: emptyLexicon },
  };
}

/** The rule ids an evaluator finds in `text`. */
export function rulesFound(
  evaluator: RuleEvaluator,
  text: string,
  context: GuardContext,
  spans: readonly (readonly [SpanType, string])[] = [],
): string[] {
  return evaluator.evaluate(inputFor(text, context, spans)).map((finding) => finding.rule);
}

/** The words of the spans a finding of `rule` cites. */
export function citedWords(
  evaluator: RuleEvaluator,
  rule: string,
  text: string,
  context: GuardContext,
  spans: readonly (readonly [SpanType, string])[] = [],
): string[] {
  const finding = evaluator.evaluate(inputFor(text, context, spans)).find((found) => found.rule === rule);
  return finding === undefined ? [] : finding.spans.map((span) => text.slice(span.start, span.end));
}
