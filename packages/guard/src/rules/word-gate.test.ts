import { describe, expect, it } from 'vitest';
import { firstWords, hasKeyWord, KeyIndex, keyWords, literalKey, wordsOf } from './word-gate.js';

describe('firstWords: the words a key fragment can start with', () => {
  it.each([
    ['tuer?', ['tue', 'tuer']],
    ['casser? la gueule', ['casse', 'casser']],
    ["(?:je|j'|on)", ['je', 'j', 'on']],
    ['aide[- ]soignante?', ['aide']],
    ['chef(?:fe)?(?: de service| de pole)?', ['chef', 'cheffe']],
    [
      'mignonn?e?s?',
      ['mignon', 'mignons', 'mignone', 'mignones', 'mignonn', 'mignonns', 'mignonne', 'mignonnes'],
    ],
  ])('expands %s', (fragment, words) => {
    expect(new Set(firstWords(fragment))).toEqual(new Set(words));
  });

  it('refuses what it cannot expand, so a weak key is caught when the module loads', () => {
    expect(() => firstWords('\\d+h')).toThrow();
    expect(() => firstWords('mdr+')).toThrow();
    expect(() => firstWords('(?:la )?')).toThrow();
  });

  it('adds nothing for a companion (empty) key', () => {
    expect(keyWords(['', 'payer'])).toEqual(new Set(['payer']));
  });
});

describe('wordsOf and hasKeyWord', () => {
  it('splits on apostrophes and hyphens, as the keys are written', () => {
    expect(wordsOf("l'aide-soignante m'a dit")).toEqual(new Set(['l', 'aide', 'soignante', 'm', 'a', 'dit']));
  });

  it('also knows stretched words by their short form and œ as oe', () => {
    const words = wordsOf('mdrrrrr ptdrrr on vous a a l œil');
    expect(words.has('mdrr')).toBe(true);
    expect(words.has('ptdrr')).toBe(true);
    expect(words.has('oeil')).toBe(true);
  });

  it('matches whole words only', () => {
    const keys = keyWords(['tuer?']);
    expect(hasKeyWord('je vais le tuer', keys)).toBe(true);
    expect(hasKeyWord('une tuerie de gateau', keys)).toBe(false);
  });
});

describe('KeyIndex: one gate for key words and key prefixes', () => {
  it('wakes the values whose key word or key prefix is a word of the text, each once', () => {
    const index = new KeyIndex<string>();
    index.addKey('tuer?', 'threat');
    index.addKey('(?:tue|frappe)', 'violence');
    index.addPrefix('inf', 'infarctus');
    expect(index.wanted("je vais le tuer, il tue, l'infarctus")).toEqual(['threat', 'violence', 'infarctus']);
    expect(index.wanted('une tuerie de gateau')).toEqual([]);
  });
});

describe('literalKey: the letters every match of a pattern starts with', () => {
  it('takes the leading literal letters, up to the length asked', () => {
    expect(literalKey('infarctus', 3)).toBe('inf');
    expect(literalKey('ab', 3)).toBe('ab');
    expect(literalKey("l'? *infirmiere", 3)).toBe('l');
  });

  it('drops a letter a quantifier makes optional', () => {
    expect(literalKey('operee?', 8)).toBe('opere');
    expect(literalKey('ab*c', 3)).toBe('a');
    expect(literalKey('ab{0,2}c', 3)).toBe('a');
  });

  it('gives no key to a pattern that starts with a choice or is an alternation', () => {
    expect(literalKey('(?:un|une) malade', 3)).toBe('');
    expect(literalKey('[0-9]+ ans', 3)).toBe('');
    expect(literalKey('coma|avc', 3)).toBe('');
    // An alternation inside a group or a class is not at the top level.
    expect(literalKey('coma(?: vigile|tose)', 3)).toBe('com');
    expect(literalKey('coma[|]x', 3)).toBe('com');
    expect(literalKey('coma\\|x', 3)).toBe('com');
  });
});
