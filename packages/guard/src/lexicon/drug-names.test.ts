import { describe, expect, it } from 'vitest';
import { deriveDrugPhrases } from './drug-names.js';
import { createOrdinaryDrugWord } from './drug-stoplist.js';
import { readDataList } from './load.js';

const ordinary = createOrdinaryDrugWord(readDataList('drug-stoplist.txt'));

const people = {
  firstNames: new Map([
    ['diane', 22_000],
    ['rarissime', 25],
  ]),
  surnames: new Map([
    ['carlin', 1_700],
    ['zolpidem', 40],
  ]),
};

function phrases(rows: Array<readonly [string, string]>): Map<string, string> {
  return new Map(deriveDrugPhrases(rows, people, ordinary).map(([phrase, term]) => [phrase, term.source]));
}

describe('deriveDrugPhrases', () => {
  it('keeps brands and INN, folded, with their ATC source', () => {
    const derived = phrases([
      ['DOLIPRANE', 'N02BE01'],
      ['tramadol', 'N02AX02'],
      ['LÉVOTHYROX', 'H03AA01'],
    ]);
    expect(derived.get('doliprane')).toBe('atc:N02BE01');
    expect(derived.get('tramadol')).toBe('atc:N02AX02');
    expect(derived.get('levothyrox')).toBe('atc:H03AA01');
  });

  it('drops names under four letters and everyday words', () => {
    const derived = phrases([
      ['ART', 'M01AX'],
      ['GEL', 'A02AB'],
      ['VASELINE', 'D02AC'],
      ['SOLUTION', 'B05BB'],
      ['DRILL', 'R02AA'],
      ['VITAMINE C', 'A11GA01'],
      ['EAU OXYGENEE', 'D08AX01'],
    ]);
    expect([...derived.keys()]).toEqual([]);
  });

  it('drops names that are common first names or surnames, keeps rare ones', () => {
    const derived = phrases([
      ['DIANE', 'G03HB01'],
      ['CARLIN', 'C07AB'],
      ['zolpidem', 'N05CF02'],
    ]);
    expect([...derived.keys()]).toEqual(['zolpidem']);
  });

  it('drops ATC class labels and vaccines named after diseases', () => {
    const derived = phrases([
      ['autres antiseptiques', 'D08AX'],
      ['antiseptiques', 'D08A'],
      ['reserpine et diuretiques', 'C02LA'],
      ['rage, virus entier inactive', 'J07BG01'],
      ['everolimus', 'L04AA18'],
      ['tafamidis', 'N07XX08'],
    ]);
    expect([...derived.keys()].sort()).toEqual(['everolimus', 'tafamidis']);
  });

  it('cuts dosage and form, strips "en association", turns ATC acids round', () => {
    const derived = phrases([
      ['XYLONOR, 50 MG 1,5 MG PAR ML', 'N01BB52'],
      ['TRIVASTAL(C) 50 MG', 'N04BC02'],
      ['codeine en association sauf aux psycholeptiques', 'R05DA04'],
      ['acetylsalicylique acide', 'B01AC06'],
    ]);
    expect(derived.get('xylonor')).toBe('atc:N01BB52');
    expect(derived.get('trivastal')).toBe('atc:N04BC02');
    expect(derived.get('codeine')).toBe('atc:R05DA04');
    expect(derived.get('acide acetylsalicylique')).toBe('atc:B01AC06');
  });

  it('adds the brand of a product range when it heads several names', () => {
    const derived = phrases([
      ['HUMEXOL RHUME', 'R05X'],
      ['HUMEXOL TOUX SECHE', 'R05DA'],
      ['SOLITAIRE ALLERGIE', 'R06AE'],
    ]);
    expect(derived.get('humexol')).toBe('atc:R05X');
    expect(derived.get('humexol rhume')).toBe('atc:R05X');
    expect(derived.has('solitaire')).toBe(false);
  });
});
