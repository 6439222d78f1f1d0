import { describe, expect, it } from 'vitest';
import { compilePhrase, gap } from './phrase-syntax.js';

const matcher = (phrase: string): RegExp => new RegExp(`^(?:${compilePhrase(phrase)})$`);

describe('the phrase syntax', () => {
  it('reads a space as white space or loose punctuation', () => {
    expect(matcher('je vais te tuer').test('je vais, te tuer')).toBe(true);
    expect(matcher('code ?[:=]? ?x').test('code:x')).toBe(true);
  });

  it('reads an apostrophe and an inner hyphen as people type them', () => {
    const nurse = matcher("l'aide-soignante");
    for (const typed of ["l'aide-soignante", 'l aide soignante', 'laidesoignante']) {
      expect(nurse.test(typed)).toBe(true);
    }
  });

  it('reads spaces inside look-arounds as white space only', () => {
    const drunk = new RegExp(`^${compilePhrase("bourre(?! d[e'])")}`);
    expect(drunk.test('bourre de monde')).toBe(false);
    expect(drunk.test('bourre, demandez')).toBe(true);
  });

  it('bounds a gap in words', () => {
    expect(matcher(`je vais ${gap(1)}le tuer`).test('je vais vite le tuer')).toBe(true);
    expect(matcher(`je vais ${gap(1)}le tuer`).test('je vais tres vite le tuer')).toBe(false);
  });
});
