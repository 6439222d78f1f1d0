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
import { cleanAuthor, cleanPostText } from '../post-fields.js';
import { type OwnCommentsOptions, ownCommentsDefaults } from '../settings-fields.js';
import type { PollingSource } from '../source.js';
import { type InstagramSettingsInput, instagramSettingsSchema } from './settings.js';

const SERVICE = 'l’API Graph d’Instagram';

/** https://developers.facebook.com/docs/instagram-platform/reference/instagram-media */
const media = z.object({ id: z.string(), comments_count: z.number().int().optional() });

/** https://developers.facebook.com/docs/instagram-platform/reference/instagram-comment */
const comment = z.object({
  id: z.string(),
  text: z.string().optional(),
  timestamp: z.string(),
  username: z.string().optional(),
});

/**
 * Comments on the establishment's own Instagram account: its latest media (`/{ig-user-id}/media`),
 * then `/{ig-media-id}/comments` of each commented one, every page (`after`) within the budget:
 * the documentation promises no order, so the mark filters instead of stopping the reading.
 * Instagram gives no link to a comment: `url` stays null.
 */
export function createInstagramSource(
  settingsInput: InstagramSettingsInput,
  options: OwnCommentsOptions = {},
): PollingSource {
  const settings = instagramSettingsSchema.parse(settingsInput);
  const { timeoutMs, maxPages, now, firstSince } = ownCommentsDefaults(options);
  return {
    kind: 'instagram',
    async poll(cursor, signal) {
      const mark = readWatermark(cursor, firstSince(), 'ce compte Instagram');
      const context = { signal, timeoutMs, now: now(), service: SERVICE };
      const recent = await graphGet(
        settings,
        `${settings.igUserId}/media`,
        { fields: 'id,comments_count', limit: String(settings.mediaPerPoll) },
        graphPage(media),
        context,
      );
      const posts: IncomingPost[] = [];
      for (const item of recent.data) {
        if (item.comments_count === 0) continue;
        let after: string | undefined;
        for (let page = 0; page < maxPages; page += 1) {
          const comments = await graphGet(
            settings,
            `${item.id}/comments`,
            { fields: 'id,text,timestamp,username', limit: '50', ...(after === undefined ? {} : { after }) },
            graphPage(comment),
            context,
          );
          for (const found of comments.data) {
            const publishedAt = isoTime(found.timestamp);
            if (publishedAt === undefined || !isNewComment(mark, publishedAt, found.id)) continue;
            posts.push({
              source: 'instagram',
              externalId: found.id,
              url: null,
              authorHandle: cleanAuthor(found.username),
              authorKind: null,
              reach: null,
              text: cleanPostText(found.text ?? ''),
              publishedAt,
            });
          }
          after = comments.paging?.next === undefined ? undefined : comments.paging.cursors?.after;
          if (after === undefined) break;
        }
      }
      return { posts, cursor: writeWatermark(advanceWatermark(mark, posts)) };
    },
  };
}
