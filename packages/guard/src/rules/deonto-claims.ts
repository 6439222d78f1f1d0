/**
 * DEONTO-01 language: health claims that no confirmed, dated, sourced data supports, and the
 * sources that make a claim acceptable. The claims come in a few families, whoever writes them:
 * - a remedy that cures, cleanses or replaces a treatment ("le curcuma fait fondre les tumeurs",
 *   "l'eau citronnée nettoie le foie", "remplace la chimio");
 * - an absolute promise of efficacy or safety ("protège à 100 %", "aucun effet secondaire");
 * - the dismissal of a proven measure ("le masque ne sert à rien", "les vaccins, du poison");
 * - the appeal to proof or to hidden truth instead of a source ("c'est prouvé", "les oncologues
 *   ne vous le diront jamais", "big pharma").
 * Words that cancel a claim ("rien ne remplace le vaccin", "aucun vaccin n'est efficace à
 * 100 %") are checked after the match.
 */

import { WORD_END, WORD_START } from '../text/words.js';
import { type Cue, cues, gap, negatedBefore, taggedCues } from './conduct-text.js';
import {
  CURES,
  DISEASE,
  HIDERS,
  MEASURE,
  MISINFO_AGENT,
  ORGAN,
  REMEDY,
  TREATMENT,
  USELESS,
} from './deonto-claim-words.js';
import { rememberLast } from './remember-last.js';

/** An alternative to proven care is rejected only when it comes with a condition or an age. */
const FAIR_LIMIT =
  "(?! (?:si|s'il|s'ils|en cas|sans|quand|lorsque|sous|mal|chez|avant|apres|au-dela|a partir|contre (?:les |un |une |le )?(?:virus|rhume|infections? virales?)))";

/** Claims that stand as said, unless the words just before negate them. */
const CLAIM = [
  `${REMEDY} ${gap(6)}${CURES}`,
  `(?:guerit|guerissent|fait fondre|font fondre|fait disparaitre|font disparaitre|vient a bout) ${gap(2)}(?:le |la |les |l'|du |des |de la |d')?${DISEASE}`,
  `${MISINFO_AGENT} ${gap(6)}(?:affaiblit|affaiblissent|cause|causent|provoque|provoquent|detruit|detruisent|empoisonne|empoisonnent|donne|donnent|favorise|favorisent) ${gap(2)}(?:le |la |les |l'|des |du |de l')?(?:${DISEASE}|immunite|systeme immunitaire|maladies?|allergies|infertilite|sterilite|osteoporose|malformations|migraines|insomnies|fatigue chronique)`,
  `${MISINFO_AGENT} ${gap(3)}(?:est|sont|c'est) (?:un |du |de vrais |un vrai |des )?poisons?`,
  `faites vos (?:propres )?recherches|big pharma|les labos (?:nous )?(?:cachent|mentent)|ce que (?:les medecins|votre medecin|les labos) ne (?:vous )?(?:disent|dit) pas`,
  // "les oncologues vous le diront jamais", "votre médecin ne vous le dira pas"
  `${HIDERS} (?:ne )?(?:vous|te) (?:le |la |les |l'|en )?(?:diront|dira|disent|dit|avoueront|avouera|reveleront) (?:jamais|pas)`,
  `(?:remede|traitement|cure|solution|produit|plante|aliment|boisson) (?:naturel |naturelle )?miracle|miraculeux|miraculeuse|j'ai vu des patients (?:guerir|gueris)`,
  `(?:elimine|eliminent|eliminer|evacue|evacuent|chasse|chassent|chasser|drainer|draine) (?:les |vos |tes |toutes les )?toxines`,
  // "le vaccin protège à 100 %", "efficace à 100 %", "100 % efficace et sans risque"
  `(?:protege|protegent|proteger|efficace|efficaces|fiable|fiables|marche|fonctionne|fonctionnent|guerit|guerissent|guerison|immunise|immunisent) (?:a|a plus de) 100 ?(?:%|pour ?cent)`,
  `100 ?(?:%|pour ?cent) (?:efficace|efficaces|garanti|garantie|garantis|sans risque|protege|proteges|de reussite|de guerison)`,
  `(?:zero|aucun|0|sans aucun|absolument aucun|strictement aucun|jamais d'|pas le moindre|sans le moindre|n'a|n'ont|n'y a|n'entraine|n'entrainent|ne provoque|ne provoquent|ne donne|ne donnent|ne cause|ne causent) (?:pas |jamais |aucun |absolument aucun )?(?:d'|de )?(?:effets? secondaires?|effets? indesirables?)(?! (?:graves?|majeurs?|notables?|importants?|serieux|durables?|connus?|frequents?|significatifs?|particuliers?))`,
  `(?:guerison|resultats?|efficacite) (?:garantie|garantis|garanti|assuree|assures|assure)`,
  // "remplace la chimio", "aussi efficace que les antibiotiques", "mieux que le vaccin"
  `(?:remplace|remplacent|remplacer|vaut|valent|equivaut a|aussi efficace que|plus efficace que|mieux que|meilleur que|meilleure que) (?:les |la |le |l'|une |un |votre |ta |ton |vos |tes )?${TREATMENT}`,
  // "le masque ne sert à rien", "les vaccins, une arnaque" (antibiotics apart: useless on viruses)
  `${MEASURE} ${gap(4)}${USELESS}${FAIR_LIMIT}`,
  `(?:antibiotiques?|antibios?) ${gap(4)}${USELESS}(?! (?:contre|sur|pour|si|en cas|dans|face|sans|quand|chez))`,
];
/** Claims whose verb may be negated ("le vaccin ne donne pas l'autisme" is a correct statement). */
const VACCINE_HARM = [
  `(?:vaccin|vaccins|vaccination) ${gap(5)}(?:cause|causent|provoque|provoquent|donne|donnent|rend|rendent|tue|tuent|sterilise|sterilisent|modifie l'adn|modifient l'adn)`,
];
const NEGATION = new RegExp(`${WORD_START}(?:ne|n'|pas|jamais|aucun|aucune)${WORD_END}`);

