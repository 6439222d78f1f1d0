import { describe, expect, it } from 'vitest';
import { cleanCim10Label, cleanCim10Labels } from './cim10-clean.js';

describe('cleanCim10Label', () => {
  it.each([
    ['Choléra, sans précision', 'cholera'],
    [
      'Infarctus (transmural aigu) du myocarde (de la paroi) antérieure, prise en charge initiale',
      'infarctus du myocarde anterieure',
    ],
    ['Autres thrombopénies primaires', 'thrombopenies primaires'],
    ['Démence au cours d’autres maladies classées ailleurs', 'demence'],
    ['Pneumopathies virales, non classées ailleurs', 'pneumopathies virales'],
    ['Affection du cartilage, sans précision - Avant-bras', 'affection du cartilage'],
    ['*** SU17 *** Dengue [dengue classique]', 'dengue'],
    ['Fracture du col du fémur', 'fracture du col du femur'],
    ['Autres formes d’anémie hémolytique', 'anemie hemolytique'],
    ['Embolie pulmonaire, (sans mention de coeur pulmonaire aigu)', 'embolie pulmonaire'],
    ['Atteintes musculaires précisées', 'atteintes musculaires'],
    ['Maladie de Chagas (chronique avec atteinte cardiaque) (I41.2*, I98.1*)', 'maladie de chagas'],
    ['Tumeur maligne de siège non précisé', 'tumeur maligne'],
  ])('%s → %s', (label, phrase) => {
    expect(cleanCim10Label(label).phrase).toBe(phrase);
  });

  it('keeps lower-case bracketed synonyms, not acronyms, eponyms or qualifiers', () => {
    expect(cleanCim10Label('Giardiase [lambliase]').synonyms).toEqual(['lambliase']);
    expect(
      cleanCim10Label('Polyarthrite au cours de la maladie de Crohn [entérite régionale] (K50.-)').synonyms,
    ).toEqual(['enterite regionale']);
    expect(cleanCim10Label('Bronchiolite aiguë due au virus respiratoire syncytial [VRS]').synonyms).toEqual(
      [],
    );
    expect(cleanCim10Label('Kyste poplité [Baker]').synonyms).toEqual([]);
    expect(cleanCim10Label('Troubles mentaux dus aux hallucinogènes [tout type]').synonyms).toEqual([]);
  });

  it('leaves nothing of a label made only of qualifiers', () => {
    expect(cleanCim10Label('Autres, sans précision').phrase).toBe('');
  });

  it('cleans a batch the same way as one by one, repeated heads included', () => {
    const labels = [
      'Polyarthrite juvénile, sans précision - Genou',
      'Polyarthrite juvénile, sans précision - Main',
      'Giardiase [lambliase]',
      'Giardiase [lambliase]',
    ];
    expect(cleanCim10Labels(labels)).toEqual(labels.map(cleanCim10Label));
  });
});
