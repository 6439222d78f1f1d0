import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFileUrl } from '../lexicon/data-files.js';
import { readDataList, readDataTable } from '../lexicon/load.js';
import { fold } from '../text/fold.js';
import { buildHealthVocabulary, healthVocabulary, splitLeadingChoice } from './health-words.js';

const HEALTH_FILES = [
  'health-patterns.tsv',
  'health-body-parts.txt',
  'health-abbreviations.txt',
  'health-suffixes.tsv',
  'health-suffix-stoplist.txt',
];

describe('health word lists', () => {
  it('say in their header that the project wrote them, and under which licence', () => {
    for (const file of HEALTH_FILES) {
      const head = readFileSync(dataFileUrl(file), 'utf8').split('\n').slice(0, 12).join('\n');
      expect(head, file).toContain('AGPL-3.0-or-later');
    }
  });

  it('hold folded entries (the abbreviations excepted: their case is the point)', () => {
    for (const file of ['health-body-parts.txt', 'health-suffix-stoplist.txt']) {
      for (const entry of readDataList(file)) expect(fold(entry), `${file}: ${entry}`).toBe(entry);
    }
    for (const [pattern = ''] of readDataTable('health-patterns.tsv')) expect(fold(pattern)).toBe(pattern);
  });

  it('compile pattern by pattern', () => {
    for (const pattern of healthVocabulary().patterns) expect(() => new RegExp(pattern, 'u')).not.toThrow();
  });

  it('only stop words that a suffix would catch', () => {
    const suffixes = readDataTable('health-suffixes.tsv').map(([suffix = '']) => suffix);
    for (const word of readDataList('health-suffix-stoplist.txt')) {
      expect(
        suffixes.some((suffix) => word.endsWith(suffix)),
        word,
      ).toBe(true);
    }
  });

  it('expands body parts and marks weak terms', () => {
    const vocabulary = buildHealthVocabulary({
      patterns: [['operee? {corps}'], ['operation', 'faible']],
      bodyParts: ['col', 'col du femur', 'hernie'],
      abbreviations: ['TS'],
      suffixes: [],
      suffixStoplist: [],
    });
    const first = new RegExp(`^(?:${vocabulary.patterns[0]})$`, 'u');
    expect(first.test('operee du col du femur')).toBe(true);
    expect(first.test("opere d'une col")).toBe(true);
    expect(vocabulary.weak.test('operation')).toBe(true);
    expect(vocabulary.weak.test('operee du col')).toBe(false);
  });

  it('splits a leading choice so that every pattern has first letters to be filed under', () => {
    expect(splitLeadingChoice('(?:a|ont) ete intubee?s?')).toEqual([
      'a ete intubee?s?',
      'ont ete intubee?s?',
    ]);
    expect(splitLeadingChoice('(?:grand |grande )?prematuree?')).toEqual([
      'grand prematuree?',
      'grande prematuree?',
      'prematuree?',
    ]);
    expect(splitLeadingChoice('(?:nee?|(?:re)?nait) a \\d+')).toEqual(['nee? a \\d+', '(?:re)?nait a \\d+']);
    expect(splitLeadingChoice('(?:ab)+c')).toEqual(['(?:ab)+c']);
    expect(splitLeadingChoice('stent')).toEqual(['stent']);
  });
});
