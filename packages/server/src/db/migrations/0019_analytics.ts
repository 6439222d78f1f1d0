import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Analytics (issue 14): read models only, filled by the refresh job (analytics/refresh.ts) from
 * the write tables, never inside their transactions. No foreign keys: a read model must never
 * stop a write path (retention deletes mentions; their daily counts stay).
 * - analytics_daily: counts per establishment, Paris day, metric and dimension (mentions by
 *   category and by source, alerts by reason, checks by verdict, context and rule). The dashboard
 *   sums these over a range: it never scans `mentions`.
 * - analytics_incidents: one row per incident, its current state (severity, category, status,
 *   next deadline) and response times, rewritten whenever the incident changes, because status
 *   and overdue are states, not daily counts. « Overdue » is computed at reading from
 *   next_due_at, since an incident becomes overdue without changing.
 * - analytics_publications: one row per published post (network, day, latest engagement).
 * - analytics_approvals: one row per approved draft (day of its final approval, lead time).
 * - analytics_watermarks: how far each source has been read, and when.
 *
 * Three indexes on write tables, for the watermarks (created_at/updated_at, id): without them
 * each refresh batch would scan the whole table. Their cost on inserts is measured by
 * `blouse bench analytics`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_daily')
    .addColumn('establishment_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    // Also the index every dashboard query uses: one establishment (or each of a group's), a range
    // of days, a few metrics.
    .addPrimaryKeyConstraint('analytics_daily_pk', ['establishment_id', 'day', 'metric', 'dimension'])
    .execute();

  // Keyed by establishment and day first, the incident last: a dashboard reads a range of one
  // establishment's days. On SQLite the table is stored in that order (WITHOUT ROWID), so the
  // range is read in one sweep with no lookup per row (5 times faster for a year of a group).
  // An incident's establishment and opening day never change, so the key never moves.
  await db.schema
    .createTable('analytics_incidents')
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('establishment_id', 'text', (c) => c.notNull())
    .addColumn('opened_day', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('qualify_minutes', 'integer')
    .addColumn('qualify_due_at', 'text')
    // 1 reached within the target, 0 reached late, null not reached (yet): fixed once reached.
    .addColumn('qualify_within', 'integer')
    .addColumn('first_action_minutes', 'integer')
    .addColumn('first_action_due_at', 'text')
    .addColumn('first_action_within', 'integer')
    .addColumn('next_due_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('source_updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_incidents_pk', ['establishment_id', 'opened_day', 'incident_id'])
    .$call((builder) => (isSqlite(db) ? builder.modifyEnd(sql`without rowid`) : builder))
    .execute();

  await db.schema
    .createTable('analytics_publications')
    .addColumn('publication_id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('published_day', 'text', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull())
    .addColumn('shares', 'integer', (c) => c.notNull())
    .addColumn('comments', 'integer', (c) => c.notNull())
    .addColumn('impressions', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('analytics_publications_range')
    .on('analytics_publications')
    .columns(['establishment_id', 'published_day'])
    .execute();

  await db.schema
    .createTable('analytics_approvals')
    .addColumn('draft_id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull())
    .addColumn('approved_day', 'text', (c) => c.notNull())
    .addColumn('lead_minutes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('analytics_approvals_range')
    .on('analytics_approvals')
    .columns(['establishment_id', 'approved_day'])
    .execute();

  await db.schema
    .createTable('analytics_watermarks')
    .addColumn('source', 'text', (c) => c.primaryKey())
    // The last row read: « <timestamp>|<id> », compared as text (ISO timestamps sort as text).
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('mentions_created').on('mentions').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('listening_alerts_created')
    .on('listening_alerts')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema.createIndex('incidents_updated').on('incidents').columns(['updated_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_updated').ifExists().execute();
  await db.schema.dropIndex('listening_alerts_created').ifExists().execute();
  await db.schema.dropIndex('mentions_created').ifExists().execute();
  for (const table of [
    'analytics_watermarks',
    'analytics_approvals',
    'analytics_publications',
    'analytics_incidents',
    'analytics_daily',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

const isSqlite = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;
