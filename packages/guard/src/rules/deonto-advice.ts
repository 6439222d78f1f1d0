/**
 * DEONTO-02 language: treatment advice for one person ("donne-lui du Doliprane", "doublez la
 * dose", "pas besoin de consulter"). General prevention ("ne doublez jamais la dose") and the
 * redirection to a doctor or the 15 are not advice: negated verbs are skipped, and a staff post
 * needs an addressee (a reply always has one).
 */

import type { HealthTerm } from '../lexicon/lexicon.js';
import type { PhraseMatcher } from '../lexicon/phrase-matcher.js';
import type { GuardDocument } from '../text/document.js';
import type { GuardContext } from '../types.js';
import { type Cue, type CueSet, cueAtEnd, cues, gap, oneOf } from './conduct-text.js';
import { wordList } from './word-lists.js';

/** Advice verbs in the "vous" form, as a reply to a patient would put them. */
const ADVISE_VOUS = oneOf(wordList('deonto-advice-advise-vous'));
/** The "tu" forms, which double as third-person verbs ("il donne"), hence only with an addressee. */
const ADVISE_TU = oneOf(wordList('deonto-advice-advise-tu'));
const MEDICATION = oneOf(wordList('deonto-advice-medication'));
const DOSE = '\\d+(?:[,.]\\d+)? ?(?:mg|g|ml|gouttes|cp|ui|mcg|µg|microgrammes|dosettes|sachets|bouffees)';

const ADVICE_VOUS = `${ADVISE_VOUS} ${gap(3)}(?:${MEDICATION}|${DOSE})`;
/** "baisse ton Amlor de moitié": a dose change even when the drug is not in the list. */
const DOSE_CHANGE = "(?:de moitie|a moitie|en deux|d'un quart|d'un cran|a \\d+ ?(?:mg|g|ml)?)";
const ADVICE_TU = [
  `${ADVISE_TU} ${gap(3)}(?:${MEDICATION}|${DOSE})`,
  `(?:${ADVISE_TU}|${ADVISE_VOUS}) (?:ton |ta |tes |votre |vos |son |sa |ses |le |la |les |l')[a-z]+ ${gap(1)}${DOSE_CHANGE}`,
];
const VOUS_ADVICE = cues(ADVICE_VOUS);
const ANY_ADVICE = cues(ADVICE_VOUS, ...ADVICE_TU);

/**
 * "Vous pouvez l'arrêter 2 jours avant", "il faut en reprendre un": the drug was named earlier,
 * so the advice only counts in a post that speaks of a medicine.
 */
const CLITIC_VERB =
  '(?:arreter|stopper|suspendre|prendre|doubler|augmenter|diminuer|baisser|reprendre|donner|couper|espacer|sauter|avaler|croquer|ecraser)';
const CLITIC_VOUS = cues(
  `(?:vous pouvez|vous devez|vous pourrez|il faut|il suffit de) (?:l'|le |la |les |en |lui en |leur en |lui |leur )${CLITIC_VERB}`,
);
const CLITIC_ANY = cues(
  `(?:vous pouvez|vous devez|vous pourrez|il faut|il suffit de|tu peux|tu dois|tu pourras|faut|suffit de) (?:l'|le |la |les |en |lui en |leur en |lui |leur )${CLITIC_VERB}`,
);
const MEDICINE_MENTION = cues(MEDICATION);

