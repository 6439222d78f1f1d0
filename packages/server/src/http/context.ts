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
  /**
   * Work to do once the transaction has committed, never inside it: sending an e-mail must
   * neither hold the transaction open nor announce a change that then rolls back. The task runs
   * detached; its failure is its own to report.
   */
  afterCommit(task: (context: AppContext) => Promise<void>): void;
}

/** Runs `work` in one transaction; the audit entries it appends commit or roll back with it. */
export async function inUnit<T>(context: AppContext, work: (unit: Unit) => Promise<T>): Promise<T> {
  const tasks: ((context: AppContext) => Promise<void>)[] = [];
  const result = await context.storage.db.transaction().execute(async (trx) => {
    const now = context.clock();
    return work({
      trx,
      now,
      audit: (entry) => appendAudit(trx, context.storage.dialect, now, entry),
      afterCommit: (task) => tasks.push(task),
    });
  });
  for (const task of tasks) runDetached(context, task);
  return result;
}

/** Tasks still running after their commit, so tests and shutdown can wait for them. */
const pending = new WeakMap<AppContext, Set<Promise<void>>>();

function runDetached(context: AppContext, task: (context: AppContext) => Promise<void>): void {
  const running = pending.get(context) ?? new Set<Promise<void>>();
  pending.set(context, running);
  const promise = task(context).catch((error: unknown) => {
    // Tasks handle their own failures (mail retries and logs); this is the last resort.
    console.error(
      'blouse: tâche après validation en échec :',
      error instanceof Error ? error.message : error,
    );
  });
  running.add(promise);
  void promise.finally(() => running.delete(promise));
}

/** Resolves when every after-commit task started so far has finished (tests, shutdown). */
export async function afterCommitIdle(context: AppContext): Promise<void> {
  for (;;) {
    const running = [...(pending.get(context) ?? [])];
    if (running.length === 0) return;
    await Promise.all(running);
  }
}
