import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** SQL of what « Formation » reads and writes about members: their service, and the rates' facts. */
type Db = Kysely<Database> | Transaction<Database>;

export async function serviceOf(db: Db, establishmentId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .select('service')
    .where('establishment_id', '=', establishmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.service ?? null;
}

/** Sets a member's service; false when they are not a member here. */
export async function setService(
  db: Db,
  establishmentId: string,
  userId: string,
  service: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('memberships')
    .set({ service })
    .where('establishment_id', '=', establishmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** One active member's facts for the rates: never their name nor their id. */
export interface MemberFacts {
  readonly service: string | null;
  readonly acknowledged: boolean;
  readonly score: number | null;
  readonly total: number | null;
}

/**
 * Every active member of the establishment with whether they acknowledged this text of this
 * version, and their last quiz score. Identities are not selected: the rates need none.
 */
export async function memberFacts(
  db: Db,
  establishmentId: string,
  charter: { readonly version: number; readonly sha256: string },
): Promise<MemberFacts[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('charter_acknowledgements as a', (join) =>
      join
        .onRef('a.user_id', '=', 'm.user_id')
        .onRef('a.establishment_id', '=', 'm.establishment_id')
        .on('a.version', '=', charter.version)
        .on('a.sha256', '=', charter.sha256),
    )
    .leftJoin('quiz_results as q', (join) =>
      join.onRef('q.user_id', '=', 'm.user_id').onRef('q.establishment_id', '=', 'm.establishment_id'),
    )
    .select([
      'm.service as service',
      'a.version as acknowledged_version',
      'q.score as score',
      'q.total as total',
    ])
    .where('m.establishment_id', '=', establishmentId)
    .where('u.disabled', '=', 0)
    .execute();
  return rows.map((row) => ({
    service: row.service,
    acknowledged: row.acknowledged_version !== null,
    score: row.score === null ? null : Number(row.score),
    total: row.total === null ? null : Number(row.total),
  }));
}
