import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { plateRecognizer } from './plate.js';

/** The PLATE spans the pipeline would keep (score ≥ 0.5), as text. */
function kept(text: string): string[] {
  return plateRecognizer
    .find(createDocument(text), testContext('public'))
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('plateRecognizer: plates', () => {
  const positives: Array<[string, string]> = [
    ['il gare sa Clio grise EZ-314-PQ devant les urgences', 'EZ-314-PQ'],
    ['Tesla blanche FR 208 LM, je sais où il se gare', 'FR 208 LM'],
    ['roule en golf noire gh482tk 😡', 'gh482tk'],
    ['immat: AB123CD', 'AB123CD'],
    ['la plaque c’est fg-771-hn je crois', 'fg-771-hn'],
    ['#balance BX–902–KL toujours garée sur la place handicapé', 'BX–902–KL'],
    ['WW-123-AB en plaque provisoire', 'WW-123-AB'],
    ['sa vieille 205 immatriculée 1234 AB 56', '1234 AB 56'],
    ['voiture 123 ABC 75 sur le parking', '123 ABC 75'],
    ['camionnette 45 BC 2A devant chez lui', '45 BC 2A'],
    ['le scooter CD-456-EF', 'CD-456-EF'],
    ['KZ-550-RT', 'KZ-550-RT'],
  ];
  it.each(positives)('finds the plate in %j', (text, expected) => {
    expect(kept(text)).toEqual([expected]);
  });

  it('needs a vehicle cue for an unseparated plate, and scores cued plates highest', () => {
    const score = (text: string) => plateRecognizer.find(createDocument(text), testContext())[0]?.score;
    expect(score('sa Clio EZ-314-PQ')).toBe(0.9);
    expect(score('EZ-314-PQ')).toBe(0.85);
    expect(score('immat AB123CD')).toBe(0.9);
    expect(score('code AB123CD')).toBeUndefined();
  });
});

describe('plateRecognizer: look-alikes', () => {
  const negatives = [
    'commande ab123cd validée',
    'réf produit XK123ZZ en stock',
    'AI-123-BC voiture',
    'ce code AO-123-BC ne sert à rien',
    'SS-123-AB garée là',
    'AB-000-CD sur le parking',
    'AB-123-WW voiture',
    'le 12/03/2024, chambre 214, 1 femme sur 10',
    'Prix 1234 EUR 56 centimes',
    '12 km 30 en voiture',
    'rdv à 3 h 15 au parking',
    'RPPS 10001234567',
    'la tête à toto 123 ab 12',
    'en voiture on a fait de 123 km aujourd’hui',
  ];
  it.each(negatives)('finds nothing in %j', (text) => {
    expect(kept(text)).toEqual([]);
  });
});

describe('plateRecognizer: scale', () => {
  it('returns on 1 MB of plate-like text', () => {
    const text = 'voiture AB-123-CD ab1 1234 AB 5 '.repeat(32_000);
    const spans = plateRecognizer.find(createDocument(text), testContext());
    expect(spans.length).toBeGreaterThanOrEqual(32_000);
  });
});
