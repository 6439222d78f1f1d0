import { describe, expect, it } from 'vitest';
import { createDocument } from '../text/document.js';
import { createSuffixMatcher } from './health-morphology.js';

const matcher = createSuffixMatcher(
  [
    ['ectomie', '8', 'fort'],
    ['scopie', '8', 'fort'],
    ['ite', '8', 'faible'],
    ['ose', '7', 'faible'],
    ['ome', '7', 'faible'],
    ['emie', '7', 'fort'],
  ],
  ['propose', 'academie', 'syndrome', 'reussite'],
);

function words(text: string): string[] {
  return matcher.find(createDocument(text)).map((hit) => `${text.slice(hit.start, hit.end)}:${hit.strong}`);
}

describe('learned medical suffixes', () => {
  it('takes acts and diseases by their suffix, plurals and compounds included', () => {
    expect(words('une mastectomie puis deux coloscopies')).toEqual(['mastectomie:true', 'coloscopies:true']);
    expect(words('sa gastro-entérite dure, sa phlébite aussi')).toEqual([
      'gastro-entérite:false',
      'phlébite:false',
    ]);
    expect(words('hypoglycémie sévère')).toEqual(['hypoglycémie:true']);
  });

  it('leaves short words and the stop-list', () => {
    expect(words('un site, une rose, une dose, une pose')).toEqual([]);
    expect(words('il propose l’académie, quel syndrome, une réussite')).toEqual([]);
  });

  it('tells "-ité" from "-ite" by the accent, and takes no "-ite" in a post without accents', () => {
    expect(words('la sécurité et la maternité')).toEqual([]);
    expect(words('la securite et la maternite')).toEqual([]);
    expect(words('bronchite carabinée')).toEqual(['bronchite:false']);
    expect(words('bronchite carabinee')).toEqual([]);
  });

  it('leaves "-ôme" words and hashtags', () => {
    expect(words('un vieux fantôme, un diplôme')).toEqual([]);
    expect(words('un hématome énorme')).toEqual(['hématome:false']);
    expect(words('#coloscopie pour tous')).toEqual([]);
  });
});
