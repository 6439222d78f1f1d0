import type { Recognizer } from './recognizer.js';

/** Every recognizer the guard runs, in no particular order (resolution sorts things out). */
export const RECOGNIZERS: readonly Recognizer[] = [];
