import { describe, expect, it } from 'vitest';
import {
  advanceWatermark,
  isNewComment,
  isoTime,
  readWatermark,
  writeWatermark,
} from './comment-watermark.js';
import { SourceError } from './source-error.js';

const FIRST = new Date('2026-12-04T10:00:00.000Z');

describe('comment watermark', () => {
  it('starts from the first-poll date and survives a round trip', () => {
    const mark = readWatermark(null, FIRST, 'cette Page');
    expect(mark).toEqual({ since: FIRST.toISOString(), idsAtSince: [] });
    expect(readWatermark(writeWatermark(mark), new Date(0), 'cette Page')).toEqual(mark);
  });

  it('treats a comment sharing the mark’s second as new only when its id was not delivered', () => {
    const at = '2026-12-05T09:02:11.000Z';
    const mark = advanceWatermark(readWatermark(null, FIRST, 'x'), [
      { publishedAt: '2026-12-05T08:00:00.000Z', externalId: 'a' },
      { publishedAt: at, externalId: 'b' },
    ]);
    expect(mark).toEqual({ since: at, idsAtSince: ['b'] });
    expect(isNewComment(mark, at, 'b')).toBe(false);
    expect(isNewComment(mark, at, 'c')).toBe(true);
    expect(isNewComment(mark, '2026-12-05T09:02:10.000Z', 'd')).toBe(false);
    expect(advanceWatermark(mark, [{ publishedAt: at, externalId: 'c' }]).idsAtSince).toEqual(['b', 'c']);
  });

  it('keeps the mark when nothing was delivered', () => {
    const mark = readWatermark(null, FIRST, 'x');
    expect(advanceWatermark(mark, [])).toEqual(mark);
  });

  it('refuses a cursor it cannot read, in French', () => {
    for (const cursor of [
      '',
      'null',
      '{"since":"hier","idsAtSince":[]}',
      '{"since":"2026-12-05T00:00:00Z","idsAtSince":[1]}',
    ]) {
      const error = (() => {
        try {
          readWatermark(cursor, FIRST, 'cette chaîne YouTube');
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).code).toBe('curseur_invalide');
      expect((error as SourceError).userMessage).toContain('cette chaîne YouTube');
    }
  });

  it('reads the dates the APIs write', () => {
    expect(isoTime('2026-12-05T09:02:11+0000')).toBe('2026-12-05T09:02:11.000Z');
    expect(isoTime(1_796_461_200_000)).toBe(new Date(1_796_461_200_000).toISOString());
    expect(isoTime('pas une date')).toBeUndefined();
  });
});
