import type { RecognizerContext } from '../recognizers/recognizer.js';
import type { GuardDocument } from '../text/document.js';
import type { Finding, Span } from '../types.js';

export interface RuleInput {
  readonly doc: GuardDocument;
  /** Every span the recognizers found, after context scoring and the establishment's lists. */
  readonly spans: readonly Span[];
  readonly ctx: RecognizerContext;
}

/**
 * Decides whether the text breaks the rules of one family, and cites the spans that show it.
 * Only spans cited by a finding appear in the report: a name in a harmless post is no breach.
 */
export interface RuleEvaluator {
  readonly family: string;
  evaluate(input: RuleInput): Finding[];
}
