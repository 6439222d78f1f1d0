import type { Kysely } from 'kysely';

/**
 * Listening (issue 10): what the hospital hears about itself.
 * - watch_terms: per establishment, its names, aliases, services, hashtags and exclusions, with
 *   their folded form (lower case, no accents) that the one-pass matcher compiles.
 * - listening_sources: where posts are read (a firehose, a feed, a page's comments, an import),
 *   with the cursor stored after the last delivered batch and the back-off state. A source with
 *   no establishment is shared by the deployment (one firehose fanned out by watch terms).
 * - heard_posts: each public post once, whatever the sources it came through (dedupe_key: its
 *   canonical address, or its author and folded text), kept minimally: text, handle, reach,
 *   address, time.
 * - mentions: a heard post matched by an establishment's terms, with the guard's verdict in
 *   public context, its category and findings (rule, severity, explanation: never the spans),
 *   and the date after which retention deletes it unless an incident sealed it.
 * - buzz_series: the spike detector's snapshot per establishment and series (a watch term or a
 *   category), so that a restart continues where it was.
 * - listening_alerts: immediate and volume alerts, explained, with the mentions behind them and
 *   the incident opened from them.
 * - alert_routes: who receives which tier, by e-mail or signed webhook, and quiet hours.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('watch_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('folded', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('watch_terms_unique', ['establishment_id', 'kind', 'folded'])
    .execute();

  await db.schema
    .createTable('listening_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.references('establishments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('heard_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('author_handle', 'text')
    .addColumn('author_kind', 'text')
    .addColumn('reach', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mentions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('heard_posts.id'))
    .addColumn('matched_terms', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addUniqueConstraint('mentions_unique', ['establishment_id', 'post_id'])
    .execute();
  await db.schema
    .createIndex('mentions_list')
    .on('mentions')
    .columns(['establishment_id', 'published_at', 'id'])
    .execute();
  await db.schema.createIndex('mentions_expiry').on('mentions').columns(['expires_at']).execute();

  await db.schema
    .createTable('buzz_series')
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('series_key', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('buzz_series_pk', ['establishment_id', 'series_key'])
    .execute();

  await db.schema
    .createTable('listening_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('series_key', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('mention_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .execute();
  await db.schema
    .createIndex('listening_alerts_list')
    .on('listening_alerts')
    .columns(['establishment_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('alert_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('quiet_from', 'text')
    .addColumn('quiet_until', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'alert_routes',
    'listening_alerts',
    'buzz_series',
    'mentions',
    'heard_posts',
    'listening_sources',
    'watch_terms',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
