import { categoryOf } from './decision/category.js';
import { decide } from './decision/decide.js';
import { lemmatizerOf } from './decision/lemma.js';
import { type DecisionModel, loadShippedModel, loadShippedTagger } from './decision/model.js';
import { withTaggedSpans } from './decision/spans/apply-tagger.js';
import { inspect, spanKey } from './inspect.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { loadLexicon } from './lexicon/load.js';
import { redact } from './redact.js';
import { saferVersion } from './rewrite/safer-version.js';
import { categorize } from './rules/category.js';
import type { Finding, GuardOptions, Report, Span, Verdict } from './types.js';

const SEVERITY_ORDER: Record<Verdict, number> = { ok: 0, warn: 1, block: 2 };

/**
 * Checks a text against the rule catalogue.
 *
 * Never throws on any string (empty, huge, lone surrogates, control characters); a value that is
 * not a string is read as the empty text, since a report on nothing is the honest answer.
 */
export function analyze(
  text: string,
  options: GuardOptions = {},
  lexicon: Lexicon = loadLexicon(),
  model: DecisionModel | null = loadShippedModel(),
  tagger: DecisionModel | null = loadShippedTagger(),
): Report {
  const safeText = typeof text === 'string' ? text : '';
  // Callers in plain JavaScript may pass null or anything else: read it as no option.
  const safeOptions: GuardOptions = options !== null && typeof options === 'object' ? options : {};
  const { composed, context, input, ruleFindings } = inspect(safeText, safeOptions, lexicon);
  const lemma = lemmatizerOf(lexicon);
  const learned =
    model === null
      ? null
      : decide(model, { doc: input.doc, context, spans: input.spans, findings: ruleFindings }, lemma);
  const decided =
    learned === null
      ? ruleFindings
      : [...ruleFindings.filter((finding) => !learned.vetoed.includes(finding.rule)), ...learned.findings];

  let verdict: Verdict = 'ok';
  for (const finding of decided) {
    if (SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[verdict]) verdict = finding.severity;
  }
  // Which words show the breach: the span tagger reads persons and health details in context.
  const findings =
    tagger === null || verdict === 'ok'
      ? decided
      : withTaggedSpans(
          decided,
          tagger,
          { doc: input.doc, context, spans: input.spans, findings: ruleFindings },
          lemma,
          lexicon.wordClassesOf,
        );
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
  const intent = context === 'public' && learned !== null ? learned.intent : null;
  const report: Report = {
    verdict,
    context,
    spans: cited,
    detected: input.spans.map(back),
    findings: reported,
    redacted: redact(safeText, cited),
    category:
      context !== 'public'
        ? null
        : learned === null
          ? categorize(input, findings)
          : categoryOf(findings, learned),
    intent,
    ...(learned === null ? {} : { familyScores: learned.familyScores }),
  };
  if (safeOptions.saferVersion !== true) return report;
  const recheck = (rewritten: string, again: GuardOptions): Report =>
    analyze(rewritten, again, lexicon, model, tagger);
  return { ...report, saferVersion: saferVersion(safeText, report, { ...safeOptions, context }, recheck) };
}

/** The spans that some finding relies on, once each, in text order. */
function citedSpans(findings: readonly Finding[]): Span[] {
  const byKey = new Map<string, Span>();
  for (const finding of findings) {
    for (const span of finding.spans) byKey.set(spanKey(span), span);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}
