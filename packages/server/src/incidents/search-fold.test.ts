import { describe, expect, it } from 'vitest';
import { containsPattern, foldForSearch } from './search-fold.js';

describe('the search folding', () => {
  it('drops case, accents and ligatures, and plain-quotes apostrophes', () => {
    expect(foldForSearch('ÉPIDÉMIE à l’Hôpital')).toBe("epidemie a l'hopital");
    expect(foldForSearch('Cœur  et\u00a0ÆTHER')).toBe('coeur et aether');
    expect(foldForSearch('Straße')).toBe('strasse');
  });

  it('makes LIKE wildcards literal', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('c:\\x')).toBe('%c:\\\\x%');
  });
});
