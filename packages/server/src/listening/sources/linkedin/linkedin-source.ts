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
import { cleanAuthor, cleanPostText } from '../post-fields.js';
import { type OwnCommentsOptions, ownCommentsDefaults } from '../settings-fields.js';
import type { PollingSource } from '../source.js';
import { linkedinErrorFor } from './linkedin-errors.js';
import { type LinkedinSettingsInput, linkedinSettingsSchema } from './settings.js';

const SERVICE = 'l’API LinkedIn';

/** Posts API, finder by author: https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api */
const postList = z.object({ elements: z.array(z.object({ id: z.string() })) });

/** Comments API: https://learn.microsoft.com/linkedin/marketing/community-management/shares/comments-api */
const commentList = z.object({
  paging: z.object({ start: z.number().int(), count: z.number().int(), total: z.number().int().optional() }),
  elements: z.array(
    z.object({
      id: z.string(),
      commentUrn: z.string().optional(),
      actor: z.string().optional(),
      created: z.object({ time: z.number() }),
      message: z.object({ text: z.string() }).optional(),
    }),
  ),
});

/**
 * Comments on the establishment's LinkedIn page: its latest posts (`/rest/posts?q=author`), then
 * `/rest/socialActions/{post-urn}/comments` of each, every page (`start`/`count`) within the
 * budget. LinkedIn gives the commenter as a URN only (names need member permissions that are
 * not granted to this use), and no link to a comment: `url` stays null.
 */
export function createLinkedinSource(
  settingsInput: LinkedinSettingsInput,
  options: OwnCommentsOptions = {},
): PollingSource {
  const settings = linkedinSettingsSchema.parse(settingsInput);
  const { timeoutMs, maxPages, now, firstSince } = ownCommentsDefaults(options);
  const get = async <T extends z.ZodType>(
    path: string,
    params: Record<string, string>,
    schema: T,
    signal: AbortSignal,
  ) => {
    const url = new URL(`${settings.apiBaseUrl}${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    const answer = await getJson(url, {
      headers: {
        authorization: `Bearer ${settings.accessToken}`,
        'linkedin-version': settings.apiVersion,
        'x-restli-protocol-version': '2.0.0',
      },
      signal,
      timeoutMs,
      service: SERVICE,
    });
    if (answer.status < 200 || answer.status >= 300) throw linkedinErrorFor(answer, SERVICE, now());
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw invalidAnswer(SERVICE, parsed.error);
    return parsed.data as z.output<T>;
  };
  return {
    kind: 'linkedin',
    async poll(cursor, signal) {
      const mark = readWatermark(cursor, firstSince(), 'cette page LinkedIn');
      const recent = await get(
        '/rest/posts',
        {
          q: 'author',
          author: settings.organizationUrn,
          count: String(settings.postsPerPoll),
          sortBy: 'LAST_MODIFIED',
        },
        postList,
        signal,
      );
      const posts: IncomingPost[] = [];
      for (const post of recent.elements) {
        let start = 0;
        for (let page = 0; page < maxPages; page += 1) {
          const comments = await get(
            `/rest/socialActions/${encodeURIComponent(post.id)}/comments`,
            { start: String(start), count: '50' },
            commentList,
            signal,
          );
          for (const item of comments.elements) {
            const publishedAt = isoTime(item.created.time);
            const externalId = item.commentUrn ?? item.id;
            if (publishedAt === undefined || !isNewComment(mark, publishedAt, externalId)) continue;
            posts.push({
              source: 'linkedin',
              externalId,
              url: null,
              authorHandle: cleanAuthor(item.actor),
              authorKind: null,
              reach: null,
              text: cleanPostText(item.message?.text ?? ''),
              publishedAt,
            });
          }
          start = comments.paging.start + comments.elements.length;
          const total = comments.paging.total;
          if (comments.elements.length === 0 || (total !== undefined && start >= total)) break;
        }
      }
      return { posts, cursor: writeWatermark(advanceWatermark(mark, posts)) };
    },
  };
}
