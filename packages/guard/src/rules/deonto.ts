/**
 * DEONTO: professional ethics for staff who talk about health online.
 * - DEONTO-01: an unsourced health claim (miracle cures, "le vaccin ne sert à rien"); a post
 *   that cites a recognised source (HAS, Santé publique France, Inserm, a dated study) is fine.
 * - DEONTO-02: personal medical advice ("doublez la dose", "donne-lui du doliprane", "pas besoin
 *   de consulter"); redirecting to a doctor or the 15 is the right answer, not a breach.
 * - DEONTO-03: advertising (promo codes, discounts, undisclosed partnerships, testimonials that
 *   promote a practitioner).
 * Institutional content goes through validation and speaks in general terms, so DEONTO-01 and
 * DEONTO-03 look at staff posts only; advice (DEONTO-02) can also slip into a reply.
 * DEONTO-01 and DEONTO-03 are about content, so they cite no span; DEONTO-02 cites the person the
 * advice is for, when the post names them.
 */
import type { Finding } from '../types.js';
import { explainCue, peopleNear } from './conduct-text.js';
import { promotion } from './deonto-advertising.js';
import { personalAdvice } from './deonto-advice.js';
import { unsourcedClaim } from './deonto-claims.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';

export const deontoEvaluator: RuleEvaluator = {
  family: 'DEONTO',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    const findings: Finding[] = [];
    if (ctx.context === 'staff') {
      const claim = unsourcedClaim(doc.folded);
      if (claim !== null) {
        findings.push(
          makeFinding('DEONTO-01', [], {
            explanation: explainCue(doc, claim, {
              fr: "cette affirmation de santé n'est appuyée sur aucune source. Venant d'un soignant, elle sera crue et peut détourner quelqu'un d'un vrai traitement.",
              en: 'this health claim rests on no source. Coming from a health professional, it will be believed and may turn someone away from real treatment.',
            }),
          }),
        );
      }
    }
    if (ctx.context === 'staff' || ctx.context === 'reply') {
      const advice = personalAdvice(doc, ctx.context, ctx.lexicon.drugs);
      if (advice !== null) {
        findings.push(
          makeFinding('DEONTO-02', peopleNear(doc, spans, advice, ['AGE', 'HEALTH']), {
            explanation: explainCue(doc, advice, {
              fr: "c'est un conseil de traitement pour une personne que vous n'avez pas examinée. Sans connaître son état ni ses autres traitements, il peut être dangereux.",
              en: 'this is treatment advice for someone you have not examined. Without knowing their condition or other treatments, it can be dangerous.',
            }),
          }),
        );
      }
    }
    if (ctx.context === 'staff') {
      const advert = promotion(doc.folded);
      if (advert !== null) {
        findings.push(
          makeFinding('DEONTO-03', [], {
            explanation: explainCue(doc, advert, {
              fr: "c'est de la publicité. Les soignants ne doivent pas promouvoir leurs soins ni des produits, et tout partenariat doit être déclaré.",
              en: 'this is advertising. Health professionals must not promote their care or products, and any partnership must be disclosed.',
            }),
          }),
        );
      }
    }
    return findings;
  },
};
