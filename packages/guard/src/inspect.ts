import type { Lexicon } from './lexicon/lexicon.js';
import { RECOGNIZERS } from './recognizers/index.js';
import type { RecognizerContext } from './recognizers/recognizer.js';
import { resolveSpans } from './resolve.js';
import type { RuleInput } from './rules/evaluator.js';
import { EVALUATORS } from './rules/index.js';
import { type ComposedText, composeForAnalysis } from './text/compose.js';
import { createDocument } from './text/document.js';
import { CONTEXTS, type Finding, type GuardContext, type GuardOptions, type Span } from './types.js';

/** What the recognizers and the hand-written rules make of a text, before any decision. */
export interface Inspection {
  readonly composed: ComposedText;
  readonly context: GuardContext;
  readonly input: RuleInput;
  /** One finding per rule, from the hand-written rules. */
  readonly ruleFindings: readonly Finding[];
}

/** The context an option names, `staff` when it names none we know (the strictest default). */
export function contextOf(options: GuardOptions): GuardContext {
  return CONTEXTS.includes(options.context as GuardContext) ? (options.context as GuardContext) : 'staff';
}

/**
 * Runs the recognizers and the rule families over a text. Shared by `analyze` and by the
 * training of the learned layer, so that the model learns from exactly what it sees at run time.
 */
export function inspect(text: string, options: GuardOptions, lexicon: Lexicon): Inspection {
  const context = contextOf(options);
  const ctx: RecognizerContext = { context, options, lexicon };
  const composed = composeForAnalysis(text);
  const doc = createDocument(composed.text);
  const found: Span[] = [];
  for (const recognizer of RECOGNIZERS) found.push(...recognizer.find(doc, ctx));
  const spans = resolveSpans(found, doc, ctx);
  const input: RuleInput = { doc, spans, ctx };
  const raised: Finding[] = [];
  for (const evaluator of EVALUATORS) raised.push(...evaluator.evaluate(input));
  return { composed, context, input, ruleFindings: mergeByRule(raised) };
}

/**
 * One finding per rule: two families may reach the same rule (a patient on a photo breaks
 * SECRET-01 as surely as a name does); the first explanation stays, the spans are pooled.
 */
export function mergeByRule(findings: readonly Finding[]): Finding[] {
  const byRule = new Map<string, Finding>();
  for (const finding of findings) {
    const previous = byRule.get(finding.rule);
    if (previous === undefined) {
      byRule.set(finding.rule, finding);
      continue;
    }
    const spans = [...previous.spans];
    const seen = new Set(spans.map(spanKey));
    for (const span of finding.spans) {
      if (seen.has(spanKey(span))) continue;
      seen.add(spanKey(span));
      spans.push(span);
    }
    const severity = previous.severity === 'block' || finding.severity === 'block' ? 'block' : 'warn';
    byRule.set(finding.rule, { ...previous, severity, spans: spans.sort((a, b) => a.start - b.start) });
  }
  return [...byRule.values()];
}

export function spanKey(span: Span): string {
  return `${span.type}:${span.start}:${span.end}`;
}
