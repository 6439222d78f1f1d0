import type { RuleDefinition } from '../rule.js';

/** Who speaks for the establishment, restraint, discretion and crises. */
export const VOICE_RULES: readonly RuleDefinition[] = [
  {
    id: 'ROLE-01',
    family: 'ROLE',
    statement: {
      fr: "Seuls le service communication et les porte-parole désignés s'expriment au nom de l'établissement.",
      en: 'Only the communication department and designated spokespeople speak in the name of the establishment.',
    },
    basis: 'CGFP L121-7',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Vous parlez ici au nom de l'hôpital ou de votre service. Les lecteurs prendront vos mots pour une position officielle, qui engage tout l'établissement.",
      en: 'Here you speak in the name of the hospital or your department. Readers will take your words as an official position that commits the whole establishment.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Parlez en votre nom seulement, ou partagez la publication officielle ; pour une réponse de l'hôpital, transmettez au service communication.",
        en: 'Speak only for yourself, or share the official post; for an answer from the hospital, pass it on to the communication department.',
      },
    },
  },
  {
    id: 'ROLE-02',
    family: 'ROLE',
    statement: {
      fr: "« Ces propos n'engagent que moi » ne protège personne : les lecteurs font quand même le lien avec votre lieu de travail.",
      en: '"These views are my own" protects nobody: readers still link the person to the workplace.',
    },
    basis: 'good-practice guide; CAA Bordeaux 2022',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Une mention comme « mes propos n'engagent que moi » ne vous protège pas : le secret, la discrétion et la réserve s'appliquent toujours, et on vous relie à votre employeur.",
      en: 'A disclaimer such as "my views are my own" does not protect you: secrecy, discretion and reserve still apply, and people link you to your employer.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Relisez le message comme s'il était signé de votre établissement ; si vous donnez un avis personnel sur votre employeur, retirez la mention de votre lieu de travail et restez mesuré.",
        en: 'Reread the post as if it were signed by your establishment; if you give a personal opinion about your employer, remove the mention of your workplace and stay measured.',
      },
    },
  },
  {
    id: 'ROLE-03',
    family: 'ROLE',
    statement: {
      fr: "Ne répondez pas vous-même aux fausses informations ou aux critiques visant l'hôpital : signalez-les au service communication.",
      en: 'Do not answer false information or criticism about the hospital yourself: report it to the communication department.',
    },
    basis: 'good-practice guide',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Répondre soi-même à une critique ou à une rumeur relance souvent la polémique et peut vous exposer. Le service communication choisit s'il faut ignorer, surveiller ou répondre.",
      en: 'Answering criticism or a rumour yourself often fuels the controversy and can expose you. The communication department decides whether to ignore, monitor or answer.',
    },
    fix: {
      kind: 'report',
      text: {
        fr: 'Ne publiez pas cette réponse ; envoyez le lien du message au service communication, qui décidera de la suite.',
        en: 'Do not post this reply; send the link to the communication department, which will decide what to do.',
      },
    },
  },
  {
    id: 'RESERVE-01',
    family: 'RESERVE',
    statement: {
      fr: "Exprimez vos opinions personnelles sur l'employeur, la hiérarchie et les collègues avec retenue.",
      en: 'Express personal opinions on the employer, hierarchy and colleagues with restraint.',
    },
    basis: 'devoir de réserve; CGFP L121-1, L121-2',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: 'Critiquer est permis, mais des mots blessants contre votre direction ou vos collègues manquent au devoir de réserve et peuvent vous valoir des sanctions.',
      en: 'Criticism is allowed, but hurtful words against your management or colleagues break the duty of reserve and can lead to sanctions.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: 'Décrivez les faits et votre désaccord sans attaque personnelle (« Nous manquons de moyens et je le regrette »), ou passez par les instances et les syndicats.',
        en: 'Describe the facts and your disagreement without personal attacks ("We lack resources and I regret it"), or go through staff bodies and unions.',
      },
    },
  },
  {
    id: 'DISCR-01',
    family: 'DISCR',
    statement: {
      fr: 'Aucune information interne : incidents, notes de service, chiffres non publiés, dispositifs de sécurité, plans de crise, questions de personnel.',
      en: 'No internal information: incidents, internal notes, unpublished figures, security arrangements, crisis plans, HR matters.',
    },
    basis: 'CGFP L121-7',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: "Ce message dévoile une information interne à l'établissement. La discrétion professionnelle protège les patients, les équipes et la sécurité du site.",
      en: "This post reveals internal information about the establishment. Professional discretion protects patients, teams and the site's security.",
    },
    fix: {
      kind: 'remove',
      text: {
        fr: "Retirez l'information interne (chiffres, codes, mesures disciplinaires, contenu de note) ; pour alerter, passez par votre hiérarchie, les instances ou la procédure de lanceur d'alerte.",
        en: 'Remove the internal information (figures, codes, disciplinary measures, note contents); to raise an alert, go through your managers, staff bodies or the whistle-blowing procedure.',
      },
    },
  },
  {
    id: 'CRISIS-01',
    family: 'CRISIS',
    statement: {
      fr: 'Pendant une crise (plan blanc, grève, attentat), ne relayez que les informations officielles, jamais de rumeurs ni de chiffres internes.',
      en: 'During a crisis (plan blanc, strike, attack), relay only official information, never rumours or internal figures.',
    },
    basis: 'CGFP L121-7',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: 'En pleine crise, une rumeur ou un chiffre non vérifié se propage très vite et peut inquiéter les familles ou gêner les secours.',
      en: 'In a crisis, a rumour or unchecked figure spreads very fast and can alarm families or hamper the response.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Ne partagez que les messages officiels de l'établissement ou des autorités, et renvoyez vers eux plutôt que vers des « on dit ».",
        en: 'Share only official messages from the establishment or the authorities, and point to them rather than to hearsay.',
      },
    },
  },
];
