import { describe, expect, it } from 'vitest';
import { phraseFamily, scanFamily } from './phrase-family.js';
import { compilePhrase } from './phrase-syntax.js';

type Sign = 'threat' | 'laugh' | 'place' | 'heart';

const family = phraseFamily<Sign>(
  [
    ['threat', 'je vais (?:te|le) (?:tuer|buter)', 'tuer|buter'],
    ['threat', 'on sait ou tu habites', 'habites'],
    ['laugh', 'mdr|ptdr', ''],
  ],
  [['heart', '❤️|❤']],
);

const places = phraseFamily<Sign>([
  ['place', 'les urgences'],
  ['place', 'la rea'],
]);

function labels(text: string, of = family): string[] {
  return scanFamily(of, text).map((hit) => `${hit.label}:${text.slice(hit.start, hit.end)}`);
}

describe('phraseFamily and scanFamily', () => {
  it('finds each phrase with its label, in text order, in what people type', () => {
    expect(labels('je vais   te tuer mdr, on sait ou tu habites')).toEqual([
      'threat:je vais   te tuer',
      'laugh:mdr',
      'threat:on sait ou tu habites',
    ]);
  });

  it('needs a key word before it looks for a phrase, and companions only come along', () => {
    expect(labels('mdr trop drole')).toEqual([]);
    expect(labels('mdr je vais le buter')).toEqual(['laugh:mdr', 'threat:je vais le buter']);
  });

  it('matches on word edges only', () => {
    expect(labels('je vais le tuerie')).toEqual([]);
    expect(labels('xje vais le tuer')).toEqual([]);
  });

  it('looks for signs in every post, and skips emoji signs when there is no emoji', () => {
    expect(labels('bravo ❤️')).toEqual(['heart:❤️']);
    expect(labels('bravo')).toEqual([]);
  });

  it('scans families without keys whole', () => {
    expect(labels('aux urgences puis en rea', places)).toEqual([]);
    expect(labels('les urgences puis la rea', places)).toEqual(['place:les urgences', 'place:la rea']);
  });

  it('reads an apostrophe as typed with or without one', () => {
    const pattern = new RegExp(compilePhrase("l'infirmiere"));
    expect(pattern.test("l'infirmiere")).toBe(true);
    expect(pattern.test('l infirmiere')).toBe(true);
    expect(pattern.test("l' infirmiere")).toBe(true);
  });
});
