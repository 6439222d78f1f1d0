import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, Row } from '../../db/schema.js';

/** SQL of heard posts and mentions: storing them once, listing, counting, forgetting. */
type Db = Kysely<Database> | Transaction<Database>;

export type HeardPostRow = Row<'heard_posts'>;
export type MentionRow = Row<'mentions'>;

/**
 * Stores a post unless one with the same dedupe key is already heard; returns whether it was
 * stored. « on conflict do nothing » on both databases: two sources delivering the same post at
 * once (or a source replaying after a crash) store it once, and neither transaction fails.
 */
export async function insertHeardPost(db: Db, row: HeardPostRow): Promise<boolean> {
  const result = await db
    .insertInto('heard_posts')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The dedupe keys among `keys` already heard (to skip them before the guard's work). */
export async function heardKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // Chunks: SQLite allows a limited number of bound parameters per statement.
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await db
      .selectFrom('heard_posts')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(start, start + 500))
      .execute();
    for (const row of rows) found.add(row.dedupe_key);
  }
  return found;
}

export async function insertMention(db: Db, row: MentionRow): Promise<boolean> {
  const result = await db
    .insertInto('mentions')
    .values(row)
    .onConflict((oc) => oc.columns(['establishment_id', 'post_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export interface MentionFilters {
  readonly source?: string | undefined;
  readonly category?: string | undefined;
  readonly verdict?: string | undefined;
  /** A watch term as written: the mentions whose matched terms include it. */
  readonly term?: string | undefined;
  /** Published at or after (ISO, inclusive). */
  readonly from?: string | undefined;
  /** Published before (ISO, exclusive). */
  readonly to?: string | undefined;
  /** A LIKE pattern over the posts' folded text (search-fold.ts containsPattern). */
  readonly searchPattern?: string | undefined;
}

/** A mention with the post it is about. */
export type MentionWithPost = MentionRow & {
  readonly url: string | null;
  readonly author_handle: string | null;
  readonly author_kind: string | null;
  readonly reach: number | null;
  readonly text: string;
};

/** LIKE's wildcards taken literally. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/gu, (c) => `\\${c}`);

function withPost(db: Db, establishmentId: string) {
  return db
    .selectFrom('mentions')
    .innerJoin('heard_posts', 'heard_posts.id', 'mentions.post_id')
    .where('mentions.establishment_id', '=', establishmentId)
    .selectAll('mentions')
    .select([
      'heard_posts.url',
      'heard_posts.author_handle',
      'heard_posts.author_kind',
      'heard_posts.reach',
      'heard_posts.text',
    ]);
}

/**
 * One page of an establishment's mentions, newest first (published_at, then id: a total order),
 * after the given keys (keyset pagination: mentions arriving meanwhile neither repeat nor skip
 * others). Every filter is SQL, so a page is full whatever the filters.
 */
export function listMentionsPage(
  db: Db,
  establishmentId: string,
  filters: MentionFilters,
  after: readonly [string, string] | null,
  limit: number,
): Promise<MentionWithPost[]> {
  let query = withPost(db, establishmentId);
  if (filters.source !== undefined) query = query.where('mentions.source', '=', filters.source);
  if (filters.category !== undefined) query = query.where('mentions.category', '=', filters.category);
  if (filters.verdict !== undefined) {
    query = query.where('mentions.verdict', '=', filters.verdict as MentionRow['verdict']);
  }
  if (filters.term !== undefined) {
    // matched_terms is a JSON array of strings: the term as JSON, quotes included, is one element.
    const element = `%${likeLiteral(JSON.stringify(filters.term))}%`;
    query = query.where(sql<boolean>`mentions.matched_terms like ${element} escape '\\'`);
  }
  if (filters.from !== undefined) query = query.where('mentions.published_at', '>=', filters.from);
  if (filters.to !== undefined) query = query.where('mentions.published_at', '<', filters.to);
  if (filters.searchPattern !== undefined) {
    query = query.where(sql<boolean>`heard_posts.search_text like ${filters.searchPattern} escape '\\'`);
  }
  if (after !== null) {
    const [publishedAt, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('mentions.published_at', '<', publishedAt),
        eb.and([eb('mentions.published_at', '=', publishedAt), eb('mentions.id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('mentions.published_at', 'desc').orderBy('mentions.id', 'desc').limit(limit).execute();
}

export function findMention(
  db: Db,
  establishmentId: string,
  id: string,
): Promise<MentionWithPost | undefined> {
  return withPost(db, establishmentId).where('mentions.id', '=', id).executeTakeFirst();
}

/** Mentions per hour (« 2026-11-02T09 ») published in [from, to). */
export async function countMentionsByHour(
  db: Db,
  establishmentId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  // The first 13 characters of an ISO instant are its hour, on both databases.
  const hour = sql<string>`substr(published_at, 1, 13)`;
  const rows = await db
    .selectFrom('mentions')
    .select([hour.as('hour'), (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('establishment_id', '=', establishmentId)
    .where('published_at', '>=', from)
    .where('published_at', '<', to)
    .groupBy(hour)
    .execute();
  return new Map(rows.map((row) => [row.hour, Number(row.n)]));
}

/** The alerts raised in [from, to), oldest first, for the volume chart's markers. */
export function listAlertsBetween(db: Db, establishmentId: string, from: string, to: string) {
  return db
    .selectFrom('listening_alerts')
    .select(['id', 'tier', 'reason', 'created_at'])
    .where('establishment_id', '=', establishmentId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1_000)
    .execute();
}

/**
 * Retention: deletes the mentions past their date that no incident holds, then the posts no
 * mention refers to any more. Returns how many of each went.
 */
export async function purgeExpired(db: Db, now: string): Promise<{ mentions: number; posts: number }> {
  const mentions = await db
    .deleteFrom('mentions')
    .where('expires_at', '<=', now)
    .where('incident_id', 'is', null)
    .executeTakeFirst();
  const posts = await db
    .deleteFrom('heard_posts')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('mentions').select('mentions.id').whereRef('mentions.post_id', '=', 'heard_posts.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return { mentions: Number(mentions.numDeletedRows), posts: Number(posts.numDeletedRows) };
}
