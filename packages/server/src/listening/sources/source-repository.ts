import type { Kysely, Transaction } from 'kysely';
import type { Database, Row, RowUpdate } from '../../db/schema.js';

/** SQL of the listening sources and their reading state. */
type Db = Kysely<Database> | Transaction<Database>;

export type SourceRow = Row<'listening_sources'>;

/** An establishment's own sources (the shared ones belong to the deployment, not to them). */
export function listSources(db: Db, establishmentId: string): Promise<SourceRow[]> {
  return db
    .selectFrom('listening_sources')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every enabled source of the deployment, shared or not: what the listening service runs. */
export function listEnabledSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('listening_sources').selectAll().where('enabled', '=', 1).orderBy('id').execute();
}

export function findSource(db: Db, establishmentId: string, id: string): Promise<SourceRow | undefined> {
  return db
    .selectFrom('listening_sources')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSourceById(db: Db, id: string): Promise<SourceRow | undefined> {
  return db.selectFrom('listening_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSource(db: Db, row: SourceRow): Promise<void> {
  await db.insertInto('listening_sources').values(row).execute();
}

export async function updateSource(
  db: Db,
  id: string,
  changes: RowUpdate<'listening_sources'>,
): Promise<void> {
  await db.updateTable('listening_sources').set(changes).where('id', '=', id).execute();
}

export async function deleteSource(db: Db, establishmentId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('listening_sources')
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
