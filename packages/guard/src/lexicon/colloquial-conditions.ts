/**
 * How people name conditions in posts when CIM-10 does not: abbreviations ("AVC", "BPCO"),
 * everyday names ("cancer", "crise cardiaque", "fausse couche"), eponyms used alone
 * ("Alzheimer") and the adjectives that describe a person by a condition ("diabetique",
 * "seropositive"). The lists are the project's own (data/colloquial-conditions.tsv and
 * data/condition-descriptors.tsv), each entry mapped to the CIM-10 code it stands for.
 * Ambiguous everyday words are left out on purpose: "enceinte" (a speaker, the hospital's
 * grounds), "dement" (also "il dément"), "cardiaque", "aveugle", "sourd".
 */
import type { HealthTerm } from './lexicon.js';
import { phraseKeys } from './phrase-matcher.js';

/** (phrase, CIM-10 code) rows. */
export type CodedRows = ReadonlyArray<readonly string[]>;

/**
 * The phrases as folded keys joined by spaces (ready for `createFoldedPhraseMatcher`); each
 * descriptor ("diabetique") gets its plural too.
 */
export function colloquialConditionPhrases(
  phrases: CodedRows,
  descriptors: CodedRows,
): Array<readonly [phrase: string, term: HealthTerm]> {
  const entries: Array<readonly [string, HealthTerm]> = [];
  const add = (phrase: string, code: string): void => {
    entries.push([phraseKeys(phrase).join(' '), { kind: 'condition', source: `colloquial:${code}` }]);
  };
  for (const [phrase = '', code = ''] of phrases) add(phrase, code);
  for (const [word = '', code = ''] of descriptors) {
    add(word, code);
    if (!/[sx]$/.test(word)) add(`${word}s`, code);
  }
  return entries;
}
