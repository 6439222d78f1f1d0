import type { Kysely } from 'kysely';

/**
 * Listening's search (issue 10): the mentions list searches the posts' text folded (lower case,
 * no accents: incidents/search-fold.ts), so that « Urgences » and « urgences » meet on SQLite and
 * PostgreSQL alike whatever their collations. heard_posts gets that folded copy; 0007 shipped
 * without it. The volume chart counts mentions per hour of one establishment, hence the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('heard_posts')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('listening_sources_establishment')
    .on('listening_sources')
    .columns(['establishment_id'])
    .execute();
  await db.schema.createIndex('mentions_post').on('mentions').columns(['post_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('mentions_post').ifExists().execute();
  await db.schema.dropIndex('listening_sources_establishment').ifExists().execute();
  await db.schema.alterTable('heard_posts').dropColumn('search_text').execute();
}
