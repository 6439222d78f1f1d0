import { createHash } from 'node:crypto';
import type { AuthorKind, IncomingPost } from '../../incoming-post.js';
import { cleanAuthor, cleanPostText, toPostUrl, truncateText } from '../post-fields.js';
import { htmlToText } from './html-to-text.js';

/** A feed item's text is cut here: the article itself stays one click away at its address. */
export const MAX_ITEM_TEXT_LENGTH = 10_000;
/** Ids longer than this are replaced by their hash (they are stored and compared). */
const MAX_ID_LENGTH = 1000;
/** A date further ahead than this is a feed's mistake, not a scheduled article. */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** What is read from a parsed item (the parser's FeedItem has these, and more). */
export interface FeedItemFields {
  readonly id: string | null;
  readonly title: string | null;
  readonly description: string | null;
  readonly content: string | null;
  readonly url: string | null;
  readonly published: Date | null;
  readonly updated: Date | null;
  readonly authors: readonly { readonly name: string | null }[];
}

export interface FeedContext {
  /** The feed's own title (« Le Courrier du Littoral – Santé »). */
  readonly feedTitle: string | null;
  /** The name the administrator gave the source. */
  readonly sourceName: string | null;
  readonly authorKind: AuthorKind;
  readonly now: Date;
}

/**
 * One feed item as a heard post. The text is the title then the description (the summary the
 * feed chose; the full content only when there is no description), stripped of HTML. The author
 * is the item's author, else the publication (feed title, else the source's name). The date is
 * the item's publication (else update) date; without one, or far in the future, « now ». Null
 * for an item with nothing to read.
 */
export function itemToPost(item: FeedItemFields, context: FeedContext): IncomingPost | null {
  const title = cleanPostText(htmlToText(item.title ?? ''));
  const body = cleanPostText(htmlToText(item.description ?? item.content ?? ''));
  const text = truncateText(joinTitle(title, body), MAX_ITEM_TEXT_LENGTH);
  if (text === '') return null;
  const url = toPostUrl(item.url);
  const publishedAt = dateOf(item, context.now);
  const id = item.id?.trim() || url || hashId(`${title}\n${body}`);
  return {
    source: 'rss',
    externalId: id.length > MAX_ID_LENGTH ? hashId(id) : id,
    url,
    authorHandle:
      cleanAuthor(item.authors.find((author) => cleanAuthor(author.name) !== null)?.name) ??
      cleanAuthor(context.feedTitle) ??
      cleanAuthor(context.sourceName),
    authorKind: context.authorKind,
    reach: null,
    text,
    publishedAt,
  };
}

/** Title and body on separate paragraphs; the title alone once when the body repeats it. */
function joinTitle(title: string, body: string): string {
  if (title === '') return body;
  if (body === '' || body.startsWith(title)) return body || title;
  return `${title}\n\n${body}`;
}

function dateOf(item: FeedItemFields, now: Date): string {
  for (const date of [item.published, item.updated]) {
    if (date === null || Number.isNaN(date.getTime())) continue;
    if (date.getTime() > now.getTime() + FUTURE_SLACK_MS) return now.toISOString();
    if (date.getUTCFullYear() < 1990) continue;
    return date.toISOString();
  }
  return now.toISOString();
}

function hashId(value: string): string {
  return `sha256:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
}
