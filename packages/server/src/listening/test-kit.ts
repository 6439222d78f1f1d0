import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, WatchTermKind } from '../db/schema.js';
import type { IncomingPost } from './incoming-post.js';
import { foldForMatching } from './watch-terms/fold-for-matching.js';

/** A watch term written straight to the database. */
export async function addTestTerm(
  db: Kysely<Database>,
  establishmentId: string,
  term: string,
  kind: WatchTermKind = 'name',
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('watch_terms')
    .values({
      id,
      establishment_id: establishmentId,
      kind,
      term,
      folded: foldForMatching(term),
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** A post as a source would deliver it. */
export function testPost(overrides: Partial<IncomingPost> & { text: string }): IncomingPost {
  const externalId = overrides.externalId ?? randomUUID();
  return {
    source: 'rss',
    externalId,
    url: `https://forum.exemple.fr/sujets/${externalId}`,
    authorHandle: '@quelquun',
    authorKind: 'person',
    reach: null,
    publishedAt: '2026-11-02T08:00:00.000Z',
    ...overrides,
  };
}
