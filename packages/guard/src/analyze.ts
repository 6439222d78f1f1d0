import type { Lexicon } from './lexicon/lexicon.js';
import { loadLexicon } from './lexicon/load.js';
import { RECOGNIZERS } from './recognizers/index.js';
import type { RecognizerContext } from './recognizers/recognizer.js';
import { redact } from './redact.js';
import { resolveSpans } from './resolve.js';
import { saferVersion } from './rewrite/safer-version.js';
import { categorize } from './rules/category.js';
import type { RuleInput } from './rules/evaluator.js';
import { EVALUATORS } from './rules/index.js';
import { composeForAnalysis } from './text/compose.js';
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
  // Callers in plain JavaScript may pass null or anything else: read it as no option.
  const safeOptions: GuardOptions = options !== null && typeof options === 'object' ? options : {};
  const context: GuardContext = CONTEXTS.includes(safeOptions.context as GuardContext)
    ? (safeOptions.context as GuardContext)
    : 'staff';
  const ctx: RecognizerContext = { context, options: safeOptions, lexicon };
  const composed = composeForAnalysis(safeText);
  const doc = createDocument(composed.text);

  const found: Span[] = [];
  for (const recognizer of RECOGNIZERS) found.push(...recognizer.find(doc, ctx));
  const spans = resolveSpans(found, doc, ctx);

  const input: RuleInput = { doc, spans, ctx };
  const raised: Finding[] = [];
  for (const evaluator of EVALUATORS) raised.push(...evaluator.evaluate(input));
  const findings = mergeByRule(raised);

  let verdict: Verdict = 'ok';
  for (const finding of findings) {
    if (SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[verdict]) verdict = finding.severity;
  }
  // Offsets go back to the text as given, whatever form it was analysed in.
  const back = composed.unchanged
    ? (span: Span): Span => span
    : (span: Span): Span => ({
        ...span,
        start: composed.toOriginal(span.start),
        end: composed.toOriginalEnd(span.end),
      });
  const reported = findings.map((finding) => ({ ...finding, spans: finding.spans.map(back) }));
  const cited = citedSpans(reported);
  const report: Report = {
    verdict,
    context,
    spans: cited,
    detected: spans.map(back),
    findings: reported,
    redacted: redact(safeText, cited),
    category: context === 'public' ? categorize(input, findings) : null,
  };
  if (safeOptions.saferVersion !== true) return report;
  const recheck = (rewritten: string, again: GuardOptions): Report => analyze(rewritten, again, lexicon);
  return { ...report, saferVersion: saferVersion(safeText, report, { ...safeOptions, context }, recheck) };
}

/**
 * One finding per rule: two families may reach the same rule (a patient on a photo breaks
 * SECRET-01 as surely as a name does); the first explanation stays, the spans are pooled.
 */
function mergeByRule(findings: readonly Finding[]): Finding[] {
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

function spanKey(span: Span): string {
  return `${span.type}:${span.start}:${span.end}`;
}

/** The spans that some finding relies on, once each, in text order. */
function citedSpans(findings: readonly Finding[]): Span[] {
  const byKey = new Map<string, Span>();
  for (const finding of findings) {
    for (const span of finding.spans) byKey.set(spanKey(span), span);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}
