import type { Finding, Span, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';

/**
 * MOD-01: comments on the establishment's pages in which people post their own or someone
 * else's personal or health data ("mon numéro de sécu c'est …", "ma fille Léa, chambre 12, pour
 * sa leucémie, rappelez-moi au 06…"), and replies that repeat such data back. The comment must
 * be hidden and the exchange moved to a private channel, however well meant it was.
 */

const IDENTIFIERS: readonly SpanType[] = ['NIR', 'HOSPITAL_ID', 'PHONE', 'EMAIL', 'ADDRESS'];
const CARE: readonly SpanType[] = ['HEALTH', 'ROOM', 'UNIT'];
const NAMED: readonly SpanType[] = ['PERSON', 'HANDLE', 'AGE'];

export const moderationEvaluator: RuleEvaluator = {
  family: 'MOD',
  evaluate({ spans, ctx }: RuleInput): Finding[] {
    if (ctx.context !== 'public' && ctx.context !== 'reply') return [];
    const pick = (types: readonly SpanType[]) => spans.filter((span) => types.includes(span.type));
    const identifiers = pick(IDENTIFIERS);
    const care = pick(CARE);
    const strongIds = identifiers.filter((span) => span.type === 'NIR' || span.type === 'HOSPITAL_ID');
    let cited: Span[] = [];
    if (ctx.context === 'public') {
      // A commenter's own or a relative's data: a social security number or a patient id alone
      // is enough; contact details count with health or care details beside them.
      if (strongIds.length > 0 || (identifiers.length > 0 && care.length > 0)) {
        cited = [...identifiers, ...care, ...pick(NAMED)];
      }
    } else if (strongIds.length > 0) {
      // The establishment's own reply repeats a patient's identifiers in public. (A phone number
      // in a reply is usually the service's own: it is not the patient's data.)
      cited = [...strongIds, ...care];
    }
    return cited.length > 0 ? [makeFinding('MOD-01', cited)] : [];
  },
};
