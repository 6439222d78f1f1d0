import { describe, expect, it } from 'vitest';
import { advanceCursor, EMPTY_CURSOR, readCursor, wasDelivered, writeCursor } from './feed-cursor.js';

const validators = { etag: '"v2"', lastModified: 'Sat, 05 Dec 2026 08:00:00 GMT' };
const item = (n: number) => ({
  externalId: `https://journal.example/article/${n}`,
  publishedAt: `2026-12-0${n}T10:00:00.000Z`,
});

describe('feed cursor', () => {
  it('round-trips through its stored JSON and keeps the validators', () => {
    const cursor = advanceCursor(EMPTY_CURSOR, validators, [item(1), item(2)], 500);
    expect(readCursor(writeCursor(cursor))).toEqual(cursor);
    expect(cursor).toMatchObject({
      etag: '"v2"',
      lastModified: 'Sat, 05 Dec 2026 08:00:00 GMT',
      horizon: null,
    });
    expect(wasDelivered(cursor, item(1).externalId, item(1).publishedAt)).toBe(true);
    expect(wasDelivered(cursor, item(3).externalId, item(3).publishedAt)).toBe(false);
  });

  it('keeps only the most recent items, and treats a forgotten old item as delivered', () => {
    let cursor = advanceCursor(EMPTY_CURSOR, validators, [item(1), item(2), item(3)], 2);
    expect(cursor.seen).toHaveLength(2);
    expect(cursor.horizon).toBe(item(1).publishedAt);
    // Item 1 fell out of the memory: an item of that date or older is not new.
    expect(wasDelivered(cursor, item(1).externalId, item(1).publishedAt)).toBe(true);
    expect(wasDelivered(cursor, 'autre', '2026-11-30T00:00:00.000Z')).toBe(true);
    expect(wasDelivered(cursor, 'autre', item(4).publishedAt)).toBe(false);
    cursor = advanceCursor(cursor, validators, [item(4), item(5)], 2);
    expect(cursor.horizon).toBe(item(3).publishedAt);
    expect(cursor.seen.map((seen) => seen.at)).toEqual([item(5).publishedAt, item(4).publishedAt]);
  });

  it('stays small whatever the length of the ids', () => {
    const long = Array.from({ length: 500 }, (_, n) => ({
      externalId: `https://journal.example/${'x'.repeat(1900)}/${n}`,
      publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    }));
    expect(writeCursor(advanceCursor(EMPTY_CURSOR, validators, long, 500)).length).toBeLessThan(40_000);
  });

  it('reads nothing usable as an empty cursor', () => {
    for (const stored of [
      null,
      '',
      'x',
      '1',
      'null',
      '{"v":2}',
      '{"v":1,"seen":[{"h":1},{"h":"a","at":"b"}]}',
    ]) {
      const cursor = readCursor(stored);
      expect(cursor.etag).toBeNull();
      expect(cursor.seen.length).toBeLessThanOrEqual(1);
    }
  });
});
