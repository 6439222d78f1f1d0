import type { Kysely } from 'kysely';

/**
 * Publishing at a time (issue 12, second part):
 * - publishing_accounts: an establishment's account on a network, its credentials sealed
 *   (platform/secrets/secret-box.ts), never returned by the API.
 * - publications: one row per approved variant to publish, the durable truth of what is due,
 *   what was published (its network id and address) and what failed. Its idempotency key makes
 *   the network refuse a second copy (Bluesky: the record key), so a job that runs again after a
 *   crash finds the post instead of publishing it twice.
 * - publishing_pause: « Tout suspendre », per establishment; nothing is published while it holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publishing_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('service_url', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publishing_accounts_network', ['establishment_id', 'network'])
    .execute();

  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('draft_id', 'text', (c) => c.notNull().references('publishing_drafts.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('publications_due')
    .on('publications')
    .columns(['status', 'scheduled_at'])
    .execute();
  await db.schema.createIndex('publications_draft').on('publications').columns(['draft_id']).execute();

  await db.schema
    .createTable('publishing_pause')
    .addColumn('establishment_id', 'text', (c) => c.primaryKey().references('establishments.id'))
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publishing_pause').ifExists().execute();
  await db.schema.dropTable('publications').ifExists().execute();
  await db.schema.dropTable('publishing_accounts').ifExists().execute();
}
