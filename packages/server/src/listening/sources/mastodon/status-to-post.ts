import type { AuthorKind, IncomingPost } from '../../incoming-post.js';
import { htmlToText } from '../html-text.js';
import { cleanAuthor, cleanPostText, toPostUrl } from '../post-fields.js';
import { type StatusRead, statusReadSchema } from './status-shape.js';

export interface StatusMapping {
  /** Host of the instance asked: local accounts' `acct` has no domain, we add this one. */
  readonly instanceHost: string;
  /** Lower-case `name@domain` handles. */
  readonly pressHandles: ReadonlySet<string>;
  readonly officialHandles: ReadonlySet<string>;
}

/**
 * Statuses of one answer → posts for listening. A reblog counts as the status it shares (the same
 * words, written by its author), so the batch keeps each original once, by its `uri`. Only public
 * and unlisted statuses are kept: a token that can search may also see followers-only and direct
 * messages, and listening hears only what is public. A status that does not have the documented
 * shape is skipped; its id still moves the cursor on, so that it cannot block the source.
 */
export function statusesToPosts(
  statuses: readonly unknown[],
  mapping: StatusMapping,
): { posts: IncomingPost[]; ids: string[]; skipped: number } {
  const posts = new Map<string, IncomingPost>();
  const ids: string[] = [];
  let skipped = 0;
  for (const raw of statuses) {
    const id = idOf(raw);
    if (id !== undefined) ids.push(id);
    const parsed = statusReadSchema.safeParse(raw);
    if (!parsed.success) {
      skipped += 1;
      continue;
    }
    const shown = parsed.data.reblog ?? parsed.data;
    if (shown.visibility !== 'public' && shown.visibility !== 'unlisted') continue;
    if (!posts.has(shown.uri)) posts.set(shown.uri, statusToPost(shown, mapping));
  }
  return { posts: [...posts.values()], ids, skipped };
}

export function statusToPost(status: Omit<StatusRead, 'reblog'>, mapping: StatusMapping): IncomingPost {
  const handle = fullHandle(status.account.acct, mapping.instanceHost);
  const body = htmlToText(status.content);
  const warning = status.spoilerText.trim();
  const followers = status.account.followersCount;
  return {
    source: 'mastodon',
    externalId: status.uri,
    url: toPostUrl(status.url),
    authorHandle: cleanAuthor(handle),
    authorKind: authorKind(handle, mapping),
    // Some servers hide their counts and send -1 or nothing: unknown, not zero.
    reach: followers === undefined || followers < 0 ? null : followers,
    text: cleanPostText(warning === '' ? body : body === '' ? warning : `${warning}\n\n${body}`),
    publishedAt: new Date(status.createdAt).toISOString(),
  };
}

function fullHandle(acct: string, instanceHost: string): string {
  return acct.includes('@') ? acct : `${acct}@${instanceHost}`;
}

/** Only what the establishment declared: a bot flag or a follower count says nothing of who writes. */
function authorKind(handle: string, mapping: StatusMapping): AuthorKind | null {
  const key = handle.toLowerCase();
  if (mapping.officialHandles.has(key)) return 'official';
  if (mapping.pressHandles.has(key)) return 'press';
  return null;
}

function idOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined;
  return typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
}
