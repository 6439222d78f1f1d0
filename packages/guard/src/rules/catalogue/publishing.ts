import type { RuleDefinition } from '../rule.js';

/** Institutional publishing, moderation and reporting. */
export const PUBLISHING_RULES: readonly RuleDefinition[] = [
  {
    id: 'MOD-01',
    family: 'MOD',
    statement: {
      fr: "Sur les comptes institutionnels, masquez les commentaires où des internautes publient leurs données personnelles ou de santé, ou celles d'autrui, et poursuivez l'échange en privé.",
      en: "On institutional accounts, hide comments in which users post their own or others' personal or health data, and move the exchange to a private channel.",
    },
    basis: 'RGPD; C. civ. 9',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Ce commentaire expose des données personnelles ou de santé sur notre page. Le laisser visible, c'est laisser circuler ces informations sous le nom de l'hôpital.",
      en: "This comment exposes personal or health data on our page. Leaving it visible lets that information circulate under the hospital's name.",
    },
    fix: {
      kind: 'remove',
      text: {
        fr: 'Masquez le commentaire et écrivez en privé : « Pour protéger votre vie privée, nous avons masqué votre message ; vous pouvez contacter le service des relations avec les usagers. »',
        en: 'Hide the comment and write privately: "To protect your privacy, we have hidden your message; you can contact the patient relations service."',
      },
    },
  },
  {
    id: 'MOD-02',
    family: 'MOD',
    statement: {
      fr: "Pour répondre à une plainte : accuser réception, montrer de l'empathie, ne donner aucun détail sur la prise en charge, orienter vers le service des relations avec les usagers.",
      en: 'Replies to complaints: acknowledge, show empathy, give no case detail, redirect to the patient relations service.',
    },
    basis: 'CSP L1110-4; CSP R1112-91; CSP L1112-3',
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: 'Une réponse publique à une plainte est lue par tous : le moindre détail sur le séjour trahit le secret, et un débat envenime la situation.',
      en: 'A public reply to a complaint is read by everyone: the smallest detail about the stay breaches secrecy, and arguing makes things worse.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: 'Remerciez la personne, dites que vous prenez sa remarque au sérieux et invitez-la à contacter le service des relations avec les usagers, sans aucun détail sur son séjour.',
        en: 'Thank the person, say you take the remark seriously and invite them to contact the patient relations service, with no detail about their stay.',
      },
    },
  },
  {
    id: 'INST-01',
    family: 'INST',
    statement: {
      fr: 'Les publications institutionnelles suivent un circuit de validation : auteur, responsable du service, communication, puis DPO, juridique ou direction si besoin.',
      en: 'Institutional posts follow a validation workflow: author, service owner, communication, then DPO, legal or management when needed.',
    },
    basis: "director's authority; RGPD accountability",
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: "Une publication au nom de l'hôpital engage tout l'établissement ; la relecture évite qu'une erreur ou une donnée personnelle ne parte en ligne.",
      en: 'A post in the name of the hospital commits the whole establishment; review keeps mistakes and personal data from going online.',
    },
    fix: {
      kind: 'report',
      text: {
        fr: 'Soumettez la publication au circuit de validation et joignez les consentements avant de la programmer.',
        en: 'Submit the post to the validation workflow and attach the consents before scheduling it.',
      },
    },
  },
  {
    id: 'INST-02',
    family: 'INST',
    statement: {
      fr: 'Toute personne reconnaissable dans un contenu institutionnel a un consentement enregistré, avec sa durée et la possibilité de le retirer.',
      en: 'Every identifiable person in institutional content has a recorded consent, with its expiry and the possibility to withdraw it.',
    },
    basis: 'C. civ. 9; RGPD art. 7, 9, 17',
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: "Sans consentement enregistré, on ne peut ni prouver l'accord de la personne ni retirer le contenu à temps si elle change d'avis.",
      en: "Without a recorded consent, the person's agreement cannot be proven nor the content taken down in time if they change their mind.",
    },
    fix: {
      kind: 'report',
      text: {
        fr: "Enregistrez le consentement (usage, réseaux, durée) dans le registre avant publication, et retirez le contenu dès qu'il est retiré.",
        en: 'Record the consent (use, networks, duration) in the register before publishing, and take the content down as soon as it is withdrawn.',
      },
    },
  },
  {
    id: 'REPORT-01',
    family: 'REPORT',
    statement: {
      fr: 'Face à un message problématique, signalez-le au lieu de le partager, et gardez une preuve (lien, date, capture).',
      en: 'Report, do not share, a problematic message; keep evidence (link, date, screenshot).',
    },
    basis: 'good-practice guide; RGPD art. 33; loi 1881 art. 65',
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: "Partager un message problématique, même pour le dénoncer, le diffuse davantage ; le signaler permet d'agir vite et dans les délais.",
      en: 'Sharing a problematic message, even to denounce it, spreads it further; reporting it allows quick action within legal deadlines.',
    },
    fix: {
      kind: 'report',
      text: {
        fr: 'Ne transférez pas le message ; notez le lien et la date, faites une capture et envoyez-les au service communication.',
        en: 'Do not forward the message; note the link and date, take a screenshot and send them to the communication department.',
      },
    },
  },
  {
    id: 'VIRAL-01',
    family: 'VIRAL',
    statement: {
      fr: 'Tout ce qui est publié peut devenir public, permanent et viral : « privé » est un réglage, pas une garantie.',
      en: 'Anything posted may become public, permanent and viral: "private" is a setting, not a guarantee.',
    },
    basis: 'case law (Cass. 2013, 2018; CAA Bordeaux 2022)',
    verdict: 'warn',
    detectableInText: false,
    explanation: {
      fr: "Une capture d'écran suffit pour qu'un message privé devienne public et reste en ligne pour toujours.",
      en: 'A single screenshot is enough for a private message to become public and stay online forever.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Avant de publier, demandez-vous si vous accepteriez de voir ce message affiché dans le hall de l'hôpital.",
        en: "Before posting, ask yourself whether you would accept seeing this message displayed in the hospital's lobby.",
      },
    },
  },
];
