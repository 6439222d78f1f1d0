/**
 * Folded words that are drug names (or parts of drug names) in Romedi but everyday words in a
 * post ("un gel", "de la vaseline", "du zinc", "la dopamine"): data/drug-stoplist.txt, reviewed
 * against every drug name of 4 letters or more that is also a French dictionary word, and
 * against every multi-word name made only of dictionary words. A multi-word name made only of
 * these words ("eau oxygenee", "vitamine c", "feuille de saule") is dropped too.
 */
export type OrdinaryDrugWord = (word: string) => boolean;

export function createOrdinaryDrugWord(words: readonly string[]): OrdinaryDrugWord {
  const set = new Set(words);
  return (word) => set.has(word);
}
