import type { Kysely, Transaction } from 'kysely';
import type { Database, NewRow, Row } from '../db/schema.js';

/** SQL of the charter's versions and their acknowledgements. */
type Db = Kysely<Database> | Transaction<Database>;

export type CharterVersionRow = Row<'charter_versions'>;
export type AcknowledgementRow = Row<'charter_acknowledgements'>;

/** The establishment's latest published version, if it published any. */
export function latestVersion(db: Db, establishmentId: string): Promise<CharterVersionRow | undefined> {
  return db
    .selectFrom('charter_versions')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Inserts a version unless that number exists already; says whether it did. */
export async function insertVersion(db: Db, row: NewRow<'charter_versions'>): Promise<boolean> {
  const result = await db
    .insertInto('charter_versions')
    .values(row)
    .onConflict((oc) => oc.columns(['establishment_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findAcknowledgement(
  db: Db,
  userId: string,
  establishmentId: string,
  version: number,
): Promise<AcknowledgementRow | undefined> {
  return db
    .selectFrom('charter_acknowledgements')
    .selectAll()
    .where('user_id', '=', userId)
    .where('establishment_id', '=', establishmentId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The person's latest acknowledgement of any version, to say « you acknowledged version 2 ». */
export function lastAcknowledgement(
  db: Db,
  userId: string,
  establishmentId: string,
): Promise<AcknowledgementRow | undefined> {
  return db
    .selectFrom('charter_acknowledgements')
    .selectAll()
    .where('user_id', '=', userId)
    .where('establishment_id', '=', establishmentId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Records an acknowledgement. A row for the same version with another hash (Blouse's default text
 * was reworded by an update while it was still version 1) is replaced: the person read the new text.
 */
export async function upsertAcknowledgement(db: Db, row: AcknowledgementRow): Promise<void> {
  await db
    .insertInto('charter_acknowledgements')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'establishment_id', 'version'])
        .doUpdateSet({ sha256: row.sha256, acknowledged_at: row.acknowledged_at, language: row.language }),
    )
    .execute();
}
