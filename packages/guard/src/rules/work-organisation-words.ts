/**
 * PRIV-03 vocabulary: shifts, the ways colleagues ask each other for cover, and the errands and
 * patient matters that such requests carry.
 * The lists are data: data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { oneOf } from './conduct-text.js';
import { wordList } from './word-lists.js';

export const SHIFT = oneOf(wordList('work-organisation-shift'));
export const ASKER = oneOf(wordList('work-organisation-asker'));
export const MODAL = oneOf(wordList('work-organisation-modal'));
/** Verbs that take a shift as object: "échanger sa nuit", "prendre ma garde". */
export const SWAP_SHIFT = oneOf(wordList('work-organisation-swap-shift'));
/** Requests that need no object: "qqn peut me remplacer ?". */
export const COVER = oneOf(wordList('work-organisation-cover'));
export const STAFF_ROLE = oneOf(wordList('work-organisation-staff-role'));
export const SOON = oneOf(wordList('work-organisation-soon'));

/** Errands that one colleague asks another to run. */
export const TASK = oneOf(wordList('work-organisation-task'));
/** What such an errand is about: a patient, their file, a care task. */
export const WORK_OBJECT = oneOf(wordList('work-organisation-work-object'));
