import type { Finding, Fix, LocalizedText, Span } from '../types.js';
import { ruleById } from './catalogue.js';

export interface FindingDetail {
  /** A more precise explanation than the rule's default (name what was seen). */
  readonly explanation?: LocalizedText;
  readonly fix?: Fix;
  /** Overrides the rule's default verdict (e.g. a milder case). */
  readonly severity?: 'warn' | 'block';
  /** Set by the learned layer for its own findings. */
  readonly source?: 'model';
}

/** A finding for a rule of the catalogue, with its defaults filled in. */
export function makeFinding(ruleId: string, spans: readonly Span[], detail: FindingDetail = {}): Finding {
  const rule = ruleById(ruleId);
  return {
    rule: rule.id,
    severity: detail.severity ?? rule.verdict,
    explanation: detail.explanation ?? rule.explanation,
    spans: [...spans].sort((a, b) => a.start - b.start),
    fix: detail.fix ?? rule.fix,
    ...(detail.source === undefined ? {} : { source: detail.source }),
  };
}
