import type { Transaction } from 'kysely';
import { type AuditEntry, appendAudit } from '../audit/audit-log.js';
import type { Config } from '../config/config.js';
import type { Storage } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Clock } from './clock.js';

/** What every module's service receives: storage, configuration and the time. */
export interface AppContext {
  readonly storage: Storage;
  readonly config: Config;
  readonly clock: Clock;
}

/** A transaction with its audit log at hand: every change is audited in the same transaction. */
export interface Unit {
  readonly trx: Transaction<Database>;
  readonly now: Date;
  audit(entry: AuditEntry): Promise<void>;
}

/** Runs `work` in one transaction; the audit entries it appends commit or roll back with it. */
export function inUnit<T>(context: AppContext, work: (unit: Unit) => Promise<T>): Promise<T> {
  return context.storage.db.transaction().execute(async (trx) => {
    const now = context.clock();
    return work({ trx, now, audit: (entry) => appendAudit(trx, context.storage.dialect, now, entry) });
  });
}
