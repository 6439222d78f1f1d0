import { describe, expect, it } from 'vitest';
import { isMatchableTerm, termPatterns } from './term-patterns.js';

describe('termPatterns', () => {
  it('hears a name of several words as written and as the hashtags and handles that glue it', () => {
    expect(termPatterns('name', 'CHU Valmont')).toEqual([
      'chu valmont',
      '#chuvalmont',
      '@chuvalmont',
      '#chu_valmont',
      '@chu_valmont',
    ]);
    expect(termPatterns('alias', 'l’Hôpital Saint-Éloi')).toEqual([
      "l'hopital saint eloi",
      '#lhopitalsainteloi',
      '@lhopitalsainteloi',
      '#l_hopital_saint_eloi',
      '@l_hopital_saint_eloi',
    ]);
    expect(termPatterns('exclusion', 'Château de Valmont')).toContain('#chateaudevalmont');
  });

  it('needs nothing more for one word, a handle, a hashtag written as such, or a service', () => {
    expect(termPatterns('alias', 'Valmont')).toEqual(['valmont']);
    expect(termPatterns('alias', '@CHU_Valmont')).toEqual(['@chu_valmont']);
    expect(termPatterns('alias', '@chu-valmont.bsky.social')).toEqual(['@chu valmont.bsky.social']);
    expect(termPatterns('name', '#ChuValmont')).toEqual(['#chuvalmont']);
    expect(termPatterns('service', 'Service des urgences')).toEqual(['service des urgences']);
  });

  it('always writes a hashtag with its « # » and without what a hashtag cannot hold', () => {
    expect(termPatterns('hashtag', '#ChuValmont')).toEqual(['#chuvalmont']);
    expect(termPatterns('hashtag', 'ChuValmont')).toEqual(['#chuvalmont']);
    expect(termPatterns('hashtag', '#CHU Valmont')).toEqual(['#chuvalmont']);
    expect(termPatterns('hashtag', '#Hôpital_Nord')).toEqual(['#hopital_nord']);
  });

  it('gives nothing for a term without a letter or digit', () => {
    for (const term of ['', '   ', '#', '@', '--', '’', '#_', '\u200b', '🙏']) {
      expect(termPatterns('name', term), JSON.stringify(term)).toEqual([]);
      expect(termPatterns('hashtag', term), JSON.stringify(term)).toEqual([]);
      expect(isMatchableTerm(term), JSON.stringify(term)).toBe(false);
    }
    expect(isMatchableTerm('CHU')).toBe(true);
    expect(isMatchableTerm('#15')).toBe(true);
  });
});
