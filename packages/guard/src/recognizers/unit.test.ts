import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { unitRecognizer } from './unit.js';

function units(text: string): string[] {
  return unitRecognizer
    .find(createDocument(text), testContext())
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('unit recognizer', () => {
  it('takes the preposition that places someone in the unit', () => {
    expect(units('il est en neuro depuis mardi')).toEqual(['en neuro']);
    expect(units('arrivée seule aux urgences gynéco')).toEqual(['aux urgences gynéco']);
    expect(units('transféré en rea pediatrique cette nuit')).toEqual(['en rea pediatrique']);
    expect(units('hospitalisée à la maternité')).toEqual(['à la maternité']);
  });

  it('knows clipped forms, consultations and services', () => {
    expect(units('vu en consult de dermato ce matin')).toEqual(['en consult de dermato']);
    expect(units('le fils du pharmacien est en addicto')).toEqual(['en addicto']);
    expect(units('Groupe Planning Chir ortho 📅')).toEqual(['Chir ortho']);
    expect(units('au service d’oncologie')).toEqual(['au service d’oncologie']);
  });

  it('keeps a capitalised place after the unit, not an ordinary word', () => {
    expect(units('aux urgences de Valmont hier')).toEqual(['aux urgences de Valmont']);
    expect(units('en cardio de garde ce soir')).toEqual(['en cardio']);
  });

  it('knows acronyms only in capitals, and floors', () => {
    expect(units('📍 En direct du SAU !')).toEqual(['SAU']);
    expect(units('transfert à l’UHCD')).toEqual(['à l’UHCD']);
    expect(units('demandez à n’importe qui au 4e')).toEqual(['au 4e']);
    expect(units('il manque une AS au 2e étage')).toEqual(['au 2e étage']);
    expect(units('le sau de la rivière, la cmp')).toEqual([]);
  });

  it('does not take dates, ranks or plain words for floors and units', () => {
    expect(units('à partir du 1er janvier')).toEqual([]);
    expect(units('au 3e trimestre de grossesse')).toEqual([]);
    expect(units('une médecine de qualité')).toEqual([]);
    expect(units('le bloc de béton')).toEqual([]);
  });
});
