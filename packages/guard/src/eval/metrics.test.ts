import { describe, expect, it } from 'vitest';
import { SPAN_TYPES } from '../types.js';
import { computeMetrics, ratio } from './metrics.js';
import { finding, gold, goldRecord, guess, predicted } from './test-records.js';

/**
 * Seven judged posts whose figures were worked out by hand:
 * - blocks: p1 caught, p2 only warned → block recall 1/2;
 * - flagged (block or warn): p1, p2 caught, p3 missed → 2/3;
 * - ok: p4 flagged, p5, p6, p7 left alone → false alarms 1/4;
 * - exact verdicts: p1, p5, p6, p7 → 4/7.
 */
const judged = [
  guess(
    goldRecord('p1', {
      verdict: 'block',
      rules: ['SECRET-01'],
      spans: [gold('PERSON', 0, 6), gold('AGE', 8, 14)],
    }),
    'block',
    {
      findings: [finding('SECRET-01', 'block')],
      spans: [predicted('PERSON', 0, 3), predicted('ROOM', 20, 25)],
    },
  ),
  guess(
    goldRecord('p2', {
      verdict: 'block',
      rules: ['SECRET-01', 'GEO-01', 'GEO-01'],
      spans: [gold('PERSON', 0, 5)],
    }),
    'warn',
    { findings: [finding('GEO-01', 'warn')], spans: [predicted('PERSON', 10, 15)] },
  ),
  guess(goldRecord('p3', { verdict: 'warn', rules: ['RESPECT-01'] }), 'ok'),
  guess(goldRecord('p4'), 'warn', {
    findings: [finding('SECRET-01', 'warn')],
    spans: [predicted('HEALTH', 0, 4)],
  }),
  guess(goldRecord('p5'), 'ok'),
  guess(goldRecord('p6', { context: 'public', category: 'COMPLAINT' }), 'ok', { category: 'COMPLAINT' }),
  guess(goldRecord('p7', { context: 'public', category: 'RUMOR' }), 'ok', { category: 'COMPLAINT' }),
];

describe('computeMetrics', () => {
  const metrics = computeMetrics(judged);

  it('prints exactly the contract keys', () => {
    expect(Object.keys(metrics)).toEqual([
      'posts',
      'verdict',
      'spans',
      'rules',
      'category',
      'families',
      'ordinary',
    ]);
    expect(Object.keys(metrics.verdict)).toEqual([
      'blockRecall',
      'flagRecall',
      'okFalseAlarmRate',
      'accuracy',
    ]);
    expect(Object.keys(metrics.spans)).toEqual([...SPAN_TYPES, 'micro']);
    expect(Object.keys(metrics.spans.PERSON ?? {})).toEqual(['precision', 'recall', 'f1', 'support']);
    expect(Object.keys(metrics.category)).toEqual(['accuracy', 'support']);
  });

  it('computes the verdict metrics', () => {
    expect(metrics.posts).toBe(7);
    expect(metrics.verdict).toEqual({
      blockRecall: 0.5,
      flagRecall: 0.6667,
      okFalseAlarmRate: 0.25,
      accuracy: 0.5714,
    });
  });

  it('matches spans by overlap and type', () => {
    expect(metrics.spans.PERSON).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // Never predicted: no precision; never found: recall 0.
    expect(metrics.spans.AGE).toEqual({ precision: null, recall: 0, f1: null, support: 1 });
    // Predicted where no gold span of the type exists: precision 0, no recall.
    expect(metrics.spans.ROOM).toEqual({ precision: 0, recall: null, f1: null, support: 0 });
    expect(metrics.spans.HEALTH).toEqual({ precision: 0, recall: null, f1: null, support: 0 });
    expect(metrics.spans.NIR).toEqual({ precision: null, recall: null, f1: null, support: 0 });
    // 1 of 3 gold spans found, 1 of 4 predicted spans right.
    expect(metrics.spans.micro).toEqual({ precision: 0.25, recall: 0.3333, f1: 0.2857, support: 3 });
  });

  it('counts per-rule recall once per post, in rule order', () => {
    expect(metrics.rules).toEqual({
      'GEO-01': { recall: 1, support: 1 },
      'RESPECT-01': { recall: 0, support: 1 },
      'SECRET-01': { recall: 0.5, support: 2 },
    });
    expect(Object.keys(metrics.rules)).toEqual(['GEO-01', 'RESPECT-01', 'SECRET-01']);
  });

  it('scores the category of public posts only where one is given', () => {
    expect(metrics.category).toEqual({ accuracy: 0.5, support: 2 });
  });

  it('does not count a type mismatch as a hit', () => {
    const metricsOfMismatch = computeMetrics([
      guess(goldRecord('m', { verdict: 'block', spans: [gold('DATE', 0, 9)] }), 'block', {
        spans: [predicted('AGE', 0, 9)],
      }),
    ]);
    expect(metricsOfMismatch.spans.DATE?.recall).toBe(0);
    expect(metricsOfMismatch.spans.AGE?.precision).toBe(0);
  });

  it('counts both halves of a split span as right and the gold span once', () => {
    const split = computeMetrics([
      guess(goldRecord('s', { verdict: 'block', spans: [gold('PERSON', 4, 18)] }), 'block', {
        spans: [predicted('PERSON', 4, 9), predicted('PERSON', 10, 18)],
      }),
    ]);
    expect(split.spans.PERSON).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
  });

  it('treats touching spans (end = start) as not overlapping', () => {
    const touching = computeMetrics([
      guess(goldRecord('t', { spans: [gold('PHONE', 5, 10)] }), 'ok', {
        spans: [predicted('PHONE', 10, 14)],
      }),
    ]);
    expect(touching.spans.PHONE).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('keeps placeholder verdicts out of the verdict metrics but scores annotated spans', () => {
    const external = [
      // A court judgment: spans annotated, verdict not judged.
      guess(goldRecord('e1', { verdictAssessed: false, spans: [gold('PERSON', 0, 4)] }), 'block', {
        spans: [predicted('PERSON', 0, 4)],
      }),
      // A tweet nobody annotated: its predicted spans are not false positives of the span metrics.
      guess(goldRecord('e2', { verdictAssessed: false, annotated: 'none' }), 'warn', {
        spans: [predicted('PHONE', 0, 10)],
      }),
    ];
    const mixed = computeMetrics([...judged, ...external]);
    expect(mixed.posts).toBe(9);
    expect(mixed.verdict).toEqual(metrics.verdict);
    expect(mixed.rules).toEqual(metrics.rules);
    expect(mixed.spans.PERSON).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3 });
    expect(mixed.spans.PHONE).toEqual({ precision: null, recall: null, f1: null, support: 0 });
  });

  it('gives null, never NaN, when a ratio has no denominator', () => {
    const empty = computeMetrics([]);
    expect(empty.posts).toBe(0);
    expect(empty.verdict).toEqual({
      blockRecall: null,
      flagRecall: null,
      okFalseAlarmRate: null,
      accuracy: null,
    });
    expect(empty.spans.micro).toEqual({ precision: null, recall: null, f1: null, support: 0 });
    expect(empty.rules).toEqual({});
    expect(empty.category).toEqual({ accuracy: null, support: 0 });
    expect(JSON.stringify(empty)).not.toContain('NaN');
  });
});

describe('ratio', () => {
  it('divides, or says there is nothing to divide by', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });
});
