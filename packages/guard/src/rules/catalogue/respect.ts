import type { RuleDefinition } from '../rule.js';

/** Respect, defamation, harassment and exposure of people. */
export const RESPECT_RULES: readonly RuleDefinition[] = [
  {
    id: 'RESPECT-01',
    family: 'RESPECT',
    statement: {
      fr: 'Aucune moquerie ni insulte envers collègues, étudiants, patients ou familles ; aucun contenu discriminatoire.',
      en: 'No mockery or insults of colleagues, students, patients or families; no discriminatory content.',
    },
    basis: 'CGFP L121-1; loi 1881 art. 33',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Ce message se moque ou insulte des personnes. Même sur le ton de l'humour, il blesse et peut être puni par la loi.",
      en: 'This post mocks or insults people. Even as a joke, it hurts and can be punished by law.',
    },
    fix: {
      kind: 'remove',
      text: {
        fr: 'Supprimez les mots moqueurs ou insultants ; si une situation vous a pesé, racontez ce que vous avez ressenti sans viser personne.',
        en: 'Remove the mocking or insulting words; if a situation weighed on you, say how you felt without targeting anyone.',
      },
    },
  },
  {
    id: 'RESPECT-02',
    family: 'RESPECT',
    statement: {
      fr: "N'identifiez pas et ne nommez pas vos collègues sans leur accord, surtout dans un contexte critique.",
      en: 'Do not tag or name colleagues without their consent, above all in a critical context.',
    },
    basis: 'C. civ. 9',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Nommer ou identifier un collègue dans un message critique l'expose publiquement, sans qu'il puisse répondre.",
      en: 'Naming or tagging a colleague in a critical post exposes them publicly, without any way to answer.',
    },
    fix: {
      kind: 'redact',
      text: {
        fr: "Retirez le nom ou l'identification du collègue ; réglez le différend directement avec lui ou avec votre cadre.",
        en: "Remove the colleague's name or tag; settle the disagreement directly with them or with your manager.",
      },
    },
  },
  {
    id: 'DEFAM-01',
    family: 'DEFAM',
    statement: {
      fr: "N'affirmez jamais un fait précis qui porte atteinte à l'honneur de quelqu'un, même au conditionnel, par « on dit que » ou sans nom s'il est reconnaissable.",
      en: "Never allege a precise fact that harms someone's honour, even as hearsay, in the conditional or without a name if they are identifiable.",
    },
    basis: 'loi 1881 art. 29, 31, 32',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Accuser une personne reconnaissable d'un fait grave, même sous forme de rumeur, peut être de la diffamation. La personne peut porter plainte.",
      en: 'Accusing an identifiable person of a serious act, even as a rumour, can be defamation. The person can sue.',
    },
    fix: {
      kind: 'remove',
      text: {
        fr: "Supprimez l'accusation ; si vous avez connaissance d'un fait grave, signalez-le à votre hiérarchie ou par la procédure d'alerte.",
        en: 'Delete the accusation; if you know of a serious fact, report it to your managers or through the whistle-blowing procedure.',
      },
    },
  },
  {
    id: 'HARASS-01',
    family: 'HARASS',
    statement: {
      fr: 'Ne participez à aucun acharnement : ne partagez pas de contenu qui vise une personne.',
      en: 'No pile-ons: do not share content that targets a person.',
    },
    basis: 'C. pén. 222-33-2-2',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Appeler à retrouver, dénoncer ou harceler quelqu'un en ligne peut avoir des conséquences graves pour cette personne, et c'est un délit.",
      en: 'Calling on people to find, denounce or harass someone online can have serious consequences for them, and it is an offence.',
    },
    fix: {
      kind: 'report',
      text: {
        fr: 'Ne partagez pas ce contenu ; signalez-le à la plateforme et au service communication, et soutenez la personne visée.',
        en: 'Do not share this content; report it to the platform and the communication department, and support the person targeted.',
      },
    },
  },
  {
    id: 'DOXX-01',
    family: 'DOXX',
    statement: {
      fr: "Ne publiez jamais ce qui permet de localiser ou d'exposer un soignant ou un patient : domicile, voiture, horaires, famille.",
      en: 'Never publish what lets a staff member or patient be located or exposed: home, car, shift times, family.',
    },
    basis: 'C. pén. 223-1-1',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Ce message donne de quoi retrouver une personne (horaires, voiture, adresse). Cela peut la mettre en danger, et c'est puni par la loi.",
      en: 'This post gives what is needed to find a person (times, car, address). It can put them in danger, and it is punished by law.',
    },
    fix: {
      kind: 'report',
      text: {
        fr: "Ne publiez pas ces détails ; si le message vient d'un tiers, signalez-le à la plateforme, au service communication et à la sécurité.",
        en: 'Do not publish these details; if the post comes from someone else, report it to the platform, the communication department and security.',
      },
    },
  },
];
