import { describe, expect, it } from 'vitest';
import { wordSet } from './word-set.js';

describe('wordSet', () => {
  it('reads words across lines and skips // comments', () => {
    const set = wordSet(`
      // a group
      gel  vaseline
      zinc // trailing note
    `);
    expect([...set]).toEqual(['gel', 'vaseline', 'zinc']);
  });

  it('keeps apostrophes inside words', () => {
    expect(wordSet("d' l' de").has("d'")).toBe(true);
  });
});
