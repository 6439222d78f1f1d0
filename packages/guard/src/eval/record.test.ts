import { describe, expect, it } from 'vitest';
import { validateRecord } from './record.js';

const valid = {
  id: 'x-1',
  context: 'staff',
  network: 'x',
  text: 'Mr B. 80 ans, lit 3',
  spans: [{ start: 0, end: 5, type: 'PERSON' }],
  rules: ['SECRET-01'],
  verdict: 'block',
  category: null,
  note: 'hand-made',
};

function problemOf(value: unknown): string {
  const validation = validateRecord(value);
  if (validation.ok) throw new Error('expected a problem');
  return validation.problem;
}

describe('validateRecord', () => {
  it('keeps the fields the metrics need and defaults the external flags', () => {
    const validation = validateRecord(valid);
    expect(validation).toEqual({
      ok: true,
      record: {
        id: 'x-1',
        context: 'staff',
        text: 'Mr B. 80 ans, lit 3',
        spans: [{ type: 'PERSON', start: 0, end: 5 }],
        rules: ['SECRET-01'],
        verdict: 'block',
        category: null,
        verdictAssessed: true,
        annotated: 'gold',
      },
    });
  });

  it('accepts the external-set fields and reads their flags', () => {
    const validation = validateRecord({
      ...valid,
      spans: [{ start: 0, end: 5, type: 'PERSON', label: 'PER' }],
      verdict: 'ok',
      rules: [],
      dataset: 'echr-fr',
      annotated: 'none',
      verdict_assessed: false,
      extra_spans: [{ start: 6, end: 12, type: 'LEGAL_PROFESSIONAL', label: 'LEGAL_PROFESSIONAL' }],
      meta: { source: 'somewhere' },
    });
    expect(validation.ok && validation.record.verdictAssessed).toBe(false);
    expect(validation.ok && validation.record.annotated).toBe('none');
  });

  it('reads a missing category as null', () => {
    const { category: _, ...withoutCategory } = valid;
    const validation = validateRecord(withoutCategory);
    expect(validation.ok && validation.record.category).toBeNull();
  });

  it('names the field at fault', () => {
    expect(problemOf([1, 2])).toContain('objet');
    expect(problemOf({ ...valid, id: '' })).toContain('« id »');
    expect(problemOf({ ...valid, context: 'patient' })).toContain('« context »');
    expect(problemOf({ ...valid, verdict: 'BLOCK' })).toContain('« verdict »');
    expect(problemOf({ ...valid, rules: 'SECRET-01' })).toContain('« rules »');
    expect(problemOf({ ...valid, category: 'SPAM' })).toContain('« category »');
    expect(problemOf({ ...valid, verdict_assessed: 'no' })).toContain('« verdict_assessed »');
    expect(problemOf({ ...valid, annotated: 'partial' })).toContain('« annotated »');
    expect(problemOf({ ...valid, text: 42 })).toContain('« text »');
  });

  it('points a line still in the authoring form at the converter', () => {
    expect(problemOf({ id: 'a', marked: '[[PERSON|Mme D.]]' })).toContain('guardset.py');
  });

  it('rejects gold spans of an unknown type or outside the text', () => {
    expect(problemOf({ ...valid, spans: [{ start: 0, end: 2, type: 'NAME' }] })).toContain('spans[0]');
    expect(problemOf({ ...valid, spans: [{ start: 3, end: 3, type: 'AGE' }] })).toContain('bornes');
    expect(problemOf({ ...valid, spans: [{ start: 0, end: 99, type: 'AGE' }] })).toContain('longueur 19');
    expect(problemOf({ ...valid, spans: [{ start: 0.5, end: 2, type: 'AGE' }] })).toContain('entiers');
    expect(problemOf({ ...valid, extra_spans: [{ start: 0, end: 99, type: 'ORG' }] })).toContain(
      'extra_spans[0]',
    );
  });
});
