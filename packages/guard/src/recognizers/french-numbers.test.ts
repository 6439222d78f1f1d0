import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold.js';
import {
  findFrenchNumbers,
  frenchNumberToWords,
  parseFrenchNumber,
  readFrenchNumberAt,
} from './french-numbers.js';

describe('parseFrenchNumber', () => {
  it('reads the compound tens of French', () => {
    expect(parseFrenchNumber('quatre-vingt-quatorze')).toBe(94);
    expect(parseFrenchNumber('soixante et onze')).toBe(71);
    expect(parseFrenchNumber('vingt et un')).toBe(21);
    expect(parseFrenchNumber('soixante-dix-sept')).toBe(77);
    expect(parseFrenchNumber('quatre-vingts')).toBe(80);
    expect(parseFrenchNumber('quatre-vingt-un')).toBe(81);
    expect(parseFrenchNumber('quatre-vingt-dix-neuf')).toBe(99);
  });

  it('reads hundreds and thousands, years included', () => {
    expect(parseFrenchNumber('cent deux')).toBe(102);
    expect(parseFrenchNumber('deux cents')).toBe(200);
    expect(parseFrenchNumber('trois cent quarante et un')).toBe(341);
    expect(parseFrenchNumber('mille neuf cent quatre-vingt')).toBe(1980);
    expect(parseFrenchNumber('deux mille vingt-quatre')).toBe(2024);
    expect(parseFrenchNumber('mil neuf cent')).toBe(1900);
    expect(parseFrenchNumber('cent mille')).toBe(100_000);
  });

  it('reads simple numbers, with or without hyphens, any case, accents folded', () => {
    expect(parseFrenchNumber('douze')).toBe(12);
    expect(parseFrenchNumber('trente-quatre')).toBe(34);
    expect(parseFrenchNumber('trente quatre')).toBe(34);
    expect(parseFrenchNumber('Quatre Vingt Quatorze')).toBe(94);
    expect(parseFrenchNumber('QUATRE-VINGT-QUATORZE')).toBe(94);
    expect(parseFrenchNumber('zéro')).toBe(0);
    expect(parseFrenchNumber('  seize ')).toBe(16);
  });

  it('reads the 1990 all-hyphen spelling and the Belgian and Swiss tens', () => {
    expect(parseFrenchNumber('vingt-et-un')).toBe(21);
    expect(parseFrenchNumber('deux-cent-trois')).toBe(203);
    expect(parseFrenchNumber('soixante-et-onze')).toBe(71);
    expect(parseFrenchNumber('septante-cinq')).toBe(75);
    expect(parseFrenchNumber('huitante')).toBe(80);
    expect(parseFrenchNumber('nonante-deux')).toBe(92);
  });

  it('refuses what is not one number', () => {
    expect(parseFrenchNumber('')).toBeNull();
    expect(parseFrenchNumber('vingtaine')).toBeNull();
    expect(parseFrenchNumber('et')).toBeNull();
    expect(parseFrenchNumber('trois quatre')).toBeNull();
    expect(parseFrenchNumber('quarante douze')).toBeNull();
    expect(parseFrenchNumber('vingt et deux')).toBeNull();
    expect(parseFrenchNumber('centre')).toBeNull();
    expect(parseFrenchNumber('34')).toBeNull();
  });
});

describe('frenchNumberToWords', () => {
  it('writes the traditional spelling', () => {
    expect(frenchNumberToWords(94)).toBe('quatre-vingt-quatorze');
    expect(frenchNumberToWords(71)).toBe('soixante et onze');
    expect(frenchNumberToWords(80)).toBe('quatre-vingts');
    expect(frenchNumberToWords(200)).toBe('deux cents');
    expect(frenchNumberToWords(1980)).toBe('mille neuf cent quatre-vingts');
    expect(frenchNumberToWords(80_000)).toBe('quatre-vingt mille');
    expect(frenchNumberToWords(3000)).toBe('trois mille');
    expect(() => frenchNumberToWords(1_000_000)).toThrow(RangeError);
  });

  it('round-trips every number up to 2 000, in every spelling', () => {
    for (let n = 0; n <= 2000; n++) {
      const words = frenchNumberToWords(n);
      expect(parseFrenchNumber(words)).toBe(n);
      expect(parseFrenchNumber(words.replace(/-/g, ' '))).toBe(n);
      expect(parseFrenchNumber(words.replace(/ /g, '-'))).toBe(n);
    }
  });

  it('round-trips any number below a million', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        (n) => parseFrenchNumber(frenchNumberToWords(n)) === n,
      ),
    );
  });
});

describe('findFrenchNumbers', () => {
  it('finds numbers in words with their offsets in the original text', () => {
    const text = 'Mme D., Quatre-vingt-quatorze ans, chambre douze 😵 depuis vingt et un jours';
    const found = findFrenchNumbers(fold(text)).map((m) => [text.slice(m.start, m.end), m.value]);
    expect(found).toEqual([
      ['Quatre-vingt-quatorze', 94],
      ['douze', 12],
      ['vingt et un', 21],
    ]);
  });

  it('stops a number at punctuation and splits lists of numbers', () => {
    const values = (text: string) => findFrenchNumbers(fold(text)).map((m) => m.value);
    expect(values('deux ou trois fois')).toEqual([2, 3]);
    expect(values('vingt, et un autre')).toEqual([20, 1]);
    expect(values('trois quatre')).toEqual([3, 4]);
    expect(values('la vingtaine, la centaine, le centre')).toEqual([]);
  });

  it('reads the number that starts at an offset', () => {
    const folded = fold('chambre soixante-douze, lit B');
    expect(readFrenchNumberAt(folded, 8)).toEqual({ start: 8, end: 22, value: 72 });
    expect(readFrenchNumberAt(folded, 0)).toBeNull();
    expect(readFrenchNumberAt(folded, 24)).toBeNull();
  });

  it('returns on 1 MB of number words', () => {
    const text = 'quatre-vingt-dix-neuf et vingt et un, mille deux cents trois quatre cinq '.repeat(14_000);
    const found = findFrenchNumbers(fold(text));
    expect(found.length).toBeGreaterThan(14_000);
  });
});
