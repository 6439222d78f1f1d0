import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from '../lexicon/phrase-matcher.js';
import { EMPTY_LEXICON, testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { healthRecognizer } from './health.js';

const context = {
  ...testContext(),
  lexicon: {
    ...EMPTY_LEXICON,
    drugs: createPhraseMatcher([['risperdal', { kind: 'drug' as const, source: 'test' }]]),
  },
};

function health(text: string): string[] {
  return healthRecognizer
    .find(createDocument(text), context)
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('health recognizer', () => {
  it('finds conditions as people type them', () => {
    expect(health('il a fait un AVC mardi')).toEqual(['AVC']);
    expect(health('leucemie diagnostiquee hier')).toEqual(['leucemie']);
    expect(health('une embolie pulmonaire')).toEqual(['embolie pulmonaire']);
    expect(health('en arrêt pour burn out')).toEqual(['burn out']);
    expect(health('brûlé au troisième degré')).toEqual(['brûlé au troisième degré']);
  });

  it('finds procedures with their body part', () => {
    expect(health('son IRM du genou est reportée')).toEqual(['IRM du genou']);
    expect(health('opéré de la vésicule hier')).toEqual(['opéré de la vésicule']);
    expect(health('une fracture de la cheville')).toEqual(['fracture de la cheville']);
    expect(health('rupture du ligament croisé')).toEqual(['rupture du ligament croisé']);
  });

  it('takes a dose with a drug name', () => {
    expect(health('traitement Risperdal 4 mg le soir')).toEqual(['Risperdal 4 mg']);
  });

  it('keeps upper-case abbreviations upper-case only', () => {
    expect(health('après une TS la semaine dernière')).toEqual(['TS']);
    expect(health('ts les jours')).toEqual([]);
  });

  it('does not take ordinary words', () => {
    expect(health('on a passé une super soirée')).toEqual([]);
    expect(health('le scanneur de documents')).toEqual([]);
    expect(health('le coronavirus nous a appris')).toEqual([]);
  });
});
