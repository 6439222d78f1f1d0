/**
 * Words the conduct rules share: how staff name their profession and their workplace.
 * The lists are data: data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { wordList } from './word-lists.js';

/** Professions as people write them, for "en tant qu'IDE", "je suis AS aux urgences". */
export const PROFESSIONS: readonly string[] = wordList('conduct-professions');

/** Words for the employer as staff write them ("au CHU", "à l'hosto", "dans la clinique"). */
export const WORKPLACES: readonly string[] = wordList('conduct-workplaces');
