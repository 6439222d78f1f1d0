import { describe, expect, it } from 'vitest';
import { ruleInput } from '../test-support/spans.js';
import { moderationEvaluator } from './moderation.js';

function rules(...args: Parameters<typeof ruleInput>): string[] {
  return moderationEvaluator.evaluate(ruleInput(...args)).map((finding) => finding.rule);
}

describe('moderation rule (MOD-01)', () => {
  it('flags a comment with the writer’s own social security number', () => {
    const text = '@chu bonjour, mon numéro de sécu c’est 1 84 12 75 123 456 78, je voudrais un rdv';
    expect(rules(text, [['1 84 12 75 123 456 78', 'NIR']], 'public')).toEqual(['MOD-01']);
  });

  it('flags a comment with a phone number beside care details', () => {
    const text = 'ma mère est en cardio chambre 8, rappelez-moi au 06 39 98 11 22 svp';
    const marks = [
      ['en cardio', 'UNIT'],
      ['chambre 8', 'ROOM'],
      ['06 39 98 11 22', 'PHONE'],
    ] as const;
    expect(rules(text, marks, 'public')).toEqual(['MOD-01']);
  });

  it('flags a reply that repeats a patient identifier back', () => {
    const text = 'Bonjour, nous avons bien noté votre IPP 40011223, le service vous rappelle.';
    expect(rules(text, [['40011223', 'HOSPITAL_ID']], 'reply')).toEqual(['MOD-01']);
  });

  it('leaves contact details without care, and staff or institutional posts, alone', () => {
    expect(
      rules('vends poussette, appelez le 06 39 98 11 22', [['06 39 98 11 22', 'PHONE']], 'public'),
    ).toEqual([]);
    const text = 'IPP 40011223 retrouvé';
    expect(rules(text, [['40011223', 'HOSPITAL_ID']], 'staff')).toEqual([]);
    expect(rules(text, [['40011223', 'HOSPITAL_ID']], 'institutional')).toEqual([]);
  });
});
