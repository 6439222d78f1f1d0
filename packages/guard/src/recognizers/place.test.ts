import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { NAMES_LEXICON } from '../test-support/names.js';
import { createDocument } from '../text/document.js';
import { placeRecognizer } from './place.js';

const context = { ...testContext(), lexicon: NAMES_LEXICON };

function places(text: string): string[] {
  return placeRecognizer
    .find(createDocument(text), context)
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('place recognizer', () => {
  it('finds towns after a preposition', () => {
    expect(places('pompier volontaire à Méru et entraîneur')).toEqual(['à Méru']);
    expect(places('il habite à Saint-Clar depuis peu')).toEqual(['à Saint-Clar']);
    expect(places('Mme Fabre de Lunel, démente')).toEqual(['Lunel']);
  });

  it('finds named venues and roads', () => {
    expect(places('devant le lycée Condorcet')).toEqual(['devant le lycée Condorcet']);
    expect(places('le pharmacien de la place Carnot')).toEqual(['place Carnot']);
    expect(places('percuté sur la D906 ce matin')).toEqual(['sur la D906']);
    expect(places('accident sur la RD14 à hauteur de Vigny')).toContain('sur la RD14 à hauteur de Vigny');
  });

  it('finds spots where someone can be waited for', () => {
    expect(places('elle sort par l’entrée du personnel')).toEqual(['par l’entrée du personnel']);
    expect(places('garée au parking P3')).toEqual(['au parking P3']);
    expect(places('on se retrouve porte B')).toEqual(['porte B']);
  });

  it('does not take people, months, networks or bare words', () => {
    expect(places('merci à Anaïs pour tout')).toEqual([]);
    expect(places('rendez-vous sur Instagram')).toEqual([]);
    expect(places('à Noël on sera là')).toEqual([]);
    expect(places('le parking est gratuit')).toEqual([]);
    expect(places('la clinique a fermé')).toEqual([]);
  });
});
