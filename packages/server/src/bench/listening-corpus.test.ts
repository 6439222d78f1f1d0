import { describe, expect, it } from 'vitest';
import { compileWatchTerms } from '../listening/watch-terms/compile.js';
import { buildListeningCorpus } from './listening-corpus.js';

const NAMES = {
  towns: ['valmont', 'dupont', 'lefebvre', 'moreau', 'garnier', 'roux', 'fournier', 'girard'],
  saints: ['eloi', 'marie', 'joseph', 'anne'],
};
const SETTINGS = { seed: 7, termCount: 500, postCount: 200, postCharacters: 280 };

describe('buildListeningCorpus', () => {
  it('gives the same terms and posts for the same seed, others for another', () => {
    const first = buildListeningCorpus(NAMES, SETTINGS);
    expect(buildListeningCorpus(NAMES, SETTINGS)).toEqual(first);
    expect(buildListeningCorpus(NAMES, { ...SETTINGS, seed: 8 }).posts).not.toEqual(first.posts);
  });

  it('writes exactly the terms asked for, of every kind, and posts of the length asked for', () => {
    const corpus = buildListeningCorpus(NAMES, SETTINGS);
    expect(corpus.terms).toHaveLength(500);
    expect(new Set(corpus.terms.map((term) => term.id)).size).toBe(500);
    expect(new Set(corpus.terms.map((term) => term.kind))).toEqual(
      new Set(['name', 'alias', 'hashtag', 'service', 'exclusion']),
    );
    expect(corpus.establishments).toBe(new Set(corpus.terms.map((term) => term.establishmentId)).size);
    expect(corpus.posts).toHaveLength(200);
    for (const post of corpus.posts) expect(post).toHaveLength(280);
  });

  it('writes posts that name establishments, and posts that name none', () => {
    const corpus = buildListeningCorpus(NAMES, SETTINGS);
    const matcher = compileWatchTerms(corpus.terms);
    const concerned = corpus.posts.filter((post) => matcher.match(post).length > 0).length;
    expect(concerned).toBeGreaterThan(20);
    expect(concerned).toBeLessThan(180);
  });

  it('refuses empty name lists', () => {
    expect(() => buildListeningCorpus({ towns: [], saints: ['eloi'] }, SETTINGS)).toThrow(RangeError);
  });
});
