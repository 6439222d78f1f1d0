/**
 * RESERVE-01 vocabulary: who the hierarchy is, and the words of contempt for it. Inflected forms are
 * spelled out so that every pattern stays a plain alternation of literals.
 * The lists are data: data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { oneOf } from './conduct-text.js';
import { wordList } from './word-lists.js';

/** The hierarchy and the employer, as staff name them. */
export const HIERARCHY = oneOf(wordList('reserve-hierarchy'));

/** Insults and contemptuous labels; inflected forms spelled out so the pattern stays literal. */
export const INSULT = oneOf(wordList('reserve-insult'));
/** Labels that are contempt once said of someone ("X est une catastrophe"), not on their own. */
export const LABEL = oneOf(wordList('reserve-label'));

/** Contempt said as a verb phrase rather than a label. */
export const CONTEMPT = oneOf(wordList('reserve-contempt'));
