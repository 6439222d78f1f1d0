import { z } from 'zod';
import type { IncomingPost } from '../../incoming-post.js';
import {
  advanceWatermark,
  isNewComment,
  isoTime,
  readWatermark,
  writeWatermark,
} from '../comment-watermark.js';
import { getJson, invalidAnswer } from '../http-json.js';
import { cleanAuthor, cleanPostText, toPostUrl } from '../post-fields.js';
import { type OwnCommentsOptions, ownCommentsDefaults } from '../settings-fields.js';
import type { PollingSource } from '../source.js';
import { type YoutubeSettingsInput, youtubeSettingsSchema } from './settings.js';
import { youtubeError } from './youtube-errors.js';

const SERVICE = 'l’API YouTube';

/** https://developers.google.com/youtube/v3/docs/comments#resource (the fields read). */
const comment = z.object({
  id: z.string(),
  snippet: z.object({
    videoId: z.string().optional(),
    textDisplay: z.string(),
    authorDisplayName: z.string().optional(),
    publishedAt: z.string(),
  }),
});

/** https://developers.google.com/youtube/v3/docs/commentThreads/list#response */
const threadList = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(
    z.object({
      id: z.string(),
      snippet: z.object({ videoId: z.string().optional(), topLevelComment: comment }),
      replies: z.object({ comments: z.array(comment) }).optional(),
    }),
  ),
});

/**
 * Comments on the establishment's YouTube channel: `commentThreads.list` with
 * `allThreadsRelatedToChannelId` (1 quota unit a page), newest threads first (`order=time`),
 * with their replies, page after page (`nextPageToken`) until the threads are older than the mark.
 */
export function createYoutubeSource(
  settingsInput: YoutubeSettingsInput,
  options: OwnCommentsOptions = {},
): PollingSource {
  const settings = youtubeSettingsSchema.parse(settingsInput);
  const { timeoutMs, maxPages, now, firstSince } = ownCommentsDefaults(options);
  return {
    kind: 'youtube',
    async poll(cursor, signal) {
      const mark = readWatermark(cursor, firstSince(), 'cette chaîne YouTube');
      const posts: IncomingPost[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < maxPages; page += 1) {
        const url = new URL(`${settings.apiBaseUrl}/youtube/v3/commentThreads`);
        url.searchParams.set('part', 'snippet,replies');
        url.searchParams.set('allThreadsRelatedToChannelId', settings.channelId);
        url.searchParams.set('order', 'time');
        url.searchParams.set('maxResults', '100');
        url.searchParams.set('textFormat', 'plainText');
        if (pageToken !== undefined) url.searchParams.set('pageToken', pageToken);
        // Google takes an API key only in the address; a token always goes in a header.
        if (settings.accessToken === undefined && settings.apiKey !== undefined)
          url.searchParams.set('key', settings.apiKey);
        const answer = await getJson(url, {
          headers:
            settings.accessToken === undefined ? {} : { authorization: `Bearer ${settings.accessToken}` },
          signal,
          timeoutMs,
          service: SERVICE,
        });
        if (answer.status < 200 || answer.status >= 300) throw youtubeError(answer, SERVICE, now());
        const parsed = threadList.safeParse(answer.body);
        if (!parsed.success) throw invalidAnswer(SERVICE, parsed.error);
        let oldestThread: string | undefined;
        for (const thread of parsed.data.items) {
          const videoId = thread.snippet.videoId ?? thread.snippet.topLevelComment.snippet.videoId;
          for (const item of [thread.snippet.topLevelComment, ...(thread.replies?.comments ?? [])]) {
            const publishedAt = isoTime(item.snippet.publishedAt);
            if (publishedAt === undefined || !isNewComment(mark, publishedAt, item.id)) continue;
            posts.push({
              source: 'youtube',
              externalId: item.id,
              // YouTube's link to one comment under its video (`lc`): the API gives none.
              url:
                videoId === undefined
                  ? null
                  : toPostUrl(
                      `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(item.id)}`,
                    ),
              authorHandle: cleanAuthor(item.snippet.authorDisplayName),
              authorKind: null,
              reach: null,
              text: cleanPostText(item.snippet.textDisplay),
              publishedAt,
            });
          }
          oldestThread = isoTime(thread.snippet.topLevelComment.snippet.publishedAt) ?? oldestThread;
        }
        pageToken = parsed.data.nextPageToken;
        if (pageToken === undefined || (oldestThread !== undefined && oldestThread < mark.since)) break;
      }
      return { posts, cursor: writeWatermark(advanceWatermark(mark, posts)) };
    },
  };
}
