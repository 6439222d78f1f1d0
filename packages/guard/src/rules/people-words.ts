/**
 * The words for people of the hospital (people-cues.ts): carers by trade, singular and plural,
 * patients as staff and neighbours speak of them, a patient's body, and the words of the
 * hospital world. The lists are data:
 * data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { WORD_END, WORD_START } from '../text/words.js';
import { anyOf } from './phrase-family.js';
import { wordList } from './word-lists.js';

/**
 * Health and care staff as people name them, singular, folded. Regex fragments: "aide-soignant"
 * and "aide soignant", "sage-femme" and "sage femme", clipped forms ("anesth", "kiné", "toubib").
 */
export const STAFF_ROLES: readonly string[] = wordList('people-staff-roles');

/** The same roles in the plural ("les infirmières", "des aides-soignantes"). */
export const STAFF_PLURALS: readonly string[] = wordList('people-staff-plurals');

/** Words for a patient as carers and neighbours speak of them. */
export const PATIENT_NOUN = anyOf(wordList('people-patient-noun'));

/** What a patient's body looks like to someone who shows it ("cette escarre 🤢", "ses pieds"). */
export const BODY = anyOf(wordList('people-body'));

/**
 * Words of the hospital world: carers by trade, patients, residents, the places of care. A post
 * by the public that insults someone breaks RESPECT-01 only when it speaks of these people;
 * insults between strangers elsewhere are not the hospital's business.
 */
export const HOSPITAL_WORLD = new RegExp(
  `${WORD_START}(?:${wordList('people-hospital-world').join('|')})${WORD_END}`,
);
