/**
 * PRIV-03: work organised on a consumer social network: shift swaps ("qui échange sa nuit du
 * 12 ?"), cover requests ("il manque une AS cette nuit, qqn dispo ?"), handovers
 * ("transmissions pour les collègues qui arrivent"), patient lists shared to split the work.
 * Such posts say who works where and when, and slide into patient details. Telling a story about
 * a past swap ("merci aux collègues qui ont échangé leur garde") is not organising anything, so
 * the swap cues need a request: a question word, a modal, or an exchange of one's own shift.
 */
import { WORD_START } from '../text/words.js';
import type { Finding } from '../types.js';
import { type Cue, explainCue, gap, taggedCues } from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import {
  ASKER,
  COVER,
  MODAL,
  SHIFT,
  SOON,
  STAFF_ROLE,
  SWAP_SHIFT,
  TASK,
  WORK_OBJECT,
} from './work-organisation-words.js';

/**
 * Requests that open with a question word ("qui peut…", "qqn serait dispo…"); checked after the
 * match for a relative clause ("ce qui change", "celle qui fait sa nuit"), which asks nothing.
 */
const ASKING = [
  // "qui échange sa garde", "qqn peut me remplacer", "quelqu'un serait chaud pour faire ma nuit"
  `${ASKER} (?:${MODAL} )?(?:pour |pr )?${COVER}`,
  `${ASKER} (?:${MODAL} )?(?:pour |pr )?${SWAP_SHIFT} (?:sa|son|ma|mon|une|un|le|la|ses|mes|leur) ${gap(1)}${SHIFT}`,
  // "qui me prend le 15 ?"
  `${ASKER} (?:${MODAL} )?${SWAP_SHIFT} (?:le|mon|ma) \\d{1,2}(?:/\\d{1,2})?`,
  `${ASKER} (?:est |serait )?dispo (?:${SOON}|\\?)`,
  // Patient-related tasks delegated through the network: "qqn peut vérifier si l'IPP…",
  // "quelqu'un pourrait rappeler Mme X", "une collègue peut m'envoyer le bilan du 12 ?"
  `(?:qqn|quelqu'un|qq1|qqun|une collegue|un collegue) (?:peut|pourrait|saurait|veut bien|voudrait bien) (?:me |m'|nous )?${TASK} ${gap(6)}${WORK_OBJECT}`,
  `(?:qui) (?:peut|pourrait) (?:rappeler|appeler|prevenir|contacter|joindre|faxer|envoyer) (?:mme|m|monsieur|madame|mr|le patient|la patiente|la famille|le fils|la fille|le mari|la femme)`,
];
/** Requests and handovers in any other form. */
const OFFERING = [
  // "j'échange ma nuit du 12 contre ton samedi", "échange mon week-end"
  `(?:j'echange|echange|echanges|echanger|j'echangerais|je change|change|troque|troquer|je troque|cede|ceder|je cede|je vends|vends|revends) (?:ma|mon|mes|une|un|sa|son) ${gap(1)}${SHIFT}`,
  // "je te rends ton dimanche"
  `(?:je |j')(?:te |vous )(?:rends|rendrai|donne|donnerai|laisse|laisserai|prends|prendrai) (?:ton|ta|tes|votre|vos|un|une) ${gap(1)}${SHIFT}`,
  // "qq1 peut faire les transmissions à ma place"
  `${ASKER} (?:${MODAL} )?(?:faire|prendre|assurer|me faire) (?:les |mes |la )?(?:transmissions|releve|transmission)`,
  // "besoin d'une IDE en renfort samedi nuit"
  `(?:besoin|cherche|recherche|il faut) (?:d'une |d'un |de |une |un |\\d+ )${STAFF_ROLE} ${gap(3)}(?:en renfort|pour (?:ce|cette|demain|la nuit|le we|le week-end)|${SOON})`,
  `contre (?:mon|ma|ton|ta|votre|vos|tes|mes|n'importe quel|n'importe quelle|un autre|une autre) ${gap(1)}${SHIFT}`,
  // "il manque une AS cette nuit … qqn dispo ?"
  `il (?:nous )?manque (?:une|un|\\d+|deux|trois) ${STAFF_ROLE} ${gap(4)}(?:${SOON}|${ASKER})`,
  `(?:qqn|quelqu'un|qq1|qqun|des gens) (?:de )?dispo`,
  // "cherche une IDE pour me remplacer le 3/07"
  `(?:cherche|recherche|besoin d'|besoin de|il me faut) ${gap(3)}(?:pour )?${COVER}`,
  // Handovers and patient lists passed around on the network
  `transmissions (?:pour|a|aux) (?:les|la|l'|mes|nos|celles|ceux|toi|vous|l'equipe|les collegues|les copines)`,
  `(?:je |j')(?:vous |te )?(?:fais|laisse|envoie|mets|poste|balance) (?:les |mes |vite fait les )?transmissions`,
  `(?:liste|tableau) des (?:patients|entrees|chambres|lits) ${gap(8)}(?:repartir|repartisse|repartit|repartition|en photo|ci-dessous)`,
  `(?:on se repartit|on se repartisse|se repartir|on se partage|qu'on se repartisse) (?:les|nos) (?:patients|chambres|lits|secteurs)`,
  `(?:qqn|quelqu'un|qq1) (?:sait|saurait|connait) ${gap(6)}(?:carte vitale|dossier|logiciel|dpi|admission|facturation|bon de transport|ordonnance)`,
  `(?:groupe|grp|group) ${gap(1)}planning|(?:echange|echanges|bourse) (?:de |d')(?:gardes|nuits|postes|plannings|horaires)`,
];
const ORGANISING = taggedCues([ASKING, OFFERING]);
const RELATIVE_BEFORE = new RegExp(`${WORD_START}(?:ce|c'|ceux|celle|celles|celui|collegue|collegues)\\s?$`);

function organising(folded: string): Cue | null {
  return ORGANISING.findWhere(
    folded,
    (cue, group) =>
      group !== 0 || !RELATIVE_BEFORE.test(folded.slice(Math.max(0, cue.start - 10), cue.start)),
  );
}

export const workOrganisationEvaluator: RuleEvaluator = {
  family: 'PRIV',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    if (ctx.context !== 'staff') return [];
    const cue = organising(doc.folded);
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
