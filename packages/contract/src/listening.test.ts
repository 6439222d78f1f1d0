import { describe, expect, it } from 'vitest';
import {
  ALERT_REASON_LABELS,
  ALERT_REASONS,
  ALERT_TIER_LABELS,
  ALERT_TIERS,
  LISTENING_SOURCE_KINDS,
  listeningLabel,
  MENTION_CATEGORIES,
  MENTION_CATEGORY_LABELS,
  MENTION_VERDICT_LABELS,
  MENTION_VERDICTS,
  SOURCE_KIND_LABELS,
  WATCH_TERM_KIND_LABELS,
  WATCH_TERM_KINDS,
} from './index.js';

const filled = (text: { fr: string; en: string }) => text.fr.trim() !== '' && text.en.trim() !== '';

describe('the words of listening', () => {
  it('names every source kind, category, term kind, verdict, tier and reason in French and English', () => {
    const lists = [
      [LISTENING_SOURCE_KINDS, SOURCE_KIND_LABELS],
      [MENTION_CATEGORIES, MENTION_CATEGORY_LABELS],
      [WATCH_TERM_KINDS, WATCH_TERM_KIND_LABELS],
      [MENTION_VERDICTS, MENTION_VERDICT_LABELS],
      [ALERT_TIERS, ALERT_TIER_LABELS],
      [ALERT_REASONS, ALERT_REASON_LABELS],
    ] as const;
    for (const [values, labels] of lists) {
      for (const value of values)
        expect(
          filled((labels as Record<string, { fr: string; en: string }>)[value] ?? { fr: '', en: '' }),
        ).toBe(true);
      // One word per value: two categories with one name could not be told apart in a filter.
      const french = values.map((value) => (labels as Record<string, { fr: string }>)[value]?.fr);
      expect(new Set(french).size).toBe(values.length);
    }
  });

  it('says a label in the reader’s language, French by default', () => {
    expect(listeningLabel(MENTION_CATEGORY_LABELS, 'complaint')).toBe('Plainte');
    expect(listeningLabel(MENTION_CATEGORY_LABELS, 'complaint', 'en-GB')).toBe('Complaint');
    expect(listeningLabel(ALERT_REASON_LABELS, 'volume')).toBe('Hausse du volume');
  });

  it('shows a value it does not know as it is, not fooled by Object’s own names', () => {
    expect(listeningLabel(SOURCE_KIND_LABELS, 'threads')).toBe('threads');
    expect(listeningLabel(SOURCE_KIND_LABELS, 'constructor')).toBe('constructor');
  });
});
