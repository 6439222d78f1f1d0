import type { Lexicon, WordClass } from '../lexicon/lexicon.js';

/**
 * Telling people's names from ordinary words. French capitalises few words, so a capitalised
 * name-like word is usually a name; the exceptions are words the French dictionary knows as common
 * words (« Rose », « Avril », « Bonjour »), judged against how many people bear the name (INSEE).
 * The titles and familiar words below are grammar, not a lexicon: they stay here.
 */

/** Titles that introduce a person; the span includes them ("Mme D.", "Dr Hamidi"). */
export const TITLES = new Set([
  'mme',
  'mmes',
  'madame',
  'm',
  'mr',
  'mm',
  'monsieur',
  'mlle',
  'melle',
  'mademoiselle',
  'dr',
  'docteur',
  'docteure',
  'dre',
  'doc',
  'pr',
  'professeur',
  'professeure',
  'me',
  'maitre',
]);

/** Titles that are also ordinary words, so they count only with a dot or a capital ("Me", "Doc"). */
export const WEAK_TITLES = new Set(['me', 'doc', 'm', 'mm']);

/**
 * Family and relationship words (not greetings): after them even a lower-case first name
 * (« ma copine julie ») or a nickname the gazetteer lacks (« mamie Zaza ») names someone.
 */
export const KIN_WORDS = new Set([
  'mamie',
  'mamy',
  'papy',
  'papi',
  'tata',
  'tonton',
  'petit',
  'petite',
  'voisin',
  'voisine',
  'collegue',
  'copain',
  'copine',
  'cousin',
  'cousine',
  'neveu',
  'niece',
  'fils',
  'fille',
  'frere',
  'soeur',
  'mari',
  'femme',
  'bebe',
  'ami',
  'amie',
  'pote',
]);

/** Family and familiar words after which a capitalised word is a first name ("mamie Jeannette"). */
export const FAMILIAR_WORDS = new Set([
  ...KIN_WORDS,
  'patient',
  'patiente',
  'resident',
  'residente',
  'bonjour',
  'bonsoir',
  'merci',
  'coucou',
  'salut',
  'bravo',
  'felicitations',
  'courage',
]);

/**
 * A first name given to more babies than this (INSEE, 1900–2022: Marie, Jean, Zoé, Amandine…)
 * is a name first, whatever else the word means in the dictionary; below it, a name that is also a
 * common word (Avril, Victoire, Reine) needs more evidence.
 */
export const PRIMARY_NAME_BIRTHS = 60_000;

/**
 * Adjectives and places are names first only above this (Claire, Romain and Clément stay
 * ambiguous; Claude, Isabelle and Julien do not): they follow capitalised nouns in the
 * names of campaigns and things (« Octobre Rose », « Marche Blanche », « Florence »).
 */
export const PRIMARY_NAME_BIRTHS_IF_ADJECTIVE_OR_PLACE = 200_000;

/** Below this many bearers, a surname that is also a common word (Petit, Blanc) is taken for the word. */
const COMMON_WORD_SURNAME_BIRTHS = 5_000;

const COMMON_CLASSES: readonly WordClass[] = ['noun', 'adjective', 'verb', 'adverb', 'function-word'];

function classesOf(lexicon: Lexicon, folded: string): ReadonlySet<WordClass> {
  return lexicon.wordClassesOf?.(folded) ?? NO_CLASS;
}
const NO_CLASS: ReadonlySet<WordClass> = new Set();

/** The dictionary knows the word as an ordinary word (or a place, a brand: « France », « Lyon »). */
export function isCommonWord(lexicon: Lexicon, folded: string): boolean {
  const classes = classesOf(lexicon, folded);
  return COMMON_CLASSES.some((c) => classes.has(c)) || lexicon.notNames?.has(folded) === true;
}

/** Many people bear it as a first name (see PRIMARY_NAME_BIRTHS). */
export function isPrimarilyName(lexicon: Lexicon, folded: string): boolean {
  return (lexicon.firstNames.get(folded) ?? 0) >= PRIMARY_NAME_BIRTHS;
}

/**
 * Never a name on its own, capitalised or not: function words (« Le », « Si », « Grâce ») and the
 * foreign words and abbreviations of data/not-names.txt.
 */
export function isNeverName(lexicon: Lexicon, folded: string): boolean {
  if (lexicon.notNames?.has(folded) === true) return true;
  return classesOf(lexicon, folded).has('function-word') && !isPrimarilyName(lexicon, folded);
}

/**
 * A first name that is more often something else: a common word or a place the dictionary knows
 * and not borne by many (« Rose », « Avril », « Florence »), or a word of data/ambiguous-names.txt.
 */
export function isAmbiguousFirstName(lexicon: Lexicon, folded: string): boolean {
  if (lexicon.ambiguousNames?.has(folded) === true) return true;
  const births = lexicon.firstNames.get(folded) ?? 0;
  const classes = classesOf(lexicon, folded);
  if (
    (classes.has('adjective') || classes.has('proper-noun')) &&
    births < PRIMARY_NAME_BIRTHS_IF_ADJECTIVE_OR_PLACE
  )
    return true;
  return isCommonWord(lexicon, folded) && births < PRIMARY_NAME_BIRTHS;
}

/**
 * Can follow a first name as its surname: not a function word; a common word only when the
 * dictionary lists it as a name too or many people bear it (« Sandrine Petit », not « Julie Bonne »).
 */
export function canBeSurname(lexicon: Lexicon, folded: string): boolean {
  if (isNeverName(lexicon, folded)) return false;
  if (!isCommonWord(lexicon, folded)) return true;
  const classes = classesOf(lexicon, folded);
  if (classes.has('surname') || classes.has('first-name')) return true;
  return (lexicon.surnames.get(folded) ?? 0) >= COMMON_WORD_SURNAME_BIRTHS;
}

/** A surname standing alone: only when the dictionary does not know it as a common word (« Lemaire »). */
export function isPlainSurname(lexicon: Lexicon, folded: string): boolean {
  if (!isCommonWord(lexicon, folded)) return true;
  return classesOf(lexicon, folded).has('surname');
}

/**
 * A lower-case word after a title (« mme durand », « dr martin »): not a common word, unless the
 * dictionary lists it as a name too (« martin » is also a bird).
 */
export function isNameAfterTitle(lexicon: Lexicon, folded: string): boolean {
  if (isNeverName(lexicon, folded)) return false;
  if (!isCommonWord(lexicon, folded)) return true;
  const classes = classesOf(lexicon, folded);
  return classes.has('surname') || classes.has('first-name');
}
