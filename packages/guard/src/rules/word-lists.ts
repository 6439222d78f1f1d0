/**
 * The word lists of the rules, read from packages/guard/data/rules: one file per list, one phrase
 * per line in the syntax of `phrase-syntax.ts`, `#` starting a comment line, the list's purpose at
 * the top of its file. Data rather than code, so that a list can be reviewed and extended without
 * reading TypeScript. Read synchronously when the rule modules load (like the gazetteers), each
 * file once.
 */
import { readFileSync } from 'node:fs';
import { dataFileUrl } from '../lexicon/data-files.js';

/** The phrases of data/rules/NAME.txt, in file order. Throws if the file is missing or empty. */
export function wordList(name: string): string[] {
  const phrases: string[] = [];
  for (const line of readFileSync(dataFileUrl(`rules/${name}.txt`), 'utf8').split('\n')) {
    const phrase = line.trim();
    if (phrase !== '' && !phrase.startsWith('#')) phrases.push(phrase);
  }
  if (phrases.length === 0) throw new Error(`word list ${name}: no phrase`);
  return phrases;
}
