import type { RuleDefinition } from '../rule.js';

/** Medical secrecy: what must never let a patient be recognised. */
export const SECRET_RULES: readonly RuleDefinition[] = [
  {
    id: 'SECRET-01',
    family: 'SECRET',
    statement: {
      fr: 'Ne publiez rien qui permette de reconnaître un patient, directement ou indirectement : nom, initiales avec un contexte, chambre ou lit, date ou heure, âge avec une maladie rare, commune, photo, voix.',
      en: 'Publish nothing that lets a patient be identified, directly or indirectly: name, initials in context, room or bed, date or time, age with a rare condition, town, photo, voice.',
    },
    basis: 'CSP L1110-4; C. pén. 226-13; CSP R4127-4, R4312-5; CGFP L121-6',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: 'Ce message contient des détails qui permettent de reconnaître un patient. Le secret médical le protège, même si vous ne donnez pas son nom en entier.',
      en: 'This post contains details that let a patient be recognised. Medical secrecy protects them, even if you do not give their full name.',
    },
    fix: {
      kind: 'redact',
      text: {
        fr: "Retirez le nom, l'âge, la chambre et la date ; parlez d'« une patiente » sans aucun détail qui permette de la reconnaître.",
        en: 'Remove the name, age, room and date; speak of "a patient" with no detail that would let anyone recognise them.',
      },
    },
  },
  {
    id: 'SECRET-02',
    family: 'SECRET',
    statement: {
      fr: 'Changer un prénom ou flouter un visage ne suffit pas à anonymiser : plusieurs détails réunis permettent de reconnaître la personne.',
      en: 'A changed name or a blurred face does not anonymise: combined details re-identify the person.',
    },
    basis: 'CSP L1110-4; C. pén. 226-13; CSP R4127-4, R4312-5; CGFP L121-6; CSP R4127-73, R4312-49',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Même avec un prénom changé, l'ensemble des détails (événement, lieu, date, âge) suffit souvent à reconnaître le patient. Ses proches, eux, le reconnaîtront.",
      en: 'Even with a changed name, the details taken together (event, place, date, age) are often enough to recognise the patient. Their relatives will.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: 'Gardez seulement une leçon générale, sans lieu, sans date ni circonstance précise ; pour raconter une histoire vraie, passez par le service communication et le consentement écrit du patient.',
        en: "Keep only a general lesson, with no place, date or precise circumstance; to tell a true story, go through the communication department and the patient's written consent.",
      },
    },
  },
  {
    id: 'SECRET-03',
    family: 'SECRET',
    statement: {
      fr: "Ne confirmez jamais, même implicitement, qu'une personne est ou a été patiente, y compris en répondant à son propre message ou à son avis.",
      en: "Never confirm, even implicitly, that someone is or was a patient, including in a reply to that person's own post or review.",
    },
    basis: 'CSP L1110-4',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: 'Ce message confirme que la personne a été prise en charge chez nous. Même si elle en parle elle-même, le secret nous interdit de le confirmer publiquement.',
      en: 'This message confirms that the person was cared for here. Even if they talk about it themselves, secrecy forbids us to confirm it publicly.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: 'Répondez de façon générale (« Nous sommes désolés de lire votre message ») sans nom, date ni service, et invitez la personne à contacter le service des relations avec les usagers en privé.',
        en: 'Reply in general terms ("We are sorry to read your message") with no name, date or department, and invite the person to contact the patient relations service privately.',
      },
    },
  },
  {
    id: 'SECRET-04',
    family: 'SECRET',
    statement: {
      fr: "Ne commentez jamais la prise en charge d'une personnalité ni de personnes impliquées dans un fait d'actualité (accident, agression, décès).",
      en: 'Never comment on the care of public figures or of people involved in news events (accidents, assaults, deaths).',
    },
    basis: 'CSP L1110-4; CGFP L121-7',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Ce message évoque la prise en charge d'une personne connue ou liée à un fait d'actualité. Tout le monde peut la reconnaître, et seule la communication officielle peut s'exprimer.",
      en: 'This post mentions the care of a well-known person or of someone linked to a news event. Anyone can recognise them, and only official communication may speak.',
    },
    fix: {
      kind: 'remove',
      text: {
        fr: "Supprimez le message et ne dites rien sur cette personne ; prévenez le service communication s'il y a des questions de la presse.",
        en: 'Delete the post and say nothing about this person; alert the communication department if the press asks questions.',
      },
    },
  },
  {
    id: 'SECRET-05',
    family: 'SECRET',
    statement: {
      fr: 'Les groupes fermés, les stories privées et les groupes de messagerie ne sont pas un lieu sûr pour des informations sur un patient.',
      en: 'Closed groups, private stories and messaging groups are not a safe place for patient information.',
    },
    basis: 'C. pén. 226-13',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Un groupe privé ne protège pas le secret : une capture d'écran suffit pour qu'un message sorte. Parler d'un patient à quelques personnes reste une violation du secret.",
      en: 'A private group does not protect secrecy: one screenshot is enough for a message to leak. Telling a few people about a patient is still a breach of secrecy.',
    },
    fix: {
      kind: 'remove',
      text: {
        fr: "Retirez les informations sur le patient et utilisez les outils sécurisés de l'établissement (messagerie sécurisée de santé, staff, télé-expertise) pour discuter d'un cas.",
        en: "Remove the patient information and use the establishment's secure tools (secure health messaging, case meetings, tele-expertise) to discuss a case.",
      },
    },
  },
];
