import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { hospitalIdRecognizer } from './hospital-id.js';

/** The HOSPITAL_ID spans the pipeline would keep (score ≥ 0.5), as text. */
function kept(text: string): string[] {
  return hospitalIdRecognizer
    .find(createDocument(text), testContext('staff'))
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('hospitalIdRecognizer: labelled identifiers', () => {
  const positives: Array<[string, string[]]> = [
    ['(IPP 8004127733, NDA 240318877) merci de vérifier', ['8004127733', '240318877']],
    ['ipp:80045193 dans le logiciel', ['80045193']],
    ['IPP n° 8004519302 et 8004519320, vérifiez les bracelets', ['8004519302', '8004519320']],
    ['n° de dossier : 2023-004512', ['2023-004512']],
    ['Numéro de séjour 24A018877 à saisir', ['24A018877']],
    ['numero patient #P-445120 svp 🙏', ['P-445120']],
    ['identifiant patient: 77001234', ['77001234']],
    ['le dossier 2023-004512 a disparu 😱', ['2023-004512']],
    ['N° DE DOSSIER 00451277', ['00451277']],
    ['réclamation enregistrée sous le numéro RU-2024-0412 ; merci', ['RU-2024-0412']],
    ['no de dossier 7788990.', ['7788990']],
    ['dossier n°554433 du patient de la 12', ['554433']],
  ];
  it.each(positives)('finds %j', (text, expected) => {
    expect(kept(text)).toEqual(expected);
  });

  it('spans the identifier only, never the label', () => {
    const text = 'IPP : 8004127733';
    const [span] = hospitalIdRecognizer.find(createDocument(text), testContext());
    expect(span?.start).toBe(text.indexOf('8004'));
    expect(span?.score).toBe(0.9);
  });

  it('gives a bare "dossier" label a lower score than IPP or NDA', () => {
    const [span] = hospitalIdRecognizer.find(createDocument('dossier 2023-004512'), testContext());
    expect(span?.score).toBeLessThan(0.9);
    expect(span?.score).toBeGreaterThanOrEqual(0.5);
  });
});

describe('hospitalIdRecognizer: look-alikes', () => {
  const negatives = [
    'patient 8004127733 vu ce matin',
    'commande n° 20240312-88 livrée',
    'RPPS 10001234567 du Dr Martin',
    'le dossier 2024 de la HAS sur la canicule',
    'dossier médical partagé : pensez-y !',
    'chambre 214, lit B, 1 femme sur 10',
    'IPP du patient inconnu',
    'le dossier du 12/03/2024 est clos',
    'dossier n°12 sur la pile',
    'Prix 12 000 € pour le dossier',
    'inscrite sous le numéro 2024',
  ];
  it.each(negatives)('finds nothing in %j', (text) => {
    expect(kept(text)).toEqual([]);
  });
});

describe('hospitalIdRecognizer: scale', () => {
  it('returns on 1 MB of labels and identifiers', () => {
    const text = 'IPP 8004127733, 8004127734 et dossier médical '.repeat(22_000);
    const spans = hospitalIdRecognizer.find(createDocument(text), testContext());
    expect(spans.length).toBe(44_000);
  });
});
