import { z } from 'zod';
import type { IncomingPost } from '../../incoming-post.js';
import {
  advanceWatermark,
  isNewComment,
  isoTime,
  readWatermark,
  writeWatermark,
} from '../comment-watermark.js';
import { graphGet, graphPage } from '../meta-graph.js';
import { cleanAuthor, cleanPostText, toPostUrl } from '../post-fields.js';
import { type OwnCommentsOptions, ownCommentsDefaults } from '../settings-fields.js';
import type { PollingSource } from '../source.js';
import { type FacebookSettingsInput, facebookSettingsSchema } from './settings.js';

const SERVICE = 'l’API Graph de Facebook';

/** Page post: `updated_time` moves when someone comments, which spares reading untouched posts. */
const feedPost = z.object({ id: z.string(), updated_time: z.string() });

/** https://developers.facebook.com/docs/graph-api/reference/comment/ — `from` needs pages_read_user_content. */
const comment = z.object({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  permalink_url: z.string().optional(),
  from: z.object({ name: z.string().optional() }).optional(),
});

/**
 * Comments on the establishment's own Facebook Page: its latest posts (`/{page-id}/feed`), then,
 * for each post commented since the mark, `/{post-id}/comments` newest first (all levels,
 * `filter=stream`), page after page (`after` cursor) until the mark.
 */
export function createFacebookSource(
  settingsInput: FacebookSettingsInput,
  options: OwnCommentsOptions = {},
): PollingSource {
  const settings = facebookSettingsSchema.parse(settingsInput);
  const { timeoutMs, maxPages, now, firstSince } = ownCommentsDefaults(options);
  return {
    kind: 'facebook',
    async poll(cursor, signal) {
      const mark = readWatermark(cursor, firstSince(), 'cette Page Facebook');
      const context = { signal, timeoutMs, now: now(), service: SERVICE };
      const feed = await graphGet(
        settings,
        `${settings.pageId}/feed`,
        { fields: 'id,updated_time', limit: String(settings.postsPerPoll) },
        graphPage(feedPost),
        context,
      );
      const posts: IncomingPost[] = [];
      for (const post of feed.data) {
        const updated = isoTime(post.updated_time);
        if (updated !== undefined && updated < mark.since) continue;
        let after: string | undefined;
        for (let page = 0; page < maxPages; page += 1) {
          const comments = await graphGet(
            settings,
            `${post.id}/comments`,
            {
              fields: 'id,message,created_time,permalink_url,from{name}',
              filter: 'stream',
              order: 'reverse_chronological',
              limit: '100',
              ...(after === undefined ? {} : { after }),
            },
            graphPage(comment),
            context,
          );
          let reachedMark = false;
          for (const item of comments.data) {
            const publishedAt = isoTime(item.created_time);
            if (publishedAt === undefined) continue;
            if (!isNewComment(mark, publishedAt, item.id)) {
              reachedMark = true;
              continue;
            }
            posts.push({
              source: 'facebook',
              externalId: item.id,
              url: toPostUrl(item.permalink_url),
              authorHandle: cleanAuthor(item.from?.name),
              authorKind: null,
              reach: null,
              text: cleanPostText(item.message ?? ''),
              publishedAt,
            });
          }
          after = comments.paging?.next === undefined ? undefined : comments.paging.cursors?.after;
          if (reachedMark || after === undefined) break;
        }
      }
      return { posts, cursor: writeWatermark(advanceWatermark(mark, posts)) };
    },
  };
}
