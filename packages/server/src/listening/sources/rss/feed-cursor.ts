import { createHash } from 'node:crypto';
import type { Validators } from './fetch-feed.js';

/*
 * The cursor of a feed, stored as JSON after each poll: the validators of the last answer (a
 * 304 then costs nothing) and the items already delivered, so that a feed re-serving its last
 * twenty articles on every change delivers only the new ones. Items are kept as short hashes of
 * their id (ids are addresses up to 2,000 characters) with their date, the most recent ones
 * only; `horizon` is the latest date among those forgotten: an unknown item dated at or before
 * it is an old one that fell out of the memory, not a new one.
 */

export const CURSOR_VERSION = 1;

export interface SeenItem {
  /** Hash of the item's external id. */
  readonly h: string;
  /** Its publication date, ISO 8601. */
  readonly at: string;
}

export interface FeedCursor {
  readonly v: typeof CURSOR_VERSION;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly seen: readonly SeenItem[];
  readonly horizon: string | null;
}

export const EMPTY_CURSOR: FeedCursor = {
  v: CURSOR_VERSION,
  etag: null,
  lastModified: null,
  seen: [],
  horizon: null,
};

export function itemHash(externalId: string): string {
  return createHash('sha256').update(externalId).digest('base64url').slice(0, 22);
}

/**
 * The stored cursor, or an empty one when there is none or it cannot be read (an older format,
 * a damaged row): the feed is then read as new, and the sink recognises the posts it already
 * stored, so nothing is lost and nothing is stored twice.
 */
export function readCursor(stored: string | null): FeedCursor {
  if (stored === null) return EMPTY_CURSOR;
  try {
    const value = JSON.parse(stored) as Partial<FeedCursor> | null;
    if (value === null || typeof value !== 'object' || value.v !== CURSOR_VERSION) return EMPTY_CURSOR;
    const seen = Array.isArray(value.seen)
      ? value.seen.filter(
          (item): item is SeenItem =>
            typeof item === 'object' &&
            item !== null &&
            typeof item.h === 'string' &&
            typeof item.at === 'string',
        )
      : [];
    return {
      v: CURSOR_VERSION,
      etag: typeof value.etag === 'string' ? value.etag : null,
      lastModified: typeof value.lastModified === 'string' ? value.lastModified : null,
      seen,
      horizon: typeof value.horizon === 'string' ? value.horizon : null,
    };
  } catch {
    return EMPTY_CURSOR;
  }
}

export function writeCursor(cursor: FeedCursor): string {
  return JSON.stringify(cursor);
}

/** Whether an item (by external id and publication date) was delivered before. */
export function wasDelivered(cursor: FeedCursor, externalId: string, publishedAt: string): boolean {
  const hash = itemHash(externalId);
  if (cursor.seen.some((item) => item.h === hash)) return true;
  return cursor.horizon !== null && publishedAt <= cursor.horizon;
}

/** The cursor after delivering `delivered`, keeping the `memory` most recent items. */
export function advanceCursor(
  cursor: FeedCursor,
  validators: Validators,
  delivered: readonly { externalId: string; publishedAt: string }[],
  memory: number,
): FeedCursor {
  const all = [
    ...cursor.seen,
    ...delivered.map((post) => ({ h: itemHash(post.externalId), at: post.publishedAt })),
  ];
  all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const kept = all.slice(0, memory);
  const forgotten = all[memory];
  const horizon =
    forgotten === undefined
      ? cursor.horizon
      : cursor.horizon !== null && cursor.horizon > forgotten.at
        ? cursor.horizon
        : forgotten.at;
  return {
    v: CURSOR_VERSION,
    etag: validators.etag,
    lastModified: validators.lastModified,
    seen: kept,
    horizon,
  };
}
