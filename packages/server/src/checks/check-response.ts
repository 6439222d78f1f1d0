import type { Report, Span } from '@blouse/guard';
import type { z } from 'zod';
import type { checkResponse } from './schemas.js';

export type CheckResponse = z.output<typeof checkResponse>;

/** A span as the client sees it: where, what, how sure, and why (the recognizer's name is internal). */
function spanOut(span: Span): CheckResponse['spans'][number] {
  return {
    type: span.type,
    start: span.start,
    end: span.end,
    score: span.score,
    ...(span.evidence === undefined ? {} : { evidence: span.evidence }),
  };
}

/** The guard's report as the API returns it: the same facts, in plain mutable JSON. */
export function toCheckResponse(report: Report): CheckResponse {
  return {
    verdict: report.verdict,
    context: report.context,
    category: report.category,
    redacted: report.redacted,
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      explanation: { fr: finding.explanation.fr, en: finding.explanation.en },
      fix: { kind: finding.fix.kind, text: { fr: finding.fix.text.fr, en: finding.fix.text.en } },
      spans: finding.spans.map(spanOut),
      raisedBy: finding.source === 'model' ? ('model' as const) : ('rule' as const),
    })),
    spans: report.spans.map(spanOut),
    detected: report.detected.map(spanOut),
    saferVersion: saferVersionOut(report),
  };
}

/** The safer version, or why there is none; a report made without one offers the text as it is only if it is ok. */
function saferVersionOut(report: Report): CheckResponse['saferVersion'] {
  const version = report.saferVersion;
  if (version === undefined) {
    return report.verdict === 'ok'
      ? { text: report.redacted }
      : { text: null, reason: { fr: 'Aucune version sûre proposée.', en: 'No safe version offered.' } };
  }
  if (version.text !== null) return { text: version.text };
  return { text: null, reason: { fr: version.reason.fr, en: version.reason.en } };
}
