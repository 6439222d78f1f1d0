import { describe, expect, it } from 'vitest';
import { ruleInput } from '../test-support/spans.js';
import { imageEvaluator } from './image.js';

function rules(...args: Parameters<typeof ruleInput>): string[] {
  return imageEvaluator.evaluate(ruleInput(...args)).map((finding) => finding.rule);
}

describe('image rules', () => {
  it('flags a patient on a photo without consent (IMAGE-01)', () => {
    const text = 'Sur la photo, la petite Emma, opérée du cœur hier, avec son doudou 📸';
    expect(
      rules(
        text,
        [
          ['Emma', 'PERSON'],
          ['opérée du cœur', 'HEALTH'],
        ],
        'institutional',
      ),
      // A patient recognisable on a picture is a breach of secrecy too.
    ).toEqual(['IMAGE-01', 'SECRET-01']);
  });

  it('accepts a photo with stated consent', () => {
    const text = 'Sur la photo, Paul, dialysé, qui a accepté de témoigner avec l’accord écrit de sa famille';
    expect(
      rules(
        text,
        [
          ['Paul', 'PERSON'],
          ['dialysé', 'HEALTH'],
        ],
        'institutional',
      ),
    ).toEqual([]);
  });

  it('flags care-area backgrounds (IMAGE-02)', () => {
    expect(rules('selfie en salle de soins, le tableau des patients est derrière moi 🙈', [])).toEqual([
      'IMAGE-02',
    ]);
  });

  it('flags operating scenes and the deceased (IMAGE-05)', () => {
    expect(rules('petite danse au bloc pendant que le patient dort 😂', [])).toEqual(['IMAGE-05']);
    expect(rules('il est parti cette nuit, je vous mets sa photo', [])).toEqual(['IMAGE-05']);
  });

  it('leaves ordinary photos alone', () => {
    expect(rules('📸 Notre équipe de nuit au complet, fière !', [])).toEqual([]);
    expect(rules('Vidéo : comment se passe une IRM ?', [['IRM', 'HEALTH']], 'institutional')).toEqual([]);
    expect(rules('photo du tableau de Monet au musée', [])).toEqual([]);
  });
});
