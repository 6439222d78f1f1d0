import type { RuleInput } from '../rules/evaluator.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span, SpanType } from '../types.js';
import { testContext } from './context.js';

/** A span over the first occurrence of `part` in `text` (throws if absent: a test typo). */
export function spanOf(text: string, part: string, type: SpanType, score = 0.8): Span {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in "${text}"`);
  return { type, start, end: start + part.length, score, recognizer: 'test' };
}

/** A rule input with hand-made spans: [substring, type] pairs. */
export function ruleInput(
  text: string,
  marks: readonly (readonly [string, SpanType])[],
  context: GuardContext = 'staff',
): RuleInput {
  return {
    doc: createDocument(text),
    spans: marks.map(([part, type]) => spanOf(text, part, type)),
    ctx: testContext(context),
  };
}
