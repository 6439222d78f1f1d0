import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** One establishment's audit entries, newest first, from before `beforeSeq` if given. */
export function listEstablishmentEntries(
  db: Kysely<Database> | Transaction<Database>,
  establishmentId: string,
  limit: number,
  beforeSeq: number | undefined,
) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.actor_id',
      'users.display_name as actor_name',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.detail',
      'audit_log.hash',
    ])
    .where('audit_log.establishment_id', '=', establishmentId);
  if (beforeSeq !== undefined) query = query.where('audit_log.seq', '<', beforeSeq);
  return query.orderBy('audit_log.seq', 'desc').limit(limit).execute();
}
