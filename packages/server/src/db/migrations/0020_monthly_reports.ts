import { type Kysely, sql } from 'kysely';

/**
 * The monthly reports to the direction (issue 14): one PDF per establishment or group (GHT) and
 * month, archived as sent. `scope` is « establishment » or « group » and `scope_id` its id; one
 * row per scope and month, so that a job run twice (at least once delivery) archives and mails
 * once. The PDF holds counts and references only, never a person's name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .then((result) => result.rows[0]?.v.startsWith('PostgreSQL') ?? false)
    .catch(() => false);
  await db.schema
    .createTable('monthly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('pdf', sql.raw(postgres ? 'bytea' : 'blob'), (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('monthly_reports_scope_month', ['scope', 'scope_id', 'month'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monthly_reports').ifExists().execute();
}
