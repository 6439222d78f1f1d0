import { describe, expect, it } from 'vitest';
import { excerpt, listErrors } from './errors.js';
import { finding, goldRecord, guess } from './test-records.js';

describe('listErrors', () => {
  it('puts breaches let through first, then false alarms, then alerts on ordinary text', () => {
    const errors = listErrors([
      guess(goldRecord('ok-warned'), 'warn', { findings: [finding('RESPECT-01', 'warn')] }),
      guess(goldRecord('tweet', { verdictAssessed: false }), 'warn'),
      guess(goldRecord('block-warned', { verdict: 'block' }), 'warn'),
      guess(goldRecord('fine'), 'ok'),
      guess(goldRecord('ok-blocked'), 'block', {
        findings: [finding('SECRET-01', 'block'), finding('SECRET-01', 'block'), finding('GEO-01', 'warn')],
      }),
      guess(goldRecord('block-missed', { verdict: 'block' }), 'ok'),
      guess(goldRecord('warn-missed', { verdict: 'warn' }), 'ok'),
      guess(goldRecord('tweet-ok', { verdictAssessed: false }), 'ok'),
      guess(goldRecord('block-missed-2', { verdict: 'block' }), 'ok'),
    ]);
    expect(errors.map((error) => error.id)).toEqual([
      'block-missed',
      'block-missed-2',
      'block-warned',
      'ok-blocked',
      'ok-warned',
      'tweet',
    ]);
    expect(errors.map((error) => error.kind)).toEqual([
      'missed-block',
      'missed-block',
      'missed-block',
      'false-alarm',
      'false-alarm',
      'ordinary-alert',
    ]);
    expect(errors[3]).toMatchObject({ gold: 'ok', predicted: 'block', rules: ['SECRET-01', 'GEO-01'] });
  });
});

describe('excerpt', () => {
  it('keeps one line and cuts at a character, not inside an emoji', () => {
    expect(excerpt('  bonne\n\nnuit\tà tous  ')).toBe('bonne nuit à tous');
    const text = `${'a'.repeat(99)}😷😷😷`;
    expect(excerpt(text)).toBe(`${'a'.repeat(99)}😷…`);
    expect(excerpt('court')).toBe('court');
  });
});
