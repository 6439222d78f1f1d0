/**
 * DEONTO: professional ethics for health content online.
 * - DEONTO-01: an unsourced health claim (miracle cures, "protège à 100 %", "le masque ne sert à
 *   rien"); a post that cites a recognised source (HAS, Santé publique France, Inserm, a dated
 *   study) is fine.
 * - DEONTO-02: personal medical advice ("doublez la dose", "donne-lui du doliprane", "pas besoin
 *   de consulter"); redirecting to a doctor or the 15 is the right answer, not a breach.
 * - DEONTO-03: advertising (promo codes, discounts, undisclosed partnerships, testimonials that
 *   promote a practitioner).
 * A false health claim or an advert misleads whoever posts it, the establishment's own accounts
 * and the public included, so DEONTO-01 and DEONTO-03 apply to every account. Personal advice
 * (DEONTO-02) is a professional's fault: staff posts, the establishment's replies, and public
 * posts whose author presents as a health professional ("infirmière ici").
 * DEONTO-01 and DEONTO-03 are about content, so they cite no span; DEONTO-02 cites the person the
 * advice is for, when the post names them.
 */
import type { Finding, GuardContext } from '../types.js';
import { explainCue, peopleNear, speaksAsProfessional } from './conduct-text.js';
import { promotion } from './deonto-advertising.js';
import { personalAdvice } from './deonto-advice.js';
import { unsourcedClaim } from './deonto-claims.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';

/** Whether the author could be giving care: staff, the establishment, a self-declared professional. */
function givesCare(context: GuardContext, folded: string): boolean {
  if (context === 'staff' || context === 'reply') return true;
  return context === 'public' && speaksAsProfessional(folded);
}

function claimFindings(input: RuleInput): Finding[] {
  const { doc } = input;
  const claim = unsourcedClaim(doc.folded);
  if (claim === null) return [];
  return [
    makeFinding('DEONTO-01', [], {
      explanation: explainCue(doc, claim, {
        fr: "cette affirmation de santé n'est appuyée sur aucune source. Venant d'un soignant ou d'un hôpital, elle sera crue et peut détourner quelqu'un d'un vrai traitement.",
        en: 'this health claim rests on no source. Coming from a health professional or a hospital, it will be believed and may turn someone away from real treatment.',
      }),
    }),
  ];
}

function adviceFindings(input: RuleInput): Finding[] {
  const { doc, spans, ctx } = input;
  if (!givesCare(ctx.context, doc.folded)) return [];
  const advice = personalAdvice(doc, ctx.context === 'reply' ? 'reply' : 'staff', ctx.lexicon.drugs);
  if (advice === null) return [];
  return [
    makeFinding('DEONTO-02', peopleNear(doc, spans, advice, ['AGE', 'HEALTH']), {
      explanation: explainCue(doc, advice, {
        fr: "c'est un conseil de traitement pour une personne que vous n'avez pas examinée. Sans connaître son état ni ses autres traitements, il peut être dangereux.",
        en: 'this is treatment advice for someone you have not examined. Without knowing their condition or other treatments, it can be dangerous.',
      }),
    }),
  ];
}

function advertFindings(input: RuleInput): Finding[] {
  const { doc, ctx } = input;
  const advert = promotion(doc, ctx.context);
  if (advert === null) return [];
  return [
    makeFinding('DEONTO-03', [], {
      explanation: explainCue(doc, advert, {
        fr: "c'est de la publicité. Les soignants et les établissements de santé ne doivent pas promouvoir des soins ni des produits, et tout partenariat doit être déclaré.",
        en: 'this is advertising. Health professionals and establishments must not promote care or products, and any partnership must be disclosed.',
      }),
    }),
  ];
}

export const deontoEvaluator: RuleEvaluator = {
  family: 'DEONTO',
  evaluate(input: RuleInput): Finding[] {
    return [...claimFindings(input), ...adviceFindings(input), ...advertFindings(input)];
  },
};
