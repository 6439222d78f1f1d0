import { describe, expect, it } from 'vitest';
import { WordCache } from './word-cache.js';

describe('WordCache', () => {
  it('computes a word once, then remembers it', () => {
    const cache = new WordCache<number>(10);
    let calls = 0;
    const compute = (word: string): number => {
      calls += 1;
      return word.length;
    };
    expect(cache.get('genou', compute)).toBe(5);
    expect(cache.get('genou', compute)).toBe(5);
    expect(calls).toBe(1);
  });

  it('starts afresh past its bound, so varied input cannot grow it without end', () => {
    const cache = new WordCache<number>(3);
    let calls = 0;
    const compute = (word: string): number => {
      calls += 1;
      return word.length;
    };
    for (const word of ['a', 'bb', 'ccc', 'dddd']) cache.get(word, compute);
    expect(calls).toBe(4);
    cache.get('a', compute);
    expect(calls).toBe(5);
    cache.get('dddd', compute);
    expect(calls).toBe(5);
  });
});
