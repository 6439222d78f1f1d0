import { describe, expect, it } from 'vitest';
import { prefixGatedPatterns } from './prefix-gated-patterns.js';

describe('prefix-gated patterns', () => {
  it('finds every pattern at word starts only', () => {
    const patterns = prefixGatedPatterns(['stent', 'greffee?', '(?:a|ont) ete'], '(?![a-z])');
    const found = patterns.matches('un stent, la greffee, ils ont ete, unstent').map((m) => m.text);
    expect(found.sort()).toEqual(['greffee', 'ont ete', 'stent']);
  });

  it('still finds everything when the single pass is cut into several alternations', () => {
    // Long fragments: the single pass (many groups woken) is split by source length.
    const words = Array.from({ length: 60 }, (_, i) => `mot${String.fromCharCode(97 + (i % 26))}${i}`);
    const fragments = words.map((word) => `${word}(?: ${'x'.repeat(200)})?`);
    const text = words.join(' ');
    const found = prefixGatedPatterns(fragments, '(?![a-z0-9])').matches(text);
    expect(new Set(found.map((m) => m.text))).toEqual(new Set(words));
  });
});
