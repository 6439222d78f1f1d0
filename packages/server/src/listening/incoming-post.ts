/**
 * Where a post heard by listening comes from. Stable ids: they are stored, filtered on and
 * translated by the web app.
 */
export const SOURCE_KINDS = [
  'bluesky',
  'mastodon',
  'rss',
  'facebook',
  'instagram',
  'youtube',
  'linkedin',
  'import',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Who wrote a post, when a source says so: the press and official accounts raise an alert at once. */
export type AuthorKind = 'person' | 'press' | 'official';

/**
 * A public post as a source delivers it, before matching: only what listening keeps (text,
 * author's handle, reach, address, time). Sources never pass on anything else about the author.
 */
export interface IncomingPost {
  readonly source: SourceKind;
  /** Unique within its source: an at:// URI, a status id, a feed item's guid, a comment id. */
  readonly externalId: string;
  /** The post's public address, when it has one (the key that deduplicates across sources). */
  readonly url: string | null;
  readonly authorHandle: string | null;
  readonly authorKind: AuthorKind | null;
  /** Followers or subscribers of the author, when the source gives them. */
  readonly reach: number | null;
  readonly text: string;
  /** ISO 8601, UTC. */
  readonly publishedAt: string;
}
