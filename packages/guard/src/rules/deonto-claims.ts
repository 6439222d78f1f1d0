/**
 * DEONTO-01 language: health claims a professional must not make without a source (miracle
 * cures, "le vaccin ne sert à rien"), and the sources that make a claim acceptable.
 */
import { type Cue, cuePattern, findCue, gap, hasCue, oneOf } from './conduct-text.js';

const REMEDY = oneOf([
  'jeune',
  'jeuner',
  'jeune intermittent',
  'curcuma',
  'bicarbonate',
  'huile essentielle',
  'huiles essentielles',
  'homeopathie',
  'granules',
  'argile',
  'detox',
  'citron',
  'ail',
  'miel',
  'gingembre',
  'vinaigre de cidre',
  'eau oxygenee',
  'chlorure de magnesium',
  'vitamine c',
  'vitamine d',
  'cbd',
  'cannabis',
  'tisane',
  'tisanes',
  'plantes',
  'naturopathie',
  'regime cetogene',
  'eau de mer',
  'eau alcaline',
  'dioxyde de chlore',
  'mms',
  'argent colloidal',
  'spiruline',
  'propolis',
  'reiki',
  'lithotherapie',
  'magnetiseur',
  'jus de legumes',
  'cure de jus',
]);
const CURES = oneOf([
  'guerit',
  'guerissent',
  'soigne',
  'soignent',
  'fait fondre',
  'font fondre',
  'fait disparaitre',
  'font disparaitre',
  'elimine',
  'eliminent',
  'detruit',
  'detruisent',
  'tue',
  'tuent',
  'remplace',
  'remplacent',
  'mieux que',
  'previent',
  'empeche',
  'vient a bout',
  'nettoie',
  'purifie',
  'booste',
  "renforce l'immunite",
  'protege du',
  'protege de',
  'protege contre',
]);
const DISEASE = oneOf([
  'cancer',
  'cancers',
  'tumeur',
  'tumeurs',
  'diabete',
  'sida',
  'vih',
  'alzheimer',
  'parkinson',
  'autisme',
  'covid',
  'sclerose en plaques',
  'arthrose',
  'depression',
  'leucemie',
  'hepatite',
  'metastases',
]);

/** Classic targets of health misinformation (not recognised toxics such as tobacco or alcohol). */
const MISINFO_AGENT = oneOf([
  '5g',
  'ondes',
  'linky',
  'wifi',
  'chemtrails',
  'aluminium',
  'lait',
  'lait de vache',
  'fluor',
  'vaccin',
  'vaccins',
  'adjuvants',
  'statines',
  'chimio',
  'chimiotherapie',
  'medicaments',
  'antibiotiques',
  'masques',
]);

const HEALTH_CLAIM = [
  cuePattern(`${REMEDY} ${gap(6)}${CURES}`),
  cuePattern(
    `(?:guerit|guerissent|fait fondre|font fondre|fait disparaitre|font disparaitre|vient a bout) ${gap(2)}(?:le |la |les |l'|du |des |de la |d')?${DISEASE}`,
  ),
  cuePattern(
    `mieux que (?:les |la |le |l')?(?:antibiotiques|antibio|antibios|chimio|chimiotherapie|medicaments|medocs|vaccins|vaccin|traitements|radiotherapie)`,
  ),
  cuePattern(
    `(?:statine|statines|antidepresseurs?|chimio|chimiotherapie|antibiotiques?|antibios?|medicaments?|masques?|mammographies?|depistages?|traitements?) ${gap(4)}(?:ne sert a rien|ne servent a rien|sert a rien|servent a rien|c'est du business|c'est un business|un business|est du poison|sont du poison|c'est du poison|une arnaque|est une arnaque|sont une arnaque|tuent plus|tue plus)(?! (?:contre|sur|pour|si|en cas|dans|face|sans))`,
  ),
  cuePattern(
    `(?:vaccin|vaccins|vaccination|vacciner) ${gap(6)}(?:ne sert a rien|ne servent a rien|sert a rien|servent a rien|est inutile|sont inutiles|c'est du business|c'est du poison|est un poison|sont du poison|une arnaque|est une arnaque)`,
  ),
  cuePattern(
    `${MISINFO_AGENT} ${gap(6)}(?:affaiblit|affaiblissent|cause|causent|provoque|provoquent|detruit|detruisent|empoisonne|empoisonnent|donne|donnent|favorise|favorisent) ${gap(2)}(?:le |la |les |l'|des |du |de l')?(?:${DISEASE}|immunite|systeme immunitaire|maladies?|allergies|infertilite|sterilite|osteoporose|malformations|migraines|insomnies|fatigue chronique)`,
  ),
  cuePattern(`${MISINFO_AGENT} ${gap(3)}(?:est|sont|c'est) (?:un |du |de vrais |un vrai |des )?poisons?`),
  cuePattern(
    `faites vos (?:propres )?recherches|big pharma|les labos (?:nous )?(?:cachent|mentent)|ce que (?:les medecins|votre medecin|les labos) ne (?:vous )?(?:disent|dit) pas`,
  ),
  cuePattern(
    `(?:remede|traitement|cure|solution|produit|plante|aliment) miracle|miraculeux|miraculeuse|j'ai vu des patients (?:guerir|gueris)`,
  ),
];
/** Claims whose verb may be negated ("le vaccin ne donne pas l'autisme" is a correct statement). */
const VACCINE_HARM = [
  cuePattern(
    `(?:vaccin|vaccins|vaccination) ${gap(5)}(?:cause|causent|provoque|provoquent|donne|donnent|rend|rendent|tue|tuent|sterilise|sterilisent|modifie l'adn|modifient l'adn)`,
  ),
];
const NEGATION = /(?<![a-z])(?:ne|n'|pas|jamais|aucun|aucune)(?![a-z])/u;

/** A recognised, citable source: naming one is what the rule asks for. */
const SOURCED = [
  cuePattern(
    `has|haute autorite de sante|sante publique france|spf|inserm|oms|ansm|inca|cnom|ameli|assurance maladie|cochrane|pubmed|lancet|nejm|bmj|etude|etudes|meta-analyse|essai clinique|recommandations?|sources?|selon|d'apres`,
  ),
  /(?<![0-9])(?:19|20)\d\d(?![0-9])/u,
  /https?:\/\//u,
];

/** The first unsourced health claim of the post, if any. */
export function unsourcedClaim(folded: string): Cue | null {
  if (hasCue(folded, SOURCED)) return null;
  const claim = findCue(folded, HEALTH_CLAIM);
  if (claim !== null) return claim;
  const harm = findCue(folded, VACCINE_HARM);
  if (harm !== null && !NEGATION.test(folded.slice(harm.start, harm.end))) return harm;
  return null;
}
