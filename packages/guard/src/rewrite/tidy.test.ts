import { describe, expect, it } from 'vitest';
import { applyEdits } from './edits.js';
import { capitaliseSentences, tidy } from './tidy.js';

describe('tidy', () => {
  it('elides before the words a rewrite writes', () => {
    expect(tidy('la fille de une patiente et que un patient')).toBe(
      "La fille d'une patiente et qu'un patient",
    );
  });

  it('removes blanks and commas left by dropped details, not French spaces before « ! »', () => {
    expect(tidy('Bravo à l’équipe  pour   un patient , , !')).toBe('Bravo à l’équipe pour un patient !');
    expect(tidy(', une patiente est sortie ( ).')).toBe('Une patiente est sortie.');
  });

  it('drops the comma between a subject and its verb once the apposition between is gone', () => {
    expect(tidy('Une patiente\u0001\u0002\u0002, a fugué')).toBe('Une patiente a fugué');
    // No apposition was dropped: the comma belongs to the author.
    expect(tidy('le bébé d’une patiente\u0001, né à 26 semaines, rentre')).toBe(
      'Le bébé d’une patiente, né à 26 semaines, rentre',
    );
  });

  it('gives each sentence a capital', () => {
    expect(capitaliseSentences('une nuit. une autre ! encore')).toBe('Une nuit. Une autre ! Encore');
  });
});

describe('applyEdits', () => {
  it('applies edits in order and keeps only the part of an overlapping edit after the previous one', () => {
    const text = 'Mme D., 92 ans, chambre 214';
    expect(
      applyEdits(text, [
        { start: 15, end: 27, replacement: '' },
        { start: 0, end: 6, replacement: 'une patiente' },
        { start: 6, end: 14, replacement: '' },
      ]),
    ).toBe('une patiente,');
  });
});
