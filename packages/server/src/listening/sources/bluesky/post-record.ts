import type { IncomingPost } from '../../incoming-post.js';

export const POST_COLLECTION = 'app.bsky.feed.post';

/**
 * The post lexicon allows 3,000 bytes of text; a longer one is not a valid post. A relay passes on
 * whatever a PDS signed, so we keep at most this many characters rather than store a megabyte.
 */
const MAX_TEXT_CHARS = 3_000;

/** A createdAt this far ahead of the event is a wrong clock or a lie: the event time is used. */
const MAX_CLOCK_AHEAD_MS = 10 * 60_000;

/** Backdated posts exist (archives imported from elsewhere); before this they are nonsense. */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1);

/** One post creation read from the network, whatever the transport (firehose or Jetstream). */
export interface PostCreation {
  readonly did: string;
  readonly rkey: string;
  /** The record as decoded: untrusted, checked here. */
  readonly record: unknown;
  /** When the service sequenced the event (ISO 8601), used when the record's date is absurd. */
  readonly eventTime: string | null;
  /** The author's handle when already known without asking anyone (see HandleCache). */
  readonly handle: string | null;
}

/**
 * Turns one app.bsky.feed.post record into what listening keeps, or null when the record is not a
 * usable post (no text field, wrong type). Nothing else about the author is passed on; reach is
 * null because the firehose carries no follower counts (asking the AppView for each author would
 * cost one request per post and leak what we listen to).
 */
export function toIncomingPost(creation: PostCreation, now: Date): IncomingPost | null {
  const record = creation.record;
  if (typeof record !== 'object' || record === null) return null;
  const fields = record as Record<string, unknown>;
  if (fields.$type !== undefined && fields.$type !== POST_COLLECTION) return null;
  if (typeof fields.text !== 'string') return null;
  return {
    source: 'bluesky',
    externalId: `at://${creation.did}/${POST_COLLECTION}/${creation.rkey}`,
    // The DID rather than the handle: a handle can change hands, the DID never does, and this
    // address is the key that deduplicates across sources.
    url: `https://bsky.app/profile/${creation.did}/post/${creation.rkey}`,
    authorHandle: creation.handle ?? creation.did,
    authorKind: null,
    reach: null,
    text: fields.text.length > MAX_TEXT_CHARS ? fields.text.slice(0, MAX_TEXT_CHARS) : fields.text,
    publishedAt: publishedAt(fields.createdAt, creation.eventTime, now),
  };
}

/**
 * The record's createdAt is written by the author's client: trust it unless it is unreadable,
 * before 2000, or in the future of the event; then the service's event time, then our clock.
 */
function publishedAt(createdAt: unknown, eventTime: string | null, now: Date): string {
  const eventMs = eventTime === null ? Number.NaN : Date.parse(eventTime);
  const reference =
    Number.isFinite(eventMs) && eventMs <= now.getTime() + MAX_CLOCK_AHEAD_MS ? eventMs : now.getTime();
  if (typeof createdAt === 'string') {
    const claimed = Date.parse(createdAt);
    if (
      Number.isFinite(claimed) &&
      claimed >= EARLIEST_PLAUSIBLE_MS &&
      claimed <= reference + MAX_CLOCK_AHEAD_MS
    ) {
      return new Date(claimed).toISOString();
    }
  }
  return new Date(reference).toISOString();
}

/** Record keys are short and safe by the atproto spec; anything else is not a post's key. */
export function isRecordKey(value: string): boolean {
  return /^[A-Za-z0-9._:~-]{1,512}$/.test(value) && value !== '.' && value !== '..';
}
