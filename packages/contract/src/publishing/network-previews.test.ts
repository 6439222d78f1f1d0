import { describe, expect, it } from 'vitest';
import { foldText, postSegments } from './network-previews.js';

describe('network previews', () => {
  it('folds at the last space before the fold, never inside a word or an emoji', () => {
    expect(foldText('Mois sans tabac', 125)).toEqual({ shown: 'Mois sans tabac', folded: false });
    expect(foldText('Mois sans tabac : consultations gratuites', 20)).toEqual({
      shown: 'Mois sans tabac :',
      folded: true,
    });
    expect(foldText('🚭🚭🚭 arrêt', 2)).toEqual({ shown: '🚭🚭', folded: true });
    expect(foldText('long text', null)).toEqual({ shown: 'long text', folded: false });
  });

  it('finds links, hashtags and mentions as the networks colour them', () => {
    expect(
      postSegments('Infos : https://tabac-info-service.fr. #MoisSansTabac avec @chu-valmont.fr !'),
    ).toEqual([
      { kind: 'text', text: 'Infos : ' },
      { kind: 'link', text: 'https://tabac-info-service.fr' },
      { kind: 'text', text: '. ' },
      { kind: 'hashtag', text: '#MoisSansTabac' },
      { kind: 'text', text: ' avec ' },
      { kind: 'mention', text: '@chu-valmont.fr' },
      { kind: 'text', text: ' !' },
    ]);
    expect(postSegments('Écrivez à com@chu.fr, chambre n°#3')).toEqual([
      { kind: 'text', text: 'Écrivez à com@chu.fr, chambre n°#3' },
    ]);
  });
});
