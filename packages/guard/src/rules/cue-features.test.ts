import { describe, expect, it } from 'vitest';
import { createDocument } from '../text/document.js';
import { forEachCueFeature } from './cue-features.js';

function cuesOf(text: string): string[] {
  const names: string[] = [];
  forEachCueFeature(createDocument(text), (name) => names.push(name));
  return names;
}

describe('forEachCueFeature: the rules’ signs, one by one, for the learned layer', () => {
  it('names each sign a post shows, once', () => {
    const names = cuesOf('Ce vieux con de la chambre 14 m’a encore insultée, je vais lui faire payer');
    expect(names).toContain('q:insult');
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => name.startsWith('q:'))).toBe(true);
  });

  it('sees a colleague blamed even where no rule fires on its own', () => {
    expect(cuesOf('Ma collègue de nuit a encore oublié les transmissions, franchement…')).toContain(
      'q:colleague',
    );
  });

  it('finds nothing to say about an ordinary sentence, and never throws on odd input', () => {
    expect(
      cuesOf('Il fait beau aujourd’hui à la plage.').filter((name) => !name.startsWith('q:tone:')),
    ).toEqual([]);
    for (const text of ['', '\u0000\ud800', '😂'.repeat(2000), 'a'.repeat(100_000)]) {
      expect(() => cuesOf(text)).not.toThrow();
    }
  });
});
