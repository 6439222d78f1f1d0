import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditFilter {
  /** Exact action (« user.disable »), or a family with a trailing dot (« user. »). */
  readonly action?: string | undefined;
  readonly actorId?: string | undefined;
  /** ISO instants, inclusive `from`, exclusive `to`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** One establishment's audit entries, newest first, from before `beforeSeq` if given, filtered. */
export function listEstablishmentEntries(
  db: Kysely<Database> | Transaction<Database>,
  establishmentId: string,
  limit: number,
  beforeSeq: number | undefined,
  filter: AuditFilter = {},
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
  if (filter.action !== undefined) {
    query = filter.action.endsWith('.')
      ? query.where('audit_log.action', 'like', `${filter.action}%`)
      : query.where('audit_log.action', '=', filter.action);
  }
  if (filter.actorId !== undefined) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.from !== undefined) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('audit_log.at', '<', filter.to);
  return query.orderBy('audit_log.seq', 'desc').limit(limit).execute();
}
