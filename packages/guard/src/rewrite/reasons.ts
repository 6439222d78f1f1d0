import type { LocalizedText } from '../types.js';

/**
 * Why no safer version is offered, in plain words. A post whose point is the breach itself (a
 * threat, an insult, someone's health) cannot be saved by changing its details: saying so is
 * more useful than a rewrite that says nothing, or that says the same thing more quietly.
 */

export const HEALTH_OF_SOMEONE: LocalizedText = {
  fr: "Aucune version sûre : le message repose sur l'état de santé d'une personne identifiable ; il ne peut pas être publié, même reformulé.",
  en: 'No safe version: the message rests on the health of a person who can be identified; it cannot be published, even reworded.',
};

export const NOTHING_LEFT: LocalizedText = {
  fr: 'Aucune version sûre : une fois les détails sensibles retirés, il ne reste rien à publier.',
  en: 'No safe version: once the sensitive details are removed, nothing is left to publish.',
};

export const PASSES_ON_CONTACTS: LocalizedText = {
  fr: "Aucune version sûre : le message sert à transmettre les coordonnées d'une personne ; donnez-les en privé, jamais sur un réseau social.",
  en: "No safe version: the message exists to pass on someone's contact details; give them privately, never on a social network.",
};

const CONFIRMS_CARE: LocalizedText = {
  fr: 'Aucune version sûre : une réponse publique confirmerait que cette personne est ou a été soignée chez vous. Répondez-lui en message privé, ou orientez-la vers le service des relations avec les usagers.',
  en: 'No safe version: a public reply would confirm that this person is or was cared for by you. Answer in a private message, or direct them to the patient relations office.',
};

