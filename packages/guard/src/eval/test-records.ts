import type { Finding, Report, Span, SpanType, Verdict } from '../types.js';
import type { EvalRecord, GoldSpan } from './record.js';
import type { Prediction } from './tally.js';

/** Builders for hand-made evaluation cases: only what a test states differs from a plain post. */
export function goldRecord(id: string, fields: Partial<EvalRecord> = {}): EvalRecord {
  return {
    id,
    context: 'staff',
    text: 'un texte ordinaire de quarante caractères',
    spans: [],
    rules: [],
    verdict: 'ok',
    category: null,
    verdictAssessed: true,
    annotated: 'gold',
    ...fields,
  };
}

export function gold(type: SpanType, start: number, end: number): GoldSpan {
  return { type, start, end };
}

export function predicted(type: SpanType, start: number, end: number): Span {
  return { type, start, end, score: 0.9, recognizer: 'test' };
}

export function finding(
  rule: string,
  severity: Exclude<Verdict, 'ok'>,
  spans: readonly Span[] = [],
): Finding {
  return {
    rule,
    severity,
    explanation: { fr: 'explication', en: 'explanation' },
    spans,
    fix: { kind: 'redact', text: { fr: 'retirer', en: 'remove' } },
  };
}

export function guess(
  record: EvalRecord,
  verdict: Verdict,
  fields: Partial<Pick<Report, 'spans' | 'findings' | 'category'>> = {},
): Prediction {
  return { record, report: { verdict, spans: [], findings: [], category: null, ...fields } };
}
