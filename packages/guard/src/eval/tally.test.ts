import { describe, expect, it } from 'vitest';
import { tallyPredictions } from './tally.js';
import { finding, gold, goldRecord, guess, predicted } from './test-records.js';

describe('tallyPredictions', () => {
  it('counts ordinary-text alerts and the spans predicted on unannotated posts', () => {
    const tallies = tallyPredictions([
      guess(goldRecord('t1', { verdictAssessed: false, annotated: 'none' }), 'warn', {
        findings: [finding('PRIV-01', 'warn')],
        spans: [predicted('PHONE', 0, 10), predicted('PERSON', 12, 20)],
      }),
      guess(goldRecord('t2', { verdictAssessed: false, annotated: 'none' }), 'ok'),
      guess(goldRecord('t3', { verdictAssessed: false, annotated: 'none' }), 'block', {
        spans: [predicted('PHONE', 3, 9)],
      }),
      guess(goldRecord('j1', { verdict: 'block', spans: [gold('AGE', 0, 6)] }), 'block'),
    ]);
    expect(tallies.posts).toBe(4);
    expect(tallies.ordinary).toEqual({ posts: 3, alerted: 2 });
    expect(tallies.unannotated.posts).toBe(3);
    expect(tallies.unannotated.predicted.PHONE).toBe(2);
    expect(tallies.unannotated.predicted.PERSON).toBe(1);
    expect(tallies.spans.PHONE.predicted).toBe(0);
    expect(tallies.spans.AGE).toEqual({ gold: 1, goldFound: 0, predicted: 0, predictedCorrect: 0 });
    expect(tallies.verdict.assessed).toBe(1);
  });
});
