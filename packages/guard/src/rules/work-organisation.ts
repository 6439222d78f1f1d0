/**
 * PRIV-03: work organised on a consumer social network: shift swaps ("qui échange sa nuit du
 * 12 ?"), cover requests ("il manque une AS cette nuit, qqn dispo ?"), handovers
 * ("transmissions pour les collègues qui arrivent"), patient lists shared to split the work.
 * Such posts say who works where and when, and slide into patient details. Telling a story about
 * a past swap ("merci aux collègues qui ont échangé leur garde") is not organising anything, so
 * the swap cues need a request: a question word, a modal, or an exchange of one's own shift.
 */
import type { Finding } from '../types.js';
import { cuePattern, explainCue, findCue, gap, oneOf } from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';

const SHIFT = oneOf([
  'garde',
  'gardes',
  'nuit',
  'nuits',
  'journee',
  'jour',
  'matin',
  'matinee',
  'soir',
  'soiree',
  'aprem',
  'apres-midi',
  'samedi',
  'dimanche',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'we',
  'week-end',
  'weekend',
  'astreinte',
  'astreintes',
  'poste',
  'rtt',
  'cp',
  'repos',
  'ferie',
  'horaire',
  'horaires',
  'planning',
  '12h',
  'shift',
  'creneau',
  'ca',
  'conge',
  'conges',
  'recup',
]);
const ASKER = oneOf([
  'qui',
  'qqn',
  'qq1',
  'qqun',
  "quelqu'un",
  "quelqu'une",
  'kelkun',
  'une ame charitable',
  'un volontaire',
  'une volontaire',
  'des volontaires',
  'une collegue',
  'un collegue',
]);
const MODAL = oneOf([
  'peut',
  'pourrait',
  'veut',
  'voudrait',
  'serait',
  'est',
  'accepterait',
  'aurait',
  'veut bien',
  'pourrait bien',
  'serait ok',
  'est ok',
  'serait chaud',
  'serait chaude',
  'est chaud',
  'est chaude',
  'est dispo',
  'serait dispo',
  'est dispo pour',
  'serait dispo pour',
  'me',
]);
/** Verbs that take a shift as object: "échanger sa nuit", "prendre ma garde". */
const SWAP_SHIFT = oneOf([
  'prend',
  'reprend',
  'fait',
  'echanger',
  'echange',
  'echangerait',
  'changer',
  'change',
  'prendre',
  'reprendre',
  'prendrait',
  'faire',
  'me faire',
  'ceder',
  'me ceder',
  'laisser',
  'me laisser',
  'troquer',
]);
/** Requests that need no object: "qqn peut me remplacer ?". */
const COVER = oneOf([
  'me remplacer',
  'me depanner',
  'me relayer',
  'me relever',
  'remplacer qqn',
  "remplacer quelqu'un",
]);
/** "ce qui change", "celle qui fait sa nuit": a relative clause, not a question. */
const NOT_RELATIVE =
  "(?<!ce\\s)(?<!c'\\s?)(?<!ceux\\s)(?<!celle\\s)(?<!celles\\s)(?<!celui\\s)(?<!collegue\\s)(?<!collegues\\s)";
const STAFF_ROLE = oneOf([
  'as',
  'ash',
  'ide',
  'infirmiere',
  'infirmier',
  'aide-soignante',
  'aide-soignant',
  'interne',
  'brancardier',
  'brancardiere',
  'medecin',
  'sage-femme',
  'secretaire',
  'manip',
  'personne',
  'collegue',
  'paire de bras',
]);
const SOON = oneOf([
  'ce soir',
  'cette nuit',
  'demain',
  'ce matin',
  'cet aprem',
  'cet apres-midi',
  'ce we',
  'ce week-end',
  'samedi',
  'dimanche',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
]);

