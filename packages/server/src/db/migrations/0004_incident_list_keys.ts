import type { Kysely } from 'kysely';
import { incidentTitle } from '../../incidents/open-incident.js';
import { refreshListKeys } from '../../incidents/repository.js';
import { effectiveCategory } from '../../incidents/view.js';
import type { Database } from '../schema.js';

/**
 * What the desk's list needs to filter, search and sort in SQL (issue 9: the list stopped at
 * the 500 newest and filtered « overdue » after the cut):
 * - next_due_at, the earliest deadline still owed, so « overdue » is next_due_at < now;
 * - search_text, reference, title, excerpt and category folded (lower case, no accents), so the
 *   search behaves the same on SQLite and PostgreSQL.
 * Existing rows are backfilled with the service's own code, which keeps both columns current
 * afterwards; titles written with a network's id (« Menaces — facebook ») get its name.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Database>;
  await db.schema.alterTable('incidents').addColumn('next_due_at', 'text').execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('incidents_establishment_created')
    .on('incidents')
    .columns(['establishment_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('incidents_establishment_due')
    .on('incidents')
    .columns(['establishment_id', 'next_due_at'])
    .execute();

  const rows = await db
    .selectFrom('incidents')
    .leftJoin('reports', 'reports.id', 'incidents.report_id')
    .selectAll('incidents')
    .select('reports.network as network')
    .execute();
  for (const row of rows) {
    if (row.network !== null) {
      const title = incidentTitle(effectiveCategory(row), row.network);
      if (title !== row.title) {
        await db.updateTable('incidents').set({ title }).where('id', '=', row.id).execute();
      }
    }
    await refreshListKeys(db, row.establishment_id, row.id);
  }
}

export async function down(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Database>;
  await db.schema.dropIndex('incidents_establishment_due').ifExists().execute();
  await db.schema.dropIndex('incidents_establishment_created').ifExists().execute();
  await db.schema.alterTable('incidents').dropColumn('search_text').execute();
  await db.schema.alterTable('incidents').dropColumn('next_due_at').execute();
}
