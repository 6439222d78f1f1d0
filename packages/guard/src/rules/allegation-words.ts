/**
 * The words of defamatory allegations (allegation-cues.ts): victims, states of drunkenness,
 * what is stolen and from where, grave care gone wrong. The lists are data:
 * data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { anyOf } from './phrase-family.js';
import { wordList } from './word-lists.js';

export const VICTIM = anyOf(wordList('allegation-victim'));

export const DRUNK = anyOf(wordList('allegation-drunk'));

export const AT_WORK = anyOf(wordList('allegation-at-work'));

// Where drugs are kept or what is taken from them: "l'armoire à stups", "la morphine".
export const DRUG_STORE = anyOf(wordList('allegation-drug-store'));

export const THEFT_OBJECT = anyOf(wordList('allegation-theft-object'));

export const STOLEN = anyOf(wordList('allegation-stolen'));

export const DISCRIMINATED = anyOf(wordList('allegation-discriminated'));

export const GRAVE_CARE = anyOf(wordList('allegation-grave-care'));

// The words the drunk and theft phrases cannot do without.
export const DRUNK_KEY =
  'bourree?|saoule?|soule?|ivre|defoncee?|droguee?|stone|petee?|arrachee?|alcoolisee?|torchee?|dechiree?|perchee?|coke|cocaine|drogue|alcool|cannabis|shit|beuh|ketamine|morphine|cachets|benzos|speed|md';

export const THEFT_VERB =
  'pique|piquait|piquent|vole|volait|volent|detourne|detournait|sert|servait|servent|pioche|piochait|piochent|tape|tapait|tapent|puise|puisait|fauche|fauchait|siphonne|fouille|fouillait';
