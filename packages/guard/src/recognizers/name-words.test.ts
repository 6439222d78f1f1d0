import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../lexicon/load.js';
import { NAMES_LEXICON } from '../test-support/names.js';
import {
  canBeSurname,
  isAmbiguousFirstName,
  isCommonWord,
  isNameAfterTitle,
  isNeverName,
  isPlainSurname,
} from './name-words.js';

const lexicon = loadLexicon();

describe('name words (dictionary word classes and INSEE counts)', () => {
  it('never takes function words and the listed foreign words for names', () => {
    for (const word of ['le', 'si', 'grace', 'mdr', 'el', 'the'])
      expect(isNeverName(lexicon, word), word).toBe(true);
    for (const word of ['marie', 'rose', 'dupont']) expect(isNeverName(lexicon, word), word).toBe(false);
  });

  it('finds ambiguous first names: common words, adjectives and places not borne by many', () => {
    for (const word of ['rose', 'avril', 'claire', 'florence', 'victoire', 'happy'])
      expect(isAmbiguousFirstName(lexicon, word), word).toBe(true);
    for (const word of ['marie', 'pierre', 'jean', 'zoe', 'amandine', 'nathalie', 'kevin'])
      expect(isAmbiguousFirstName(lexicon, word), word).toBe(false);
  });

  it('lets a common word follow a first name as surname only when many bear it', () => {
    expect(canBeSurname(lexicon, 'petit')).toBe(true);
    expect(canBeSurname(lexicon, 'morel')).toBe(true);
    expect(canBeSurname(lexicon, 'bonne')).toBe(false);
    expect(canBeSurname(lexicon, 'le')).toBe(false);
  });

  it('takes a surname alone only when it is not a common word', () => {
    expect(isPlainSurname(lexicon, 'lemaire')).toBe(true);
    expect(isPlainSurname(lexicon, 'poste')).toBe(false);
    expect(isPlainSurname(lexicon, 'gare')).toBe(false);
  });

  it('after a title, takes a lower-case word the dictionary also lists as a name', () => {
    expect(isNameAfterTitle(lexicon, 'durand')).toBe(true);
    expect(isNameAfterTitle(lexicon, 'martin')).toBe(true);
    expect(isNameAfterTitle(lexicon, 'la')).toBe(false);
    expect(isNameAfterTitle(lexicon, 'directrice')).toBe(false);
  });

  it('knows no common word without a dictionary (test lexicons)', () => {
    expect(isCommonWord(NAMES_LEXICON, 'rose')).toBe(false);
    expect(isAmbiguousFirstName(NAMES_LEXICON, 'rose')).toBe(false);
  });
});
