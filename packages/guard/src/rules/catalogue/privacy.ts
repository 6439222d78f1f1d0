import type { RuleDefinition } from '../rule.js';

/** Location, privacy settings, account hygiene and where work is organised. */
export const PRIVACY_RULES: readonly RuleDefinition[] = [
  {
    id: 'GEO-01',
    family: 'GEO',
    statement: {
      fr: 'Pas de géolocalisation ni de position en temps réel dans les lieux de soins ; ne publiez jamais les lieux, horaires ou trajets du personnel.',
      en: 'No geotag or real-time location in care areas; never publish staff locations, schedules or routes.',
    },
    basis: 'CSP L1110-4; C. pén. 223-1-1',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: 'Indiquer où et quand se trouvent des soignants ou des patients peut les exposer : on sait où les attendre.',
      en: 'Saying where and when staff or patients are can expose them: people know where to wait for them.',
    },
    fix: {
      kind: 'redact',
      text: {
        fr: "Retirez la localisation, les horaires et le lieu précis ; désactivez la géolocalisation de l'application.",
        en: "Remove the location, times and precise place; turn off the app's geolocation.",
      },
    },
  },
  {
    id: 'PRIV-03',
    family: 'PRIV',
    statement: {
      fr: "N'organisez pas le travail (plannings, échanges de garde, transmissions) sur les réseaux sociaux grand public.",
      en: 'Do not organise work (schedules, shift swaps, handovers) on consumer social networks.',
    },
    basis: 'CSP L1110-4; CGFP L121-7',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: 'Plannings, échanges de garde et transmissions sur un réseau grand public révèlent qui travaille où et quand, et glissent vite vers des informations sur les patients.',
      en: 'Schedules, shift swaps and handovers on a consumer network reveal who works where and when, and quickly slip into patient information.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Passez par les outils de l'établissement (logiciel de planning, messagerie interne, cadre de santé) et retirez ce message du groupe.",
        en: "Use the establishment's tools (scheduling software, internal messaging, the ward manager) and remove this post from the group.",
      },
    },
  },
  {
    id: 'PRIV-01',
    family: 'PRIV',
    statement: {
      fr: "Revérifiez vos paramètres de confidentialité environ tous les six mois et après chaque mise à jour d'application.",
      en: 'Review your privacy settings about every six months and after each app update.',
    },
    basis: 'prudence; RGPD',
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: 'Les réseaux changent souvent leurs réglages : un compte « privé » peut devenir public sans que vous le sachiez.',
      en: 'Networks often change their settings: a "private" account can become public without you knowing.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Ouvrez les paramètres de confidentialité de chaque réseau et vérifiez qui voit vos publications, votre liste d'amis et votre employeur.",
        en: 'Open the privacy settings of each network and check who sees your posts, your friends list and your employer.',
      },
    },
  },
  {
    id: 'PRIV-02',
    family: 'PRIV',
    statement: {
      fr: "Séparez vos identités privée et professionnelle ; n'acceptez pas de patients en amis et n'utilisez pas de pseudonyme pour parler de votre employeur.",
      en: 'Keep private and professional identities apart; do not accept patients as friends or use a pseudonym to talk about your employer.',
    },
    basis: 'CNOM web deontology; devoir de réserve',
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: 'Mélanger vie privée et vie professionnelle expose vos patients comme vous-même, et un pseudonyme ne cache pas longtemps qui vous êtes.',
      en: 'Mixing private and professional life exposes your patients and yourself, and a pseudonym does not hide who you are for long.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Refusez poliment les demandes d'amis de patients et gardez un compte professionnel distinct si vous en avez besoin.",
        en: "Politely decline patients' friend requests and keep a separate professional account if you need one.",
      },
    },
  },
  {
    id: 'SEC-01',
    family: 'SEC',
    statement: {
      fr: 'Comptes institutionnels : double authentification, accès nominatifs sans mot de passe partagé, revue des accès à chaque départ.',
      en: 'Institutional accounts: multi-factor authentication, named access with no shared password, access review at each departure.',
    },
    basis: 'RGPD art. 32; CSP L1111-8-2',
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: "Un compte institutionnel piraté peut publier au nom de l'hôpital en quelques minutes ; la sécurité des accès le protège.",
      en: 'A hijacked institutional account can post in the name of the hospital within minutes; secure access protects it.',
    },
    fix: {
      kind: 'report',
      text: {
        fr: 'Activez la double authentification, retirez les accès des personnes parties et signalez tout accès suspect au service informatique.',
        en: 'Turn on multi-factor authentication, remove access for people who have left and report any suspicious access to IT.',
      },
    },
  },
];
