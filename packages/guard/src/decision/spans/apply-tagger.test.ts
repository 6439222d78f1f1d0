import { describe, expect, it } from 'vitest';
import { finding } from '../../eval/test-records.js';
import { spanOf } from '../../test-support/spans.js';
import { createDocument } from '../../text/document.js';
import { IDENTITY_LEMMA } from '../features.js';
import { assembleModel, type DecisionModel } from '../model.js';
import { withTaggedSpans } from './apply-tagger.js';

/**
 * A hand-made tagger: « genou » and « vrac » read as health, « Durand » (a street here) is
 * doubted as a person. Weights are margins: +4 → 0.98, -4 → 0.02, bias -2 → 0.12.
 */
function tinyTagger(): DecisionModel {
  const features = ['bias', 'c:staff', 'w:genou', 'w:vrac', 'w:en', 'w:durand'];
  const index = new Map(features.map((name, i) => [name, i] as const));
  const weights: Record<string, Record<string, number>> = {
    'span:HEALTH': { bias: -2, 'w:genou': 6, 'w:vrac': 6, 'w:en': 5 },
    'span:PERSON': { bias: -2, 'w:durand': -2 },
  };
  return assembleModel(
    index,
    Object.entries(weights).map(([name, byFeature]) => ({
      name,
      threshold: 0.8,
      keep: 0.3,
      weights: (set: (feature: number, weight: number) => void) => {
        for (const [feature, weight] of Object.entries(byFeature)) set(index.get(feature) as number, weight);
      },
    })),
    {},
  );
}

const TEXT = 'Le joueur de la rue Durand a le genou en vrac, chambre 12';

function run(findings: ReturnType<typeof finding>[]) {
  const doc = createDocument(TEXT);
  const spans = findings.flatMap((f) => f.spans);
  return withTaggedSpans(
    findings,
    tinyTagger(),
    { doc, context: 'staff', spans, findings: [] },
    IDENTITY_LEMMA,
  );
}

describe('withTaggedSpans', () => {
  it('adds the health stretch the tagger reads to the findings whose family cites health', () => {
    const room = spanOf(TEXT, 'chambre 12', 'ROOM');
    const [secret, role] = run([finding('SECRET-01', 'block', [room]), finding('ROLE-01', 'warn')]);
    const added = secret?.spans.find((span) => span.type === 'HEALTH');
    expect(added && TEXT.slice(added.start, added.end)).toBe('genou en vrac');
    expect(added?.recognizer).toBe('span-tagger');
    expect(added?.evidence).toContain('modèle appris');
    // Room spans are the recognizers' business, and ROLE cites no span.
    expect(secret?.spans).toContainEqual(room);
    expect(role?.spans).toEqual([]);
  });

  it('drops a person span the tagger doubts, keeps exact types as they are', () => {
    const street = spanOf(TEXT, 'Durand', 'PERSON');
    const room = spanOf(TEXT, 'chambre 12', 'ROOM');
    const [secret] = run([finding('SECRET-01', 'block', [street, room])]);
    expect(secret?.spans.some((span) => span.type === 'PERSON')).toBe(false);
    expect(secret?.spans).toContainEqual(room);
  });

  it('does not add a stretch twice when a recognizer already shows it', () => {
    const health = spanOf(TEXT, 'genou', 'HEALTH');
    const [secret] = run([finding('SECRET-01', 'block', [health])]);
    expect(secret?.spans.filter((span) => span.type === 'HEALTH')).toEqual([health]);
  });
});
