/**
 * The words of threats (threat-cues.ts): ways to hurt someone, places to wreck, what "on sait où
 * tu…" goes on with, who comes back "avec mes cousins". The lists are data:
 * data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { anyOf } from './phrase-family.js';
import { wordList } from './word-lists.js';

/** Verbs that hurt on their own ("tuer", "tabasser"). */
const HARM_VERBS: readonly string[] = wordList('threat-harm-verbs');

export const HARM_VERB = anyOf([...HARM_VERBS, ...wordList('threat-harm-verb')]);

// The word each harm phrase cannot do without: the verb, or the noun of a set phrase ("la gueule").
export const HARM_KEY = anyOf([...HARM_VERBS, ...wordList('threat-harm-key')]);

export const PLACE_TARGET = anyOf(wordList('threat-place-target'));

export const WHEREABOUTS_VERB = anyOf(wordList('threat-whereabouts-verb'));

// What "je sais qu'elle…" must go on with to locate her ("sort à 21h", "se gare derrière").
export const LEAVES_VERB = anyOf(wordList('threat-leaves-verb'));

export const CREW = anyOf(wordList('threat-crew'));
