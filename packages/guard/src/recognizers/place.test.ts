import { describe, expect, it } from 'vitest';
import { hasKeyWord } from '../rules/word-gate.js';
import { committedPosts } from '../test-support/committed-posts.js';
import { testContext } from '../test-support/context.js';
import { NAMES_LEXICON } from '../test-support/names.js';
import { createDocument } from '../text/document.js';
import { fold } from '../text/fold.js';
import { placeRecognizer, ROAD, ROAD_GATE, SPOT, SPOT_KEYS, VENUE, VENUE_KEYS } from './place.js';

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

describe('place pattern gates', () => {
  const crafted = [
    'Clinique des Tilleuls, école Les Tilleuls, place Carnot, CHU de Bordeaux, Maison de retraite Les Pins',
    "devant l'entrée du personnel, au parking P2, porte B, sortie du parking, abri fumeurs du service",
    'sur la D906, RN 12 au niveau de Lunel, A7 direction Lyon, RD14',
  ];
  const gates = [
    { name: 'venue', pattern: VENUE, open: (text: string) => hasKeyWord(fold(text), VENUE_KEYS) },
    { name: 'spot', pattern: SPOT, open: (text: string) => hasKeyWord(fold(text), SPOT_KEYS) },
    { name: 'road', pattern: ROAD, open: (text: string) => ROAD_GATE.test(text) },
  ];

  it('let through every post in which their pattern matches', () => {
    const shut: string[] = [];
    const matched = new Set<string>();
    for (const text of [...committedPosts(), ...crafted]) {
      for (const gate of gates) {
        gate.pattern.lastIndex = 0;
        if (!gate.pattern.test(text)) continue;
        matched.add(gate.name);
        if (!gate.open(text)) shut.push(`${gate.name}: ${text}`);
      }
    }
    expect(shut).toEqual([]);
    expect([...matched].sort()).toEqual(['road', 'spot', 'venue']);
  });
});
