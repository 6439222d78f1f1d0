import { createRestAPIClient, type mastodon } from 'masto';
import type { IncomingPost } from '../../incoming-post.js';
import type { PollingSource } from '../source.js';
import { SourceError } from '../source-error.js';
import { type MastodonCursor, newestId, readCursor, streamKey, writeCursor } from './cursor.js';
import { mastodonError } from './mastodon-errors.js';
import { type MastodonSettings, type MastodonSettingsInput, mastodonSettingsSchema } from './settings.js';
import { type StatusMapping, statusesToPosts } from './status-to-post.js';

export interface MastodonSourceOptions {
  /** Statuses asked per request: Mastodon's maximum is 40. */
  readonly pageSize?: number;
  /** Requests per stream and per poll; what is left is read at the next poll, in order. */
  readonly maxPagesPerPoll?: number;
  /** Per request. */
  readonly timeoutMs?: number;
  /** For the wait computed from X-RateLimit-Reset. */
  readonly now?: () => Date;
}

/**
 * Hashtag timelines and status search of one Mastodon instance, by polling.
 *
 * Hashtags are read with `min_id` from the newest id seen, following the `Link rel="prev"`
 * pages: each page holds the statuses just above the previous one, so a poll that stops at its
 * page budget leaves no gap, and the next poll goes on from there. (`since_id` would return the
 * newest statuses and skip whatever lies between when more than a page arrived.) The first poll
 * of a stream reads its latest page: listening starts from now, with the last page as context.
 * Search has no Link header; it is read with `min_id` and `offset` pages.
 */
export function createMastodonSource(
  settingsInput: MastodonSettingsInput,
  options: MastodonSourceOptions = {},
): PollingSource {
  const settings = mastodonSettingsSchema.parse(settingsInput);
  const pageSize = Math.min(40, Math.max(1, options.pageSize ?? 40));
  const maxPages = Math.max(1, options.maxPagesPerPoll ?? 5);
  const now = options.now ?? (() => new Date());
  const instanceHost = new URL(settings.instanceUrl).host;
  const mapping: StatusMapping = {
    instanceHost,
    pressHandles: new Set(settings.pressHandles),
    officialHandles: new Set(settings.officialHandles),
  };

  return {
    kind: 'mastodon',
    async poll(cursorText, signal) {
      const before: MastodonCursor = readCursor(cursorText);
      // Only the streams of the current settings: a hashtag removed from them is forgotten.
      const after: MastodonCursor = {};
      const client = createRestAPIClient({
        url: settings.instanceUrl,
        ...(settings.accessToken === undefined ? {} : { accessToken: settings.accessToken }),
        timeout: options.timeoutMs ?? 30_000,
        requestInit: { signal },
      });
      const posts = new Map<string, IncomingPost>();
      const keep = (statuses: readonly unknown[]): string[] => {
        const read = statusesToPosts(statuses, mapping);
        for (const post of read.posts) if (!posts.has(post.externalId)) posts.set(post.externalId, post);
        return read.ids;
      };
      try {
        for (const hashtag of settings.hashtags) {
          const key = streamKey({ hashtag });
          const newest = await readHashtag(client, hashtag, before[key], keep);
          if (newest !== undefined) after[key] = newest;
        }
        if (settings.query !== undefined) {
          const key = streamKey({ query: settings.query });
          const newest = await readSearch(client, settings.query, before[key], keep);
          if (newest !== undefined) after[key] = newest;
        }
      } catch (error) {
        // Stopping is the runner's decision, not a failure of the instance.
        if (signal.aborted) throw signal.reason;
        throw mastodonError(error, instanceHost, now());
      }
      return { posts: [...posts.values()], cursor: writeCursor(after) };
    },
  };

  /** The documented answer is a list; anything else is not the Mastodon API. */
  function asArray(value: unknown): readonly unknown[] {
    if (Array.isArray(value)) return value;
    throw new SourceError(
      'reponse_invalide',
      `L’instance Mastodon ${instanceHost} a répondu du JSON qui n’est pas une liste de messages.`,
    );
  }

  async function readHashtag(
    client: mastodon.rest.Client,
    hashtag: string,
    lastId: string | undefined,
    keep: (statuses: readonly unknown[]) => string[],
  ): Promise<string | undefined> {
    const timeline = client.v1.timelines.tag.$select(hashtag);
    if (lastId === undefined)
      return newestId(keep(asArray(await timeline.list({ limit: pageSize }))), undefined);
    let newest: string | undefined = lastId;
    let pages = 0;
    for await (const page of timeline.list({ minId: lastId, limit: pageSize }).setDirection('prev')) {
      const statuses = asArray(page);
      if (statuses.length === 0) break;
      newest = newestId(keep(statuses), newest);
      pages += 1;
      if (pages >= maxPages) break;
    }
    return newest;
  }

  async function readSearch(
    client: mastodon.rest.Client,
    query: string,
    lastId: string | undefined,
    keep: (statuses: readonly unknown[]) => string[],
  ): Promise<string | undefined> {
    let newest = lastId;
    for (let page = 0; page < (lastId === undefined ? 1 : maxPages); page += 1) {
      const result: unknown = await client.v2.search.list({
        q: query,
        type: 'statuses',
        limit: pageSize,
        ...(lastId === undefined ? {} : { minId: lastId }),
        ...(page === 0 ? {} : { offset: page * pageSize }),
      });
      const statuses = asArray(
        typeof result === 'object' && result !== null && 'statuses' in result ? result.statuses : undefined,
      );
      newest = newestId(keep(statuses), newest);
      if (statuses.length < pageSize) break;
    }
    return newest;
  }
}

export type { MastodonSettings };
