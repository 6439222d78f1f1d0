import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * One mention written as listening writes it (a heard post, then the establishment's mention),
 * at a given instant, for the analytics tests: the refresh reads these rows, never the listening
 * service. Text-free: analytics counts, it never reads a post.
 */
export async function insertTestMention(
  db: Kysely<Database>,
  mention: {
    readonly establishmentId: string;
    readonly at: string;
    readonly category: string;
    readonly verdict: 'ok' | 'warn' | 'block';
    readonly source: string;
  },
): Promise<void> {
  const postId = randomUUID();
  const { at } = mention;
  await db
    .insertInto('heard_posts')
    .values({
      id: postId,
      dedupe_key: postId,
      source: 'rss',
      external_id: postId,
      url: null,
      author_handle: null,
      author_kind: null,
      reach: null,
      text: '',
      published_at: at,
      received_at: at,
      search_text: '',
    })
    .execute();
  await db
    .insertInto('mentions')
    .values({
      id: randomUUID(),
      establishment_id: mention.establishmentId,
      post_id: postId,
      matched_terms: '[]',
      category: mention.category,
      verdict: mention.verdict,
      findings: '[]',
      source: mention.source,
      published_at: at,
      created_at: at,
      expires_at: '2099-01-01T00:00:00.000Z',
      incident_id: null,
    })
    .execute();
}
