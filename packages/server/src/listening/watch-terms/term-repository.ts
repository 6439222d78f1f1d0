import type { Kysely, Transaction } from 'kysely';
import type { Database, Row } from '../../db/schema.js';

/** SQL of the watch terms. */
type Db = Kysely<Database> | Transaction<Database>;

export type WatchTermRow = Row<'watch_terms'>;

export function listTerms(db: Db, establishmentId: string): Promise<WatchTermRow[]> {
  return db
    .selectFrom('watch_terms')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .orderBy('kind')
    .orderBy('folded')
    .orderBy('id')
    .execute();
}

/** Every term of every establishment: what the one-pass matcher compiles. */
export function listAllTerms(db: Db): Promise<WatchTermRow[]> {
  return db.selectFrom('watch_terms').selectAll().orderBy('id').execute();
}

export function findTerm(db: Db, establishmentId: string, id: string): Promise<WatchTermRow | undefined> {
  return db
    .selectFrom('watch_terms')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Inserts the term unless the establishment already has it (same kind, same folded form);
 * returns whether it was inserted. « on conflict do nothing » on both databases: two
 * administrators adding the same term at once get one row and one clear refusal.
 */
export async function insertTerm(db: Db, row: WatchTermRow): Promise<boolean> {
  const result = await db
    .insertInto('watch_terms')
    .values(row)
    .onConflict((oc) => oc.columns(['establishment_id', 'kind', 'folded']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deleteTerm(db: Db, establishmentId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('watch_terms')
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
