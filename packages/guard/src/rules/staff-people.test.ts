import { describe, expect, it } from 'vitest';
import { spanOf } from '../test-support/spans.js';
import { createDocument } from '../text/document.js';
import { isStaffName, patientNames } from './staff-people.js';

function staff(text: string, name: string): boolean {
  return isStaffName(createDocument(text), spanOf(text, name, 'PERSON'));
}

describe('staff names', () => {
  it('knows a carer by the role before or after the name', () => {
    expect(staff('merci à l’infirmière Julie de chir ortho', 'Julie')).toBe(true);
    expect(staff('Interview du directeur général, Jean-Paul Rénier.', 'Jean-Paul Rénier')).toBe(true);
    expect(staff('Voici Nadia Benhamou, cadre de santé aux urgences', 'Nadia Benhamou')).toBe(true);
    expect(staff('La Dre Inès Haddad rejoint l’équipe', 'Dre Inès Haddad')).toBe(true);
  });

  it('does not take patients or relatives for staff', () => {
    expect(staff('Mme Durand, 92 ans, chambre 12', 'Mme Durand')).toBe(false);
    expect(staff('chez le pédiatre avec Kevin hier', 'Kevin')).toBe(false);
    expect(staff('ma voisine Josiane est en pneumo', 'Josiane')).toBe(false);
  });

  it('keeps a staff member’s name a staff name when repeated alone', () => {
    const text = 'Voici Nadia Benhamou, cadre de santé. Merci Nadia ! Et bon rétablissement à Mme Roux.';
    const doc = createDocument(text);
    const persons = [
      spanOf(text, 'Nadia Benhamou', 'PERSON'),
      spanOf(text, 'Nadia !', 'PERSON'),
      spanOf(text, 'Mme Roux', 'PERSON'),
    ];
    expect(patientNames(doc, persons).map((span) => text.slice(span.start, span.end))).toEqual(['Mme Roux']);
  });
});
