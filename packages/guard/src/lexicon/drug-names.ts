/**
 * Drug names (brands and INN, from Romedi via edsnlp) turned into phrases safe to match
 * case-insensitively in posts: no names shorter than 4 letters, no everyday words ("gel",
 * "solution", "vaseline"), no ATC class descriptions ("autres antiseptiques"), no names people
 * are called ("Diane", "Jasmine").
 */

import { fold } from '../text/fold.js';
import type { OrdinaryDrugWord } from './drug-stoplist.js';
import type { HealthTerm } from './lexicon.js';
import { foldedPhraseKeys } from './phrase-matcher.js';

export interface PersonNameCounts {
  readonly firstNames: ReadonlyMap<string, number>;
  readonly surnames: ReadonlyMap<string, number>;
}

/** A drug name that is also this common a first name or surname is read as a person's name. */
const FIRST_NAME_BIRTHS = 100;
const SURNAME_BIRTHS = 200;
const MIN_LETTERS = 4;
/** A brand's first word heads a range ("HUMEX RHUME", "HUMEX TOUX SECHE") from this many names. */
const RANGE_NAMES = 2;

// ATC class labels, not products: "autres antiseptiques", "associations de vitamines", "divers".
const CLASS_LABEL = /^(?:autres?|associations?|divers|derives?|preparations?|produits?|medicaments?)\b/;
// Vaccines are listed under the disease they prevent ("rage, virus entier inactive"): a disease
// name is not a drug mention.
const VACCINE_ATC = /^J07/;

function letterCount(text: string): number {
  return text.replace(/[^\p{L}]/gu, '').length;
}

/** The product name without its dosage or form ("XYLONOR, 50 MG" → "XYLONOR"). */
function productName(name: string): string {
  const cut = name.search(/[,(]/);
  return (cut < 0 ? name : name.slice(0, cut)).replace(/\s+/g, ' ').trim();
}

export function deriveDrugPhrases(
  rows: Iterable<readonly [name: string, atc: string]>,
  people: PersonNameCounts,
  isOrdinaryDrugWord: OrdinaryDrugWord,
): Array<readonly [phrase: string, term: HealthTerm]> {
  const phrases = new Map<string, HealthTerm>();
  const rangeHeads = new Map<string, { count: number; term: HealthTerm }>();

  const isPersonName = (key: string): boolean =>
    (people.firstNames.get(key) ?? 0) >= FIRST_NAME_BIRTHS ||
    (people.surnames.get(key) ?? 0) >= SURNAME_BIRTHS;

  const acceptable = (keys: readonly string[]): boolean => {
    const phrase = keys.join(' ');
    if (letterCount(phrase) < MIN_LETTERS) return false;
    if (keys.length === 1) {
      const word = keys[0] as string;
      return !isOrdinaryDrugWord(word) && !isPersonName(word);
    }
    // A multi-word name made only of everyday words ("eau oxygenee", "feuille de saule") is
    // still an everyday expression.
    return !keys.every((key) => isOrdinaryDrugWord(key) || key.length <= 3);
  };

  const add = (keys: readonly string[], term: HealthTerm): void => {
    const phrase = keys.join(' ');
    if (!phrases.has(phrase) && acceptable(keys)) phrases.set(phrase, term);
  };

  const list = [...rows];
  // One folding pass over all names (fold keeps lengths and line breaks).
  const folded = fold(list.map(([name]) => productName(name).replace(/\n/g, ' ')).join('\n')).split('\n');
  list.forEach(([name, atc], index) => {
    const lowerCase = name === name.toLowerCase();
    if (lowerCase && VACCINE_ATC.test(atc)) return;
    const keys = foldedPhraseKeys((folded[index] ?? '').replace(/ en association\b.*$/, ''));
    const first = keys[0];
    if (first === undefined) return;
    // Lower-case rows are INN and ATC classes; a class names a group in the plural
    // ("antiseptiques", "sels mineraux", "reserpine et diuretiques"), an INN does not
    // ("everolimus" and "tafamidis" end in -us and -is).
    if (lowerCase && (CLASS_LABEL.test(first) || keys.some((key) => key.length > 3 && /[^ui]s$/.test(key))))
      return;
    const term: HealthTerm = { kind: 'drug', source: `atc:${atc}` };
    add(keys, term);
    // ATC writes acids the other way round ("acetylsalicylique acide"); people write "acide …".
    if (keys.length === 2 && keys[1] === 'acide') add(['acide', first], term);
    if (!lowerCase && keys.length > 1 && first.length >= 5) {
      const range = rangeHeads.get(first);
      if (range === undefined) rangeHeads.set(first, { count: 1, term });
      else range.count++;
    }
  });
  for (const [head, { count, term }] of rangeHeads) {
    if (count >= RANGE_NAMES) add([head], term);
  }
  return [...phrases];
}
