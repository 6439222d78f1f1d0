import type { Kysely } from 'kysely';

/**
 * The incident page's own records:
 * - incident_notices: the DSA art. 16 notice as the desk edited it, and when, how and by whom it
 *   was sent. One row per incident, in its own table so the incident row stays the workflow's.
 *   Its edits bump the incident's version (optimistic concurrency): two people cannot overwrite
 *   each other's wording.
 * - notifications: in-app notices for one person (an « @ » mention in a comment), read or not.
 *   They name the incident and the event, never the comment's text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_notices')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incidents.id'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('text', 'text')
    .addColumn('edited_by', 'text', (c) => c.references('users.id'))
    .addColumn('edited_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('sent_channel', 'text')
    .addColumn('sent_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'establishment_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').ifExists().execute();
  await db.schema.dropTable('incident_notices').ifExists().execute();
}
