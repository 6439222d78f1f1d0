import { describe, expect, it } from 'vitest';
import { nextReading } from './collect-metrics.js';

const PUBLISHED = new Date('2026-11-02T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('the schedule of engagement readings', () => {
  it('follows the clock: 1 h, 6 h, 1 day, 3 days, 1 week, 1 month after publication, then stops', () => {
    expect(nextReading(PUBLISHED, at('2026-11-02T09:30:00Z'))).toEqual(at('2026-11-02T10:00:00Z'));
    expect(nextReading(PUBLISHED, at('2026-11-02T10:00:00Z'))).toEqual(at('2026-11-02T15:00:00Z'));
    expect(nextReading(PUBLISHED, at('2026-11-03T09:00:01Z'))).toEqual(at('2026-11-05T09:00:00Z'));
    expect(nextReading(PUBLISHED, at('2026-11-20T00:00:00Z'))).toEqual(at('2026-12-02T09:00:00Z'));
    expect(nextReading(PUBLISHED, at('2026-12-02T09:00:00Z'))).toBeNull();
  });

  it('is not moved by readings asked by hand in between', () => {
    // Five manual readings in the first hour change nothing: the next is still at 1 h.
    expect(nextReading(PUBLISHED, at('2026-11-02T09:25:00Z'))).toEqual(at('2026-11-02T10:00:00Z'));
  });
});
