import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { nirKey, nirRecognizer } from './nir.js';

/** The NIR spans the pipeline would keep (score ≥ 0.5), as text. */
function kept(text: string): string[] {
  return nirRecognizer
    .find(createDocument(text), testContext('staff'))
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

function scoreOf(text: string): number | undefined {
  return nirRecognizer.find(createDocument(text), testContext('staff'))[0]?.score;
}

describe('nirKey', () => {
  it('is 97 minus the number modulo 97', () => {
    expect(nirKey('1800169024571')).toBe(70);
    expect(nirKey('2850778124093')).toBe(16);
  });

  it('reads Corsica 2A as 19 and 2B as 18', () => {
    expect(nirKey('2841219123456')).toBe(47);
    expect(nirKey('2842A123456')).toBeNull();
    expect(nirKey('28412' + '2A' + '123456')).toBe(47);
    expect(nirKey('28412' + '2B' + '123456')).toBe(74);
  });
});

describe('nirRecognizer: positives', () => {
  const positives: Array<[string, string]> = [
    ['ordonnance au nom de M. Roux, NIR 1 71 03 35 334 050 54, à renouveler', '1 71 03 35 334 050 54'],
    ['sa carte vitale marche pas : 180016902457170 !!', '180016902457170'],
    ['n° secu 2.85.07.78.124.093.16 née en 85', '2.85.07.78.124.093.16'],
    ['2-85-07-78-124-093-16 c le numero de la dame 🙄', '2-85-07-78-124-093-16'],
    ['corse du sud : 2 84 12 2A 123 456 47 voila', '2 84 12 2A 123 456 47'],
    ['elle est née à Bastia, secu 2841 22B 123 456 74', '2841 22B 123 456 74'],
    ['on a retrouvé 1920575123045 44 dans le sac', '1920575123045 44'],
    ['#urgent le num 2 63 01 99 350 012 37 svp', '2 63 01 99 350 012 37'],
    ['provisoire : 7 95 12 99 123 456 08', '7 95 12 99 123 456 08'],
    ['NIR:1650344109238 71', '1650344109238 71'],
    ['N° SS : 1 71 03 35 334 050 - 54', '1 71 03 35 334 050 - 54'],
    ['né en novembre, étranger : 1 89 11 99 123 456 04 ok', '1 89 11 99 123 456 04'],
    ['numero de securite sociale 2 01 08 13 055 012 03.', '2 01 08 13 055 012 03'],
  ];
  it.each(positives)('finds the NIR in %j', (text, expected) => {
    expect(kept(text)).toEqual([expected]);
  });

  it('gives a validated number without cue 0.9 and with cue 0.95', () => {
    expect(scoreOf('le 180016902457170 ressort')).toBe(0.9);
    expect(scoreOf('NIR 180016902457170')).toBe(0.95);
  });

  it('keeps 13 digits without key only near a cue, with a lower score', () => {
    const text = 'Carte Vitale de Mme X : 2 85 07 78 124 093, elle la récupère demain';
    expect(kept(text)).toEqual(['2 85 07 78 124 093']);
    expect(scoreOf(text)).toBeLessThan(0.9);
    expect(kept('commande 2850778124093 expédiée')).toEqual([]);
  });

  it('keeps a number with a wrong key when a cue stands right before it, at 0.6', () => {
    const text = 'son NIR : 1 71 03 35 334 050 55 (j’ai peut-être mal recopié)';
    expect(kept(text)).toEqual(['1 71 03 35 334 050 55']);
    expect(scoreOf(text)).toBe(0.6);
  });

  it('reports offsets in UTF-16 units after emojis', () => {
    const text = '😡😡 NIR 180016902457170';
    const [span] = nirRecognizer.find(createDocument(text), testContext());
    expect(span && text.slice(span.start, span.end)).toBe('180016902457170');
  });
});

describe('nirRecognizer: look-alikes', () => {
  const negatives = [
    'Prix : 1 710 335 334 050 € pour le nouveau bâtiment, financé à 54 %',
    'le 12/03/2024 à 14h, chambre 214, 1 femme sur 10',
    'commande n° 171033533405055 en attente de livraison',
    'RPPS 10001234567 du Dr Martin',
    'SIRET 123 456 789 00012 de la clinique',
    'appelez le 06 12 34 56 78 90 12 34 pour les deux lignes',
    'IBAN FR76 3000 6000 0112 3456 7890 189',
    'en 2024, 1 710 patients, 335 lits et 334 050 consultations',
    // Right shape, wrong key, no cue: not a NIR.
    'ref 1 71 03 35 334 050 55 du colis',
    // Month 15 does not exist in any INSEE range.
    'NIR 1 71 15 35 334 050 54',
  ];
  it.each(negatives)('finds nothing in %j', (text) => {
    expect(kept(text)).toEqual([]);
  });
});

describe('nirRecognizer: scale', () => {
  it('returns on 1 MB of digit runs and separators', () => {
    const text = '1 71 03 35 334 050 5'.repeat(60_000).slice(0, 1_000_000);
    const spans = nirRecognizer.find(createDocument(text), testContext());
    expect(Array.isArray(spans)).toBe(true);
  });
});
