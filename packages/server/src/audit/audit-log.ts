import type { Transaction } from 'kysely';
import { type DialectName, lockChain } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { auditHash, GENESIS_HASH } from './audit-chain.js';

export interface AuditEntry {
  readonly establishmentId: string | null;
  /** Null for the system and for anonymous reporters, who are never recorded. */
  readonly actorId: string | null;
  /** « report.create », « incident.read », « evidence.export »… */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  /** Facts about the change; never a post's text or a patient's data. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * Appends one entry to the hash-chained audit log, inside the caller's transaction, so that the
 * change and its trace are written together or not at all. Appends are serialised (see
 * lockChain), which keeps the chain linear under concurrent requests and across processes.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  dialect: DialectName,
  at: Date,
  entry: AuditEntry,
): Promise<void> {
  await lockChain(trx, dialect, 'audit_log');
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    establishment_id: entry.establishmentId,
    actor_id: entry.actorId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: auditHash(prevHash, fields) })
    .execute();
}