const ORGANISING = [
  // "qui échange sa garde", "qqn peut me remplacer", "quelqu'un serait chaud pour faire ma nuit"
  cuePattern(`${NOT_RELATIVE}${ASKER} (?:${MODAL} )?(?:pour |pr )?${COVER}`),
  cuePattern(
    `${NOT_RELATIVE}${ASKER} (?:${MODAL} )?(?:pour |pr )?${SWAP_SHIFT} (?:sa|son|ma|mon|une|un|le|la|ses|mes|leur) ${gap(1)}${SHIFT}`,
  ),
  // "j'échange ma nuit du 12 contre ton samedi", "échange mon week-end"
  cuePattern(
    `(?:j'echange|echange|echanges|echanger|j'echangerais|je change|change|troque|troquer|je troque|cede|ceder|je cede|je vends|vends|revends) (?:ma|mon|mes|une|un|sa|son) ${gap(1)}${SHIFT}`,
  ),
  // "qui me prend le 15 ?"
  cuePattern(`${NOT_RELATIVE}${ASKER} (?:${MODAL} )?${SWAP_SHIFT} (?:le|mon|ma) \\d{1,2}(?:/\\d{1,2})?`),
  // "je te rends ton dimanche"
  cuePattern(
    `(?:je |j')(?:te |vous )(?:rends|rendrai|donne|donnerai|laisse|laisserai|prends|prendrai) (?:ton|ta|tes|votre|vos|un|une) ${gap(1)}${SHIFT}`,
  ),
  // "qq1 peut faire les transmissions à ma place"
  cuePattern(
    `${ASKER} (?:${MODAL} )?(?:faire|prendre|assurer|me faire) (?:les |mes |la )?(?:transmissions|releve|transmission)`,
  ),
  // "besoin d'une IDE en renfort samedi nuit"
  cuePattern(
    `(?:besoin|cherche|recherche|il faut) (?:d'une |d'un |de |une |un |\\d+ )${STAFF_ROLE} ${gap(3)}(?:en renfort|pour (?:ce|cette|demain|la nuit|le we|le week-end)|${SOON})`,
  ),
  cuePattern(
    `contre (?:mon|ma|ton|ta|votre|vos|tes|mes|n'importe quel|n'importe quelle|un autre|une autre) ${gap(1)}${SHIFT}`,
  ),
  // "il manque une AS cette nuit … qqn dispo ?"
  cuePattern(`il (?:nous )?manque (?:une|un|\\d+|deux|trois) ${STAFF_ROLE} ${gap(4)}(?:${SOON}|${ASKER})`),
  cuePattern(`${NOT_RELATIVE}${ASKER} (?:est |serait )?dispo (?:${SOON}|\\?)`),
  cuePattern(`(?:qqn|quelqu'un|qq1|qqun|des gens) (?:de )?dispo`),
  // "cherche une IDE pour me remplacer le 3/07"
  cuePattern(`(?:cherche|recherche|besoin d'|besoin de|il me faut) ${gap(3)}(?:pour )?${COVER}`),
  // Handovers and patient lists passed around on the network
  cuePattern(
    `transmissions (?:pour|a|aux) (?:les|la|l'|mes|nos|celles|ceux|toi|vous|l'equipe|les collegues|les copines)`,
  ),
  cuePattern(
    `(?:je |j')(?:vous |te )?(?:fais|laisse|envoie|mets|poste|balance) (?:les |mes |vite fait les )?transmissions`,
  ),
  cuePattern(
    `(?:liste|tableau) des (?:patients|entrees|chambres|lits) ${gap(8)}(?:repartir|repartisse|repartit|repartition|en photo|ci-dessous)`,
  ),
  cuePattern(
    `(?:on se repartit|on se repartisse|se repartir|on se partage|qu'on se repartisse) (?:les|nos) (?:patients|chambres|lits|secteurs)`,
  ),
  // Patient-related tasks delegated through the network
  cuePattern(
    `(?:qqn|quelqu'un|qq1|qui) (?:peut|pourrait) (?:rappeler|appeler|prevenir|contacter|joindre|faxer|envoyer) (?:mme|m|monsieur|madame|mr|le patient|la patiente|la famille|le fils|la fille|le mari|la femme)`,
  ),
  cuePattern(
    `(?:qqn|quelqu'un|qq1) (?:sait|saurait|connait) ${gap(6)}(?:carte vitale|dossier|logiciel|dpi|admission|facturation|bon de transport|ordonnance)`,
  ),
  cuePattern(
    `(?:groupe|grp|group) ${gap(1)}planning|(?:echange|echanges|bourse) (?:de |d')(?:gardes|nuits|postes|plannings|horaires)`,
  ),
];

export const workOrganisationEvaluator: RuleEvaluator = {
  family: 'PRIV',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    if (ctx.context !== 'staff') return [];
    const cue = findCue(doc.folded, ORGANISING);
    if (cue === null) return [];
    // The whole post is the organising message: every name, time, unit or number in it helps
    // someone know who works where and when.
    return [
      makeFinding('PRIV-03', spans, {
        explanation: explainCue(doc, cue, {
          fr: "vous organisez le travail sur un réseau social grand public. Qui travaille où et quand, et parfois des informations sur les patients, y deviennent visibles ; passez par les outils de l'établissement.",
          en: "you organise work on a consumer social network. Who works where and when, and sometimes patient information, become visible there; use the establishment's tools.",
        }),
      }),
    ];
  },
};