const BY_RULE: Readonly<Record<string, LocalizedText>> = {
  'HARASS-01': {
    fr: 'Aucune version sûre : le message vise une personne (menace ou acharnement) ; il ne doit pas être publié, même reformulé. Si quelqu’un est menacé, signalez-le.',
    en: 'No safe version: the message targets a person (a threat or a pile-on); it must not be published, even reworded. If someone is threatened, report it.',
  },
  'RESPECT-01': {
    fr: 'Aucune version sûre : le message repose sur une moquerie ou une insulte ; en changer les mots ne le rend pas publiable.',
    en: 'No safe version: the message rests on mockery or an insult; changing its words does not make it publishable.',
  },
  'RESPECT-02': {
    fr: 'Aucune version sûre : le message met en cause un collègue reconnaissable ; parlez-en à votre encadrement plutôt qu’en ligne.',
    en: 'No safe version: the message criticises a colleague who can be recognised; raise it with your manager rather than online.',
  },
  'DEFAM-01': {
    fr: 'Aucune version sûre : le message affirme un fait qui porte atteinte à l’honneur de quelqu’un ; il ne doit pas être publié, même au conditionnel.',
    en: 'No safe version: the message asserts a fact that harms someone’s honour; it must not be published, even as a rumour.',
  },
  'DOXX-01': {
    fr: 'Aucune version sûre : le message sert à localiser ou exposer une personne ; il ne doit pas être publié.',
    en: 'No safe version: the message serves to locate or expose a person; it must not be published.',
  },
  'SECRET-03': CONFIRMS_CARE,
  'SECRET-04': {
    fr: 'Aucune version sûre : le message commente la prise en charge d’une personne dont on parle dans l’actualité ; même sans nom, elle reste reconnaissable.',
    en: 'No safe version: the message comments on the care of a person in the news; even without a name, they can be recognised.',
  },
  'IMAGE-01': {
    fr: 'Aucune version sûre : le problème est l’image du patient elle-même ; sans son consentement écrit, elle ne peut pas être publiée.',
    en: 'No safe version: the problem is the patient’s picture itself; without their written consent, it cannot be published.',
  },
  'IMAGE-02': {
    fr: 'Aucune version sûre par le texte : c’est l’arrière-plan de la photo qu’il faut vérifier (patients, écrans, dossiers).',
    en: 'No safe version through the text: it is the background of the photo that must be checked (patients, screens, files).',
  },
  'IMAGE-03': {
    fr: 'Aucune version sûre par le texte : demandez d’abord l’accord des collègues qui apparaissent sur l’image.',
    en: 'No safe version through the text: first ask the colleagues who appear in the picture for their consent.',
  },
  'IMAGE-05': {
    fr: 'Aucune version sûre : une image de personne décédée, de scène opératoire ou de situation dégradante ne se publie pas.',
    en: 'No safe version: a picture of a dead person, of surgery or of a degrading situation is not published.',
  },
  'DEONTO-01': {
    fr: 'Aucune version sûre : une information de santé doit venir d’une source confirmée et datée ; citez-la ou ne publiez pas.',
    en: 'No safe version: health information must come from a confirmed, dated source; cite it or do not publish.',
  },
  'DEONTO-02': {
    fr: 'Aucune version sûre : c’est un conseil médical personnel ; orientez plutôt vers une consultation ou le 15.',
    en: 'No safe version: this is personal medical advice; direct the person to a consultation or to 15 instead.',
  },
  'DEONTO-03': {
    fr: 'Aucune version sûre : le message fait de la publicité pour des soins ; il ne peut pas être publié sous cette forme.',
    en: 'No safe version: the message advertises care; it cannot be published in this form.',
  },
  'DISCR-01': {
    fr: 'Aucune version sûre : le message repose sur une information interne ; seule la communication de l’établissement peut décider de la rendre publique.',
    en: 'No safe version: the message rests on internal information; only the establishment’s communication office can decide to make it public.',
  },
  'CRISIS-01': {
    fr: 'Aucune version sûre : pendant une crise, ne relayez que les informations officielles de l’établissement.',
    en: 'No safe version: during a crisis, share only the establishment’s official information.',
  },
  'ROLE-01': {
    fr: 'Aucune version sûre : le message parle au nom de l’établissement ; seuls la communication et les porte-parole désignés le peuvent.',
    en: 'No safe version: the message speaks for the establishment; only the communication office and designated spokespeople may.',
  },
  'ROLE-02': {
    fr: 'Aucune version sûre par des retouches : « ces propos n’engagent que moi » ne protège pas ; le fond du message est à revoir.',
    en: 'No safe version through small changes: “my views are my own” protects no one; the substance of the message needs rethinking.',
  },
  'ROLE-03': {
    fr: 'Aucune version sûre : ne répondez pas vous-même aux critiques visant l’hôpital ; transmettez-les au service communication.',
    en: 'No safe version: do not answer criticism of the hospital yourself; pass it to the communication office.',
  },
  'RESERVE-01': {
    fr: 'Aucune version sûre par des retouches : c’est le ton envers l’employeur ou les collègues qui pose problème ; reformulez avec retenue.',
    en: 'No safe version through small changes: the tone towards the employer or colleagues is the problem; reword it with restraint.',
  },
  'PRIV-03': {
    fr: 'Aucune version sûre : l’organisation du travail (plannings, transmissions) ne passe pas par un réseau social ; utilisez les outils internes.',
    en: 'No safe version: work organisation (rotas, handovers) does not go through a social network; use the internal tools.',
  },
  'GEO-01': {
    fr: 'Aucune version sûre : le message dit où et quand trouver des membres du personnel ; retirez les lieux et les horaires.',
    en: 'No safe version: the message tells where and when to find staff; remove the places and times.',
  },
};

/** Rules whose finding means the post's point is the breach: no rewrite is attempted. */
export const NOT_REWRITABLE: ReadonlySet<string> = new Set([
  'HARASS-01',
  'RESPECT-01',
  'DEFAM-01',
  'DOXX-01',
  'SECRET-04',
  'IMAGE-01',
  'IMAGE-05',
  'DEONTO-02',
  'DEONTO-03',
]);

/** The reason for a rule that a rewrite could not clear; secrecy rules point to someone's health. */
export function reasonFor(rule: string): LocalizedText {
  return BY_RULE[rule] ?? HEALTH_OF_SOMEONE;
}
