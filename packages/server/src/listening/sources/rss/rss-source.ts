import { parseFeed } from '@rowanmanning/feed-parser';
import type { z } from 'zod';
import type { IncomingPost } from '../../incoming-post.js';
import type { PollingSource } from '../source.js';
import { decodeFeedBytes } from './decode-feed.js';
import { advanceCursor, readCursor, wasDelivered, writeCursor } from './feed-cursor.js';
import { FeedError } from './feed-error.js';
import { type FetchLimits, fetchFeed } from './fetch-feed.js';
import { itemToPost } from './item-to-post.js';
import { rssSettingsSchema } from './settings.js';

/** Server-side choices for every feed source (from the server's configuration, never from a source's settings). */
export interface RssSourceOptions {
  /**
   * Fetch feeds on this machine or a private network (tests; an intranet deployment that reads
   * its own intranet's feeds). False by default: a feed address typed by an administrator must
   * not reach the cloud metadata service nor the hospital's internal services.
   */
  readonly allowPrivateNetwork?: boolean;
  /** For a whole poll, redirections and body included. Default 15 s. */
  readonly timeoutMs?: number;
  /** Largest body once decompressed. Default 5 MB. */
  readonly maxBytes?: number;
  /** Default 5. */
  readonly maxRedirects?: number;
  /** Items remembered as delivered. Default 500, far more than a feed serves at once. */
  readonly memory?: number;
  /** Items read from one answer (feeds list the newest first). Default 1,000. */
  readonly maxItems?: number;
  /** Markup in one answer (each « < » counts). Default 300,000. */
  readonly maxTags?: number;
  /** The date given to items without one. */
  readonly now?: () => Date;
  readonly userAgent?: string;
}

export const RSS_DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 5_000_000,
  maxRedirects: 5,
  memory: 500,
  maxItems: 1_000,
  /*
   * Parsing blocks the event loop for about 4–16 µs a tag (measured on this project's loaded
   * 2-core machine): without a bound, 5 MB of tiny tags would freeze the server for seconds.
   * Real feeds have a few thousand tags, tens of thousands for a long one with full articles.
   */
  maxTags: 300_000,
  userAgent: 'Mozilla/5.0 (compatible; Blouse/0.1; veille des établissements de santé)',
} as const;

/**
 * An RSS or Atom feed read by conditional GET. Each poll delivers the items not delivered
 * before (oldest first) and returns the cursor to store after them; an unchanged feed (304)
 * delivers nothing. Throws a `FeedError` (French message, `retryable`) when the feed cannot be
 * read, and the signal's reason when the runner aborts. The settings are checked again here
 * (defaults filled in); invalid settings throw the schema's error.
 */
export function createRssSource(
  settings: z.input<typeof rssSettingsSchema>,
  options: RssSourceOptions = {},
): PollingSource {
  const { url, name, authorKind } = rssSettingsSchema.parse(settings);
  const limits: FetchLimits = {
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    timeoutMs: options.timeoutMs ?? RSS_DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? RSS_DEFAULTS.maxBytes,
    maxRedirects: options.maxRedirects ?? RSS_DEFAULTS.maxRedirects,
    userAgent: options.userAgent ?? RSS_DEFAULTS.userAgent,
  };
  const memory = options.memory ?? RSS_DEFAULTS.memory;
  const maxItems = options.maxItems ?? RSS_DEFAULTS.maxItems;
  const maxTags = options.maxTags ?? RSS_DEFAULTS.maxTags;
  const now = options.now ?? (() => new Date());

  return {
    kind: 'rss',
    async poll(stored, signal) {
      const cursor = readCursor(stored);
      const response = await fetchFeed(url, cursor, limits, signal);
      if (response.kind === 'not_modified') return { posts: [], cursor: stored };
      const feed = parse(decodeFeedBytes(response.body, response.contentType), maxTags);
      const context = { feedTitle: feed.title, sourceName: name ?? null, authorKind, now: now() };
      const posts: IncomingPost[] = [];
      const inThisPoll = new Set<string>();
      for (const item of feed.items.slice(0, maxItems)) {
        const post = itemToPost(item, context);
        if (post === null || inThisPoll.has(post.externalId)) continue;
        if (wasDelivered(cursor, post.externalId, post.publishedAt)) continue;
        inThisPoll.add(post.externalId);
        posts.push(post);
      }
      posts.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
      return { posts, cursor: writeCursor(advanceCursor(cursor, response.validators, posts, memory)) };
    },
  };
}

function parse(xml: string, maxTags: number): ReturnType<typeof parseFeed> {
  if (countTags(xml, maxTags) > maxTags) {
    throw new FeedError(
      'trop_volumineux',
      `Le flux contient trop de balises (plus de ${maxTags.toLocaleString('fr-FR')}) pour être lu sans ralentir le serveur.`,
      { retryable: false },
    );
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch {
    throw new FeedError(
      'flux_illisible',
      'Le contenu reçu n’est pas un flux RSS ou Atom lisible (XML invalide ou sans élément rss, feed ou rdf).',
      { retryable: true },
    );
  }
  // An item without author, or with a relative link, asks the feed for its authors or its
  // address, which the parser finds again by scanning every child of the channel: once per
  // item, that is quadratic in the number of items. Both are read once here and kept.
  for (const name of ['authors', 'url'] as const) {
    Object.defineProperty(feed, name, { value: feed[name], writable: false });
  }
  return feed;
}

/** « < » in the text, counted up to just past `limit`. */
function countTags(xml: string, limit: number): number {
  let count = 0;
  for (let index = xml.indexOf('<'); index !== -1 && count <= limit; index = xml.indexOf('<', index + 1))
    count += 1;
  return count;
}
