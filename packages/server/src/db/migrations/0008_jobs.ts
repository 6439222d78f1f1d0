import { type Kysely, sql } from 'kysely';

/**
 * Background jobs of the in-process engine (platform/jobs/in-process): the queue the SQLite
 * deployment runs from, so that a scheduled publication, a source poll or an alert delivery
 * survives a restart. On PostgreSQL the pg-boss engine keeps its own schema instead; the table
 * exists there too, so that the in-process engine can run on either database (tests, or a
 * single-process PostgreSQL deployment).
 * - state: pending (waiting or waiting for a retry), running (leased until locked_until), done,
 *   failed (every attempt failed, or the last one died with its process).
 * - attempt: how many runs have started; a run that dies with its process counts as one.
 * - singleton_key: at most one pending or running job per queue and key, enforced by a unique
 *   partial index (both SQLite and PostgreSQL have them), so that two senders racing cannot both
 *   win.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay', 'integer', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // What the poller asks for: due pending jobs, and running jobs whose lease has expired.
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_after']).execute();
  await db.schema.createIndex('jobs_lease').on('jobs').columns(['state', 'locked_until']).execute();
  // Kysely's builder has no portable partial unique index: the statement is the same text on both.
  await sql`create unique index jobs_singleton on jobs (queue, singleton_key) where singleton_key is not null and state in ('pending', 'running')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').ifExists().execute();
}
