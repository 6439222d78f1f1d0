import type { Kysely } from 'kysely';

/**
 * What each published post has drawn, where the network's API says (issue 12, for analytics):
 * the latest counts read, when, and how many times. Null where a network does not give a figure
 * (LinkedIn's shares, most networks' impressions without an analytics permission).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publication_metrics')
    .addColumn('publication_id', 'text', (c) => c.primaryKey().references('publications.id'))
    .addColumn('likes', 'integer')
    .addColumn('shares', 'integer')
    .addColumn('comments', 'integer')
    .addColumn('impressions', 'integer')
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .addColumn('collections', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publication_metrics').ifExists().execute();
}
