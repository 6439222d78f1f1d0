import { describe, expect, it } from 'vitest';
import { parseTable, parseWordList } from './word-lists.js';

describe('word lists', () => {
  it('skips comments and blank lines', () => {
    expect(parseWordList('# en-tête\n\nrose\n  dose  \n# groupe\nsite\n')).toEqual(['rose', 'dose', 'site']);
  });

  it('splits tables on tabs', () => {
    expect(parseTable('# a\tb\navc\tI64\nscanner\tfaible\nstent\n')).toEqual([
      ['avc', 'I64'],
      ['scanner', 'faible'],
      ['stent'],
    ]);
  });
});
