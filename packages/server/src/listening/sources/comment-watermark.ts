import { SourceError } from './source-error.js';

/**
 * How far the comments of the establishment's own posts have been read: the publication time of
 * the newest comment delivered, and the ids of the comments published at exactly that time (the
 * APIs give times to the second, and two comments can share one). A comment is new when it is
 * later, or at that time with another id. Comments are read newest first, so a poll that stops
 * at its page budget has read the newest ones; the older ones it left are before the mark and
 * will not be read: the budget is sized so that this takes hundreds of comments between polls.
 */
export interface CommentWatermark {
  /** ISO 8601, UTC, milliseconds. */
  readonly since: string;
  readonly idsAtSince: readonly string[];
}

export function readWatermark(cursor: string | null, firstSince: Date, service: string): CommentWatermark {
  if (cursor === null) return { since: firstSince.toISOString(), idsAtSince: [] };
  try {
    const parsed: unknown = JSON.parse(cursor);
    if (typeof parsed === 'object' && parsed !== null && 'since' in parsed && 'idsAtSince' in parsed) {
      const { since, idsAtSince } = parsed;
      if (
        typeof since === 'string' &&
        !Number.isNaN(Date.parse(since)) &&
        Array.isArray(idsAtSince) &&
        idsAtSince.every((id) => typeof id === 'string')
      )
        return { since: new Date(since).toISOString(), idsAtSince };
    }
  } catch {
    // told below
  }
  throw new SourceError(
    'curseur_invalide',
    `La position de lecture enregistrée pour ${service} est illisible. Réinitialisez la source pour repartir de maintenant.`,
  );
}

export function isNewComment(mark: CommentWatermark, publishedAt: string, id: string): boolean {
  if (publishedAt > mark.since) return true;
  return publishedAt === mark.since && !mark.idsAtSince.includes(id);
}

/** The mark after delivering `comments` (publishedAt as ISO UTC with milliseconds). */
export function advanceWatermark(
  mark: CommentWatermark,
  comments: readonly { publishedAt: string; externalId: string }[],
): CommentWatermark {
  let since = mark.since;
  let ids = [...mark.idsAtSince];
  for (const comment of comments) {
    if (comment.publishedAt > since) {
      since = comment.publishedAt;
      ids = [comment.externalId];
    } else if (comment.publishedAt === since && !ids.includes(comment.externalId))
      ids.push(comment.externalId);
  }
  return { since, idsAtSince: ids };
}

export function writeWatermark(mark: CommentWatermark): string {
  return JSON.stringify(mark);
}

/** Any date the APIs write (`2026-12-05T08:10:12+0000`, epoch milliseconds) as ISO UTC, or undefined. */
export function isoTime(value: string | number): string | undefined {
  const time = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
