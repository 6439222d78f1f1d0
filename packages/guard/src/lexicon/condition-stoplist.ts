/**
 * Reviewed stop-lists for the condition heads derived from CIM-10 (folded words). Reviewed
 * against the full list of derived heads (about 1,000 words, most frequent first).
 */

import { wordSet } from './word-set.js';

/**
 * Heads of CIM-10 labels that are not conditions at all (mostly chapter Z, "factors influencing
 * health status", and O/P labels about people rather than illnesses): a phrase starting with one
 * of these is never kept ("difficultes liees au logement", "examen de la vue", "soins palliatifs"
 * is a care unit, not a diagnosis).
 */
const BLOCKED_HEADS = wordSet(`
  acte agents ajustement antecedent antecedents beneficiaire besoin causes conseil conseils
  constatation depistage depistages difficulte difficultes donneur effet effets enfant enfants
  examen examens femme foetus forme formes homme insecticides isolement jumeaux localisations
  logement mesure mesures mise modification modifications naissance naissances necessite personne
  prise probleme problemes produits resistance resistances resultat resultats seance simulateur
  soin soins solitudes sterilisation sujet sujets surveillance types usage vaccination vaccins
`);

/**
 * Medical but too unspecific to be a condition on their own ("syndrome", "troubles",
 * "insuffisance", body parts): kept only as the head of a longer phrase ("syndrome de Down",
 * "insuffisance renale", "corps etranger").
 */
const GENERIC_HEADS = wordSet(`
  ablation absence accident accidents affection affections anesthesie anomalie anomalies
  arrachement arret carence carences aspiration atteinte atteintes augmentation bacterie bloc
  blocs bruits caryotype chromosome coagulation communication complication complications
  compression contractions corps corrosion corrosions crise deces deficience deficit deficits
  defauts deformation deformations deletion deletions depots desequilibres deterioration detresse
  dilatation dissection duplication duplications dysfonction dysfonctionnement dysfonctionnements
  dysfonctions echec echecs ecoulement ecrasement ecrasements episode episodes etat etats exces
  faible faibles fente hyperfonctionnement hypofonctionnement incurvation inegalite inertie
  instabilite instabilites insuffisance insuffisances interruption intervention intolerance
  inversion irregularites maladie maladies malposition manifestations mosaique mouvements
  operation operations opacites persistance personnalite perte pertes phase presence prelevement
  prolongation protrusion raccourcissement raccourcissements rearrangement rearrangements reaction
  reactions rejet retard retention rupture ruptures secretion sequelles soudures symptomes
  syndrome syndromes tassement therapie therapies torsion trait trouble troubles vices virus
`);

/** Body parts heading labels ("main bote", "pied plat", "spina bifida"): not conditions alone. */
const BODY_PARTS = wordSet(`
  coxa cutis dents doigt hallux hanche langue main menisque orteil pied placenta poignet poumon
  rein sinus spina thorax uterus ventricule vessie
`);

/**
 * Everyday French words that CIM-10 also uses as a head: alone they are far more often the
 * everyday sense ("la goutte d'eau", "la rage", "un coup", "une fissure dans le mur", "le calcul
 * des primes"). Feelings and symptoms everybody mentions about themselves (fatigue, stress,
 * anxiete, malaise) are here too: they are not a disclosure about a patient. ("fracture" stays a
 * head despite "la fracture numerique": its medical sense dominates in hospital posts.)
 */
const ORDINARY_WORDS = wordSet(`
  abus activite agitation alimentation acceleration anxiete aversion calcul cauchemars charbon
  choc chocs congestion coup coussinet demarche dependance douleur douleurs epuisement erosion
  eruption eternuement fatigue faux flashbacks fissure fissures goutte hoquet hostilite immobilite
  irritabilite lichen malaise manie manque mauvais menstruation mole mort morve nervosite
  obstruction paleur palmure peste petit pinta plaque poids poursuite puberte rage raideur
  respiration retour rougeur somnolence souffles souris sterilite stress stupeur suractivite
  surmenage taches taux teigne tendance tics travail tremblement tristesse volet
`);

/**
 * Whole phrases that CIM-10 gives but that read as everyday French in a post ("un petit mal de
 * tete", "un travail prolongé", freckles).
 */
const ORDINARY_PHRASES = new Set([
  'petit mal',
  'travail prolonge',
  'travail trop rapide',
  'taches de rousseur',
]);

/** A phrase starting with this word is not a condition. */
export function isBlockedHead(word: string): boolean {
  return BLOCKED_HEADS.has(word);
}

/** This word heads condition phrases but is too unspecific alone. */
export function isGenericHead(word: string): boolean {
  return GENERIC_HEADS.has(word) || BODY_PARTS.has(word);
}

/** This phrase (folded, space-joined keys) is everyday French. */
export function isOrdinaryPhrase(phrase: string): boolean {
  return ORDINARY_PHRASES.has(phrase);
}

/** This word is mostly an everyday word when it stands alone. */
export function isOrdinaryWord(word: string): boolean {
  return ORDINARY_WORDS.has(word);
}
