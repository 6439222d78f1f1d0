import { randomUUID } from 'node:crypto';
import { sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { Storage } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import type { CheckedJob } from '../job-input.js';

/** A job this process has just leased: what the handler and the bookkeeping need. */
export interface ClaimedJob {
  readonly id: string;
  readonly queue: string;
  readonly data: string;
  readonly attempt: number;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
}

/** Written as last_error when a job is taken over after its lease ran out. */
export const LEASE_EXPIRED = 'exécution interrompue : le processus qui la menait s’est arrêté (bail expiré)';

type JobUpdate = UpdateQueryBuilder<Database, 'jobs', 'jobs', UpdateResult>;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The in-process engine's statements on the `jobs` table. Every change of state is one statement,
 * so that it is atomic on SQLite (one writer) and on PostgreSQL alike; the finishing statements
 * name the attempt they finish, so that a run whose lease was taken over cannot overwrite the
 * newer run's outcome.
 */
export class JobStore {
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /** Inserts the job; null when a pending or running job already holds its singleton key. */
  async insert(job: CheckedJob, now: number): Promise<string | null> {
    const row = await this.#storage.db
      .insertInto('jobs')
      .values({
        id: randomUUID(),
        queue: job.queue,
        data: job.json,
        state: 'pending',
        run_after: iso(job.startAfter?.getTime() ?? now),
        retry_limit: job.retryLimit,
        retry_delay: job.retryDelaySeconds,
        singleton_key: job.singletonKey,
        locked_until: null,
        last_error: null,
        created_at: iso(now),
        finished_at: null,
      })
      // The unique partial index on (queue, singleton_key) is the only constraint a fresh id can
      // meet: a conflict means the key is taken, and the send is ignored.
      .onConflict((conflict) => conflict.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /**
   * Leases the next due job of these queues: a pending one whose time has come, or a running one
   * whose lease ran out (its process died) and that has attempts left. One UPDATE over a
   * sub-select: SQLite runs it under its single writer; on PostgreSQL `for update skip locked`
   * lets several pollers each take a different job without waiting for one another.
   */
  async claim(queues: readonly string[], now: number, leaseMs: number): Promise<ClaimedJob | null> {
    if (queues.length === 0) return null;
    const at = iso(now);
    const { db, dialect } = this.#storage;
    let next = db
      .selectFrom('jobs')
      .select('id')
      .where('queue', 'in', queues)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('run_after', '<=', at)]),
          eb.and([
            eb('state', '=', 'running'),
            eb('locked_until', '<=', at),
            eb('attempt', '<=', eb.ref('retry_limit')),
          ]),
        ]),
      )
      .orderBy('run_after')
      .orderBy('created_at')
      .limit(1);
    if (dialect === 'postgres') next = next.forUpdate().skipLocked();
    const row = await db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempt: eb('attempt', '+', 1),
        locked_until: iso(now + leaseMs),
        last_error: sql<string | null>`case when state = 'running' then ${LEASE_EXPIRED} else last_error end`,
      }))
      .where('id', '=', next)
      .returning(['id', 'queue', 'data', 'attempt', 'retry_limit', 'retry_delay'])
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      id: row.id,
      queue: row.queue,
      data: row.data,
      attempt: Number(row.attempt),
      retryLimit: Number(row.retry_limit),
      retryDelaySeconds: Number(row.retry_delay),
    };
  }

  /** Extends a running job's lease while its handler works; false when the job is no longer ours. */
  async renew(job: ClaimedJob, now: number, leaseMs: number): Promise<boolean> {
    const result = await this.#ours(
      this.#storage.db.updateTable('jobs').set({ locked_until: iso(now + leaseMs) }),
      job,
    ).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async complete(job: ClaimedJob, now: number): Promise<void> {
    await this.#ours(
      this.#storage.db.updateTable('jobs').set({ state: 'done', locked_until: null, finished_at: iso(now) }),
      job,
    ).execute();
  }

  /**
   * Records a failed run: back to pending after retryDelay × 2^(attempt − 1) seconds while
   * attempts are left, failed for good after that.
   */
  async fail(job: ClaimedJob, error: string, now: number): Promise<'retry' | 'failed'> {
    const update = this.#storage.db.updateTable('jobs');
    if (job.attempt <= job.retryLimit) {
      const backOffMs = job.retryDelaySeconds * 1000 * 2 ** (job.attempt - 1);
      await this.#ours(
        update.set({
          state: 'pending',
          run_after: iso(now + backOffMs),
          locked_until: null,
          last_error: error,
        }),
        job,
      ).execute();
      return 'retry';
    }
    await this.#ours(
      update.set({ state: 'failed', locked_until: null, last_error: error, finished_at: iso(now) }),
      job,
    ).execute();
    return 'failed';
  }

  /** Running jobs whose process died on their last allowed attempt: failed, not run again. */
  async failAbandoned(now: number): Promise<number> {
    const at = iso(now);
    const result = await this.#storage.db
      .updateTable('jobs')
      .set({ state: 'failed', locked_until: null, last_error: LEASE_EXPIRED, finished_at: at })
      .where('state', '=', 'running')
      .where('locked_until', '<=', at)
      .where((eb) => eb('attempt', '>', eb.ref('retry_limit')))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Deletes the jobs finished (done or failed) before `before`. */
  async purgeFinished(before: number): Promise<number> {
    const result = await this.#storage.db
      .deleteFrom('jobs')
      .where('state', 'in', ['done', 'failed'])
      .where('finished_at', '<', iso(before))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  #ours(query: JobUpdate, job: ClaimedJob): JobUpdate {
    return query.where('id', '=', job.id).where('attempt', '=', job.attempt).where('state', '=', 'running');
  }
}
