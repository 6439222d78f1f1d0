import type { RuleDefinition } from '../rule.js';

/** Professional-ethics rules for staff who create health content. */
export const DEONTO_RULES: readonly RuleDefinition[] = [
  {
    id: 'DEONTO-01',
    family: 'DEONTO',
    statement: {
      fr: "Ne diffusez de contenu de santé qu'à partir de données confirmées, datées et sourcées.",
      en: 'Health content only from confirmed, dated, sourced data.',
    },
    basis: 'CSP R4127-13, R4312-44',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Cette affirmation de santé n'a pas de source. Venant d'un soignant, elle sera crue et peut pousser quelqu'un à mal se soigner.",
      en: 'This health claim has no source. Coming from a health professional, it will be believed and may lead someone to treat themselves badly.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Appuyez-vous sur une source reconnue et datée (HAS, Santé publique France, étude publiée) et citez-la, ou retirez l'affirmation.",
        en: 'Rely on a recognised, dated source (HAS, Santé publique France, a published study) and cite it, or remove the claim.',
      },
    },
  },
  {
    id: 'DEONTO-02',
    family: 'DEONTO',
    statement: {
      fr: 'Aucun conseil médical personnalisé en ligne : orientez vers une consultation ou le 15.',
      en: 'No personalised medical advice online: redirect to a consultation or the 15.',
    },
    basis: 'professional ethics codes',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Un conseil de traitement donné sans examen peut être dangereux, car on ne connaît ni l'état de la personne ni ses autres traitements.",
      en: "Treatment advice given without an examination can be dangerous, since nothing is known of the person's condition or other treatments.",
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Ne donnez pas de dose ni de consigne de traitement ; invitez la personne à consulter son médecin ou son pharmacien, ou à appeler le 15 en cas d'urgence.",
        en: 'Give no dose or treatment instruction; invite the person to see their doctor or pharmacist, or to call 15 in an emergency.',
      },
    },
  },
  {
    id: 'DEONTO-03',
    family: 'DEONTO',
    statement: {
      fr: 'Pas de publicité, de code promo, de partenariat non déclaré ni de témoignage de patient pour promouvoir un praticien.',
      en: 'No advertising, promo codes, undisclosed partnerships or patient testimonials promoting a practitioner.',
    },
    basis: 'CSP R4127-19, R4312-68-1; loi 2023-451',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Les soignants n'ont pas le droit de faire de la publicité pour leurs soins ou pour des produits de santé ; un partenariat doit toujours être déclaré.",
      en: 'Health professionals may not advertise their care or health products; any partnership must always be disclosed.',
    },
    fix: {
      kind: 'remove',
      text: {
        fr: "Retirez le code promo, la réduction et l'appel à commander ; gardez, si vous voulez, une information neutre et sourcée.",
        en: 'Remove the promo code, the discount and the call to order; keep, if you wish, neutral and sourced information.',
      },
    },
  },
];
