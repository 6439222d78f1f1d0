import type { Lexicon } from './lexicon/lexicon.js';
import { loadLexicon } from './lexicon/load.js';
import { RECOGNIZERS } from './recognizers/index.js';
import type { RecognizerContext } from './recognizers/recognizer.js';
import { redact } from './redact.js';
import { resolveSpans } from './resolve.js';
import { categorize } from './rules/category.js';
import type { RuleInput } from './rules/evaluator.js';
import { EVALUATORS } from './rules/index.js';
import { createDocument } from './text/document.js';
import {
  CONTEXTS,
  type Finding,
  type GuardContext,
  type GuardOptions,
  type Report,
  type Span,
  type Verdict,
} from './types.js';

const SEVERITY_ORDER: Record<Verdict, number> = { ok: 0, warn: 1, block: 2 };

/**
 * Checks a text against the rule catalogue.
 *
 * Never throws on any string (empty, huge, lone surrogates, control characters); a value that is
 * not a string is read as the empty text, since a report on nothing is the honest answer.
 */
export function analyze(text: string, options: GuardOptions = {}, lexicon: Lexicon = loadLexicon()): Report {
  const safeText = typeof text === 'string' ? text : '';
  const context: GuardContext = CONTEXTS.includes(options.context as GuardContext)
    ? (options.context as GuardContext)
    : 'staff';
  const ctx: RecognizerContext = { context, options, lexicon };
  const doc = createDocument(safeText);

  const found: Span[] = [];
  for (const recognizer of RECOGNIZERS) found.push(...recognizer.find(doc, ctx));
  const spans = resolveSpans(found, doc, ctx);

  const input: RuleInput = { doc, spans, ctx };
  const findings: Finding[] = [];
  for (const evaluator of EVALUATORS) findings.push(...evaluator.evaluate(input));

  let verdict: Verdict = 'ok';
  for (const finding of findings) {
    if (SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[verdict]) verdict = finding.severity;
  }
  const cited = citedSpans(findings);
  return {
    verdict,
    context,
    spans: cited,
    detected: spans,
    findings,
    redacted: redact(safeText, cited),
    category: context === 'public' ? categorize(input, findings) : null,
  };
}

/** The spans that some finding relies on, once each, in text order. */
function citedSpans(findings: readonly Finding[]): Span[] {
  const byKey = new Map<string, Span>();
  for (const finding of findings) {
    for (const span of finding.spans) byKey.set(`${span.type}:${span.start}:${span.end}`, span);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}
