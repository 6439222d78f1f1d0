import { SourceError } from '../source-error.js';

/**
 * What a Mastodon source has read: the newest status id seen per hashtag (`tag:<name>`) and for
 * the search (`search:<query>`). Keyed by stream so that adding a hashtag to the settings starts
 * that hashtag fresh without replaying the others, and a removed one is simply forgotten.
 */
export type MastodonCursor = Record<string, string>;

export function streamKey(stream: { hashtag: string } | { query: string }): string {
  return 'hashtag' in stream ? `tag:${stream.hashtag.toLowerCase()}` : `search:${stream.query}`;
}

export function readCursor(cursor: string | null): MastodonCursor {
  if (cursor === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch (cause) {
    throw unreadable(cause);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unreadable();
  const entries = Object.entries(parsed);
  if (!entries.every(([, id]) => typeof id === 'string' && id !== '')) throw unreadable();
  return Object.fromEntries(entries) as MastodonCursor;
}

export function writeCursor(cursor: MastodonCursor): string | null {
  return Object.keys(cursor).length === 0 ? null : JSON.stringify(cursor);
}

/**
 * Mastodon ids are decimal snowflakes, ordered as numbers (compared by length first, so that no
 * precision is lost); other servers speaking the API use sortable strings.
 */
export function compareStatusIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function newestId(ids: Iterable<string>, current: string | undefined): string | undefined {
  let newest = current;
  for (const id of ids) if (newest === undefined || compareStatusIds(id, newest) > 0) newest = id;
  return newest;
}

function unreadable(cause?: unknown): SourceError {
  return new SourceError(
    'curseur_invalide',
    'La position de lecture enregistrée pour cette source Mastodon est illisible. Réinitialisez la source pour repartir de maintenant.',
    { cause },
  );
}