/** Advice that stands on its own: telling someone not to see a doctor, or to stop a treatment. */
const STANDALONE_ADVICE = cues(
  `(?:pas besoin|inutile|pas la peine|aucune raison) (?:de |d')(?:consulter|aller aux urgences|venir aux urgences|aller a l'hopital|voir un medecin|voir ton medecin|voir votre medecin|appeler le 15|appeler ton medecin|appeler votre medecin|passer aux urgences|aller chez le medecin|aller voir le medecin|te deplacer|vous deplacer)`,
  `(?:arretez|arrete|stoppez|stoppe) (?:votre|ton|vos|tes|ce|le) (?:traitement|medicament|medicaments|cachets|insuline|chimio|antidepresseur|antidepresseurs)`,
);
/** Signs that the advice is for one person: a reply, a question asked, a named child or symptom. */
const ADDRESSED = cues(
  `(?:ton|ta|tes|votre|vos) (?:bebe|bebes|enfant|enfants|fils|fille|petit|petite|mere|pere|mari|femme|douleur|douleurs|fievre|symptomes|traitement|toux|tension|glycemie|fatigue|mal de)`,
  // "pour ta tension", "pour tes règles douloureuses": the advice is for this person's problem
  `pour (?:ton|ta|tes|votre|vos) [a-z]+`,
  `pour toi|pour vous|dans ton cas|dans votre cas|a ta place|a votre place|vous me demandez|tu me demandes|en commentaire|en mp|en dm|en message`,
  `@[a-z0-9_.]{2,}`,
);

/** An advice verb right before a drug of the lexicon ("baisse ton Amlor", "prenez du Kardégic"). */
const VOUS_BEFORE_DRUG = cueAtEnd(`${ADVISE_VOUS} ${gap(3)}`);
const ANY_BEFORE_DRUG = cueAtEnd(`(?:${ADVISE_VOUS}|${ADVISE_TU}) ${gap(3)}`);
const DRUG_WINDOW = 48;

function adviceOnKnownDrug(doc: GuardDocument, drugs: PhraseMatcher<HealthTerm>, verbs: RegExp): Cue | null {
  for (const drug of drugs.match(doc)) {
    const from = Math.max(0, drug.start - DRUG_WINDOW);
    const verb = verbs.exec(doc.folded.slice(from, drug.start));
    if (verb !== null) return { start: from + verb.index, end: drug.end };
  }
  return null;
}

/** Advice on a pronoun ("vous pouvez l'arrêter") in a post that names a medicine somewhere. */
function adviceOnMentionedDrug(
  doc: GuardDocument,
  drugs: PhraseMatcher<HealthTerm>,
  verbs: CueSet,
): Cue | null {
  const cue = verbs.find(doc.folded);
  if (cue === null) return null;
  return MEDICINE_MENTION.has(doc.folded) || drugs.match(doc).length > 0 ? cue : null;
}

function negatedAt(folded: string, cue: Cue): boolean {
  return /(?:^|[^a-z])n(?:e |')\s*$/u.test(folded.slice(Math.max(0, cue.start - 6), cue.start));
}

/**
 * The first piece of personal medical advice in the post, if any. `drugs` widens the built-in
 * list of common medicines to every drug the lexicon knows. A reply is addressed to someone by
 * nature and speaks in the "vous" form; a staff post (or a public one signed by a professional)
 * needs an addressee.
 */
export function personalAdvice(
  doc: GuardDocument,
  context: GuardContext,
  drugs: PhraseMatcher<HealthTerm>,
): Cue | null {
  const { folded } = doc;
  const accept = (cue: Cue): boolean => !negatedAt(folded, cue);
  const standalone = STANDALONE_ADVICE.findWhere(folded, accept);
  if (standalone !== null) return standalone;
  if (context === 'reply') {
    const advice =
      VOUS_ADVICE.findWhere(folded, accept) ??
      adviceOnKnownDrug(doc, drugs, VOUS_BEFORE_DRUG) ??
      adviceOnMentionedDrug(doc, drugs, CLITIC_VOUS);
    return advice !== null && accept(advice) ? advice : null;
  }
  let advice: Cue | null = ANY_ADVICE.findWhere(folded, accept);
  if (advice === null) advice = adviceOnKnownDrug(doc, drugs, ANY_BEFORE_DRUG);
  if (advice === null) advice = adviceOnMentionedDrug(doc, drugs, CLITIC_ANY);
  if (advice === null || !accept(advice)) return null;
  return ADDRESSED.has(folded) ? advice : null;
}
