import { describe, expect, it } from 'vitest';
import {
  firstWords,
  hasKeyWord,
  KeyIndex,
  keyedBranches,
  keyWords,
  literalKey,
  wordsOf,
} from './word-gate.js';

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

describe('keyedBranches: a pattern as the ways it can start', () => {
  it('keeps a pattern that starts with letters whole', () => {
    expect(keyedBranches('infarctus', 3)).toEqual([{ key: 'inf', source: 'infarctus' }]);
  });

  it('splits a leading choice into its branches, each followed by the rest, in the order tried', () => {
    expect(keyedBranches('(?:chiffres?|decision) pas', 3)).toEqual([
      { key: 'chi', source: 'chiffres? pas' },
      { key: 'dec', source: 'decision pas' },
    ]);
    expect(keyedBranches('coma|(?:un|le) avc', 3)).toEqual([
      { key: 'com', source: 'coma' },
      { key: 'un', source: 'un avc' },
      { key: 'le', source: 'le avc' },
    ]);
    // An empty branch lets the rest start the match.
    expect(keyedBranches('(?:tres |)fatigue', 3)).toEqual([
      { key: 'tre', source: 'tres fatigue' },
      { key: 'fat', source: 'fatigue' },
    ]);
  });

  it('stops a key short of a quantifier, so that the rest can be cut after it', () => {
    expect(keyedBranches('mdr+', 3)).toEqual([{ key: 'md', source: 'mdr+' }]);
    expect(keyedBranches('ab{2}', 3)).toEqual([{ key: 'a', source: 'ab{2}' }]);
    expect(keyedBranches('x+', 3)).toBeNull();
  });

  it('gives up when some match may start with anything', () => {
    expect(keyedBranches('(?:le|la)? malade', 3)).toBeNull();
    expect(keyedBranches('(?:ha)+', 3)).toBeNull();
    expect(keyedBranches('[0-9]+ ans', 3)).toBeNull();
    expect(keyedBranches('coma|\\d+ ans', 3)).toBeNull();
  });

  it('matches exactly what the pattern matches, branch by branch', () => {
    const source = "(?:c'? *est|(?:ca|sa) (?:va|ira)|ok) bien";
    const branches = keyedBranches(source, 3) ?? [];
    const texts = ["c'est bien", 'cest bien', 'ca va bien', 'sa ira bien', 'ok bien', 'va bien', 'c bien'];
    for (const text of texts) {
      const whole = new RegExp(`^(?:${source})$`).test(text);
      const some = branches.some(
        (branch) => text.startsWith(branch.key) && new RegExp(`^(?:${branch.source})$`).test(text),
      );
      expect(some, text).toBe(whole);
    }
  });
});
