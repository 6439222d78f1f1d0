import { describe, expect, it } from 'vitest';
import { lengthIn, measureVariant } from './measure.js';
import { NETWORK_PUBLISHING_RULES, PUBLISHING_NETWORKS } from './network-rules.js';

describe('lengthIn', () => {
  it('counts a composed emoji as one grapheme but several code points and more bytes', () => {
    const nurse = '👩‍⚕️';
    expect(lengthIn('graphemes', nurse)).toBe(1);
    expect(lengthIn('codepoints', nurse)).toBe(4);
    expect(lengthIn('utf16', nurse)).toBe(5);
    expect(lengthIn('utf8-bytes', nurse)).toBe(13);
  });

  it('counts accented French letters once as characters and twice as bytes', () => {
    expect(lengthIn('codepoints', 'été')).toBe(3);
    expect(lengthIn('utf8-bytes', 'été')).toBe(5);
  });

  it('weighs a link 23 on X whatever its length, and an emoji 2', () => {
    const link = `Mois sans tabac : https://example.org/${'a'.repeat(80)}`;
    expect(lengthIn('x-weighted', link)).toBe('Mois sans tabac : '.length + 23);
    expect(lengthIn('x-weighted', '🚭')).toBe(2);
  });

  it('reads an empty text as zero in every unit', () => {
    for (const unit of ['codepoints', 'graphemes', 'utf16', 'utf8-bytes', 'x-weighted'] as const)
      expect(lengthIn(unit, '')).toBe(0);
  });
});

describe('measureVariant', () => {
  it('says when a post goes over X’s 280 weighted characters', () => {
    const [measure] = measureVariant('x', { text: 'a'.repeat(281) });
    expect(measure).toMatchObject({ unit: 'x-weighted', max: 280, length: 281, over: true });
    expect(measureVariant('x', { text: 'a'.repeat(280) })[0]?.over).toBe(false);
  });

  it('checks both of Bluesky’s limits: 300 graphemes and 3,000 bytes', () => {
    const measures = measureVariant('bluesky', { text: '👩‍⚕️'.repeat(250) });
    expect(measures.map((m) => [m.unit, m.over])).toEqual([
      ['graphemes', false],
      ['utf8-bytes', true],
    ]);
  });

  it('measures a YouTube title apart from its description', () => {
    const measures = measureVariant('youtube', { text: 'Description', title: 't'.repeat(101) });
    expect(measures.find((m) => m.field === 'title')).toMatchObject({ length: 101, over: true });
    expect(measures.find((m) => m.field === 'text')?.over).toBe(false);
  });

  it('has rules for every publishing network, each with a source and at least one limit', () => {
    for (const network of PUBLISHING_NETWORKS) {
      const rules = NETWORK_PUBLISHING_RULES[network];
      expect(rules.network).toBe(network);
      expect(rules.limits.length).toBeGreaterThan(0);
      expect(rules.source.length).toBeGreaterThan(10);
      expect(rules.hasTitle).toBe(rules.limits.some((limit) => limit.field === 'title'));
    }
  });
});
