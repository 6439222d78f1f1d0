import type { Kysely } from 'kysely';

/**
 * Alert delivery (issue 10), beside migration 0007's alerts and routes:
 * - alert_deliveries: one row per alert and route, the durable truth of what was sent, what waits
 *   for the end of quiet hours (not_before) and what is retried after a failure (attempts,
 *   last_error). A restart resumes from it; a sent row is never sent again.
 * - listening_alert_settings: an establishment's own thresholds for the immediate tier (the reach
 *   from which an author alerts at once, the cooldown that groups alerts of one reason); absent,
 *   the defaults apply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('alert_id', 'text', (c) => c.notNull().references('listening_alerts.id'))
    // No foreign key: a deleted route keeps the trace of what it was sent.
    .addColumn('route_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('alert_deliveries_unique', ['alert_id', 'route_id'])
    .execute();
  await db.schema
    .createIndex('alert_deliveries_due')
    .on('alert_deliveries')
    .columns(['status', 'not_before'])
    .execute();

  await db.schema
    .createTable('listening_alert_settings')
    .addColumn('establishment_id', 'text', (c) => c.primaryKey().references('establishments.id'))
    .addColumn('reach_threshold', 'integer', (c) => c.notNull())
    .addColumn('cooldown_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('listening_alert_settings').ifExists().execute();
  await db.schema.dropTable('alert_deliveries').ifExists().execute();
}
