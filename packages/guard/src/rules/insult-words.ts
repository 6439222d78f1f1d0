/**
 * The words of insults and prejudice (insult-cues.ts): slurs, words that insult inside a frame,
 * mild judgements, and the groups that discriminatory talk generalises about. Folded regex
 * fragments.
 * The lists are data: data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { anyOf } from './phrase-family.js';
import { wordList } from './word-lists.js';

/** Slurs and crude insults that insult wherever they stand. */
export const SLURS: readonly string[] = wordList('insult-slurs');

/** Insulting nouns and adjectives that need a frame to insult a person; an article is enough. */
export const FRAMED: readonly string[] = wordList('insult-framed');

/** Words with a plain sense beside the insult ("notre chienne", "les parasites intestinaux"). */
export const PERSON_ONLY: readonly string[] = wordList('insult-person-only');

/** Judgements a complaint may throw at a service ("bande d'incapables"), insults when aimed at one person. */
export const MILD: readonly string[] = wordList('insult-mild');

/** Groups that discriminatory talk generalises about (origin, religion, sex, orientation, coverage). */
export const GROUP = anyOf(wordList('insult-group'));