/** "Nettoie le foie", "purifie le sang": detox talk, unless an organ is the one cleaning. */
const DETOX = [
  `(?:nettoie|nettoient|nettoyer|detoxifie|detoxifient|detoxifier|purifie|purifient|purifier|draine|drainent|drainer|depure|depurent) (?:le |la |les |l'|votre |ton |vos |tes |ses )?${ORGAN}`,
];
const ORGAN_BEFORE = new RegExp(`(?:${ORGAN}|reins?|rate)\\s+(?:\\S+\\s+){0,2}$`, 'u');

/** "C'est prouvé", "mon naturopathe l'a démontré", "ils ne veulent pas que vous sachiez". */
const APPEAL = [
  `(?:c'est|c est|cest|c'est bien|c'est meme|l'a|l'ont|l'a bien|l'a deja) (?:scientifiquement |medicalement |cliniquement |formellement |deja )?(?:prouve|prouvee|prouves|prouvees|demontre|demontree|demontres|demontrees)`,
  `(?:scientifiquement|medicalement|cliniquement) (?:prouve|prouvee|prouves|prouvees|demontre|demontree|demontres|demontrees)`,
  `(?:la science|les scientifiques) (?:l'a|l'ont|a|ont) (?:prouve|demontre)`,
  `(?:ne veulent pas|ne veut pas|veulent pas|veut pas) que (?:vous|tu|vous le|tu le|les gens) (?:sachiez|saches|sachent|decouvriez|guerissiez|guerisses|guerissent)`,
  `on (?:vous|nous) cache (?:la verite|tout|le remede|les vrais chiffres)`,
];
/** An appeal to proof is a health claim only in a post about health. */
const HEALTH_TOPIC = cues(
  `${TREATMENT}|${DISEASE}|${REMEDY}|${MEASURE}|grippe|virus|rhume|sante|immunite|maladie|maladies|guerir|guerit|soigner|soigne|naturopathe|oncologues?|foie|toxines`,
);

/** A recognised, citable source: naming one is what the rule asks for. */
const SOURCED = cues(
  `has|haute autorite de sante|sante publique france|spf|inserm|oms|ansm|inca|cnom|ameli|assurance maladie|cochrane|pubmed|lancet|nejm|bmj|etude|etudes|meta-analyse|essai clinique|recommandations?|sources?`,
  `(?:selon|d'apres) (?:la |le |l'|les |une |un |des )?(?:has|oms|who|cdc|ema|inserm|inca|ansm|cnrs|etude|etudes|recherches?|recommandations?|sante publique|assurance maladie|ministere|societe|college|academie|cochrane|revue|publication|essai|bulletin|donnees|chiffres|rapport|travaux|experts?|scientifiques|autorites)`,
  `(?:19|20)\\d\\d`,
  `https?:`,
);

/** The claim families, scanned together; each has its own check after the match. */
/** "Un masque mal porté ne sert à rien": a claim held to a condition is advice, not a claim. */
const RESTRICTED = new RegExp(`${WORD_START}(?:mal|si|sous|seul|seule|seuls|seules|uniquement)${WORD_END}`);
const DISMISSAL =
  /(?:sert a rien|servent a rien|inutile|business|poison|arnaque|escroquerie|du vent|bidon|tuen?t? plus)/u;

function restrictedDismissal(words: string): boolean {
  return DISMISSAL.test(words) && RESTRICTED.test(words);
}
const CLAIM_FAMILY = 0;
const VACCINE_HARM_FAMILY = 1;
const DETOX_FAMILY = 2;
const FAMILIES = taggedCues([CLAIM, VACCINE_HARM, DETOX, APPEAL]);

/** The first unsourced health claim of the post, if any (memoised on the last text: the rules and the learned layer both ask). */
export const unsourcedClaim = rememberLast((folded: string): Cue | null => {
  const claim = FAMILIES.findWhere(folded, (cue, family) => holds(folded, cue, family));
  // Most posts make no claim: the source is looked for only when one is found.
  return claim !== null && !SOURCED.has(folded) ? claim : null;
});

function holds(folded: string, cue: Cue, family: number): boolean {
  switch (family) {
    case CLAIM_FAMILY:
      return !negatedBefore(folded, cue) && !restrictedDismissal(folded.slice(cue.start, cue.end));
    case VACCINE_HARM_FAMILY:
      return !NEGATION.test(folded.slice(cue.start, cue.end));
    case DETOX_FAMILY:
      return !ORGAN_BEFORE.test(folded.slice(Math.max(0, cue.start - 30), cue.start));
    default:
      // An appeal to proof or to hidden truth is a health claim only in a post about health.
      return !negatedBefore(folded, cue) && aboutHealth(folded);
  }
}

/** Asked once per text, not once per cue: a long text has many cues. */
const aboutHealth = rememberLast((folded: string): boolean => HEALTH_TOPIC.has(folded));
