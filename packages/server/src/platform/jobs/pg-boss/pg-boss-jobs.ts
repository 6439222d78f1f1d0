import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Storage } from '../../../db/database.js';
import {
  type CheckedJob,
  checkJob,
  checkQueueName,
  describeFailure,
  JobInputError,
  JobsNotRunningError,
} from '../job-input.js';
import type { JobHandler, JobPayload, Jobs, SendOptions } from '../jobs.js';
import { KyselyBossDb } from './kysely-db.js';

export interface PgBossJobsOptions {
  /** The application's PostgreSQL database: pg-boss keeps its tables in their own schema there. */
  readonly storage: Storage;
  /** pg-boss's schema (default blouse_jobs). */
  readonly schema?: string;
  /** How often an idle worker asks for jobs (default 2 s; pg-boss refuses less than 0.5 s). */
  readonly pollingIntervalSeconds?: number;
  /** Jobs of one queue run at once by this process (default 2): one pg-boss worker each. */
  readonly concurrency?: number;
  /**
   * Longest run of one job (default 15 min): past it pg-boss takes the run for dead (its process
   * was killed) and retries the job. pg-boss 10 has no heartbeat: a handler must finish within it.
   */
  readonly expireInSeconds?: number;
  /** How often expired runs are looked for, by one of the processes (default 120 s, at least 1). */
  readonly maintenanceIntervalSeconds?: number;
  /** How long stop() waits for running handlers (default 30 s); past it pg-boss fails them for a retry. */
  readonly stopTimeoutMs?: number;
  /** pg-boss's own errors (a poll that could not reach the database): it keeps going. */
  readonly onError?: (error: unknown) => void;
}

export const DEFAULT_PG_BOSS_SCHEMA = 'blouse_jobs';

type EngineState = 'created' | 'starting' | 'started' | 'stopping' | 'stopped';

function reportToStderr(error: unknown): void {
  process.stderr.write(`tâches (pg-boss) : ${describeFailure(error)}\n`);
}

/**
 * The Jobs engine of PostgreSQL deployments: pg-boss 10, in its own schema of the application's
 * database, so that several server processes share the queues (each job taken by one of them,
 * `for update skip locked`), and a run whose process died is retried after expireInSeconds.
 */
export class PgBossJobs implements Jobs {
  readonly #storage: Storage;
  readonly #schema: string;
  readonly #db: KyselyBossDb;
  readonly #boss: PgBoss;
  readonly #pollingIntervalSeconds: number;
  readonly #concurrency: number;
  readonly #stopTimeoutMs: number;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #queues = new Map<string, Promise<void>>();
  #state: EngineState = 'created';
  #handling = 0;

  constructor(options: PgBossJobsOptions) {
    if (options.storage.dialect !== 'postgres') {
      throw new JobInputError('pg-boss a besoin de PostgreSQL : utilisez le moteur en processus sur SQLite');
    }
    this.#storage = options.storage;
    this.#schema = options.schema ?? DEFAULT_PG_BOSS_SCHEMA;
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.#concurrency = options.concurrency ?? 2;
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
    if (!Number.isInteger(this.#concurrency) || this.#concurrency < 1) {
      throw new JobInputError('concurrency doit être un entier positif');
    }
    this.#db = new KyselyBossDb(options.storage.db);
    // pg-boss checks the rest of its settings (schema name, intervals) and says which is wrong.
    this.#boss = new PgBoss({
      db: this.#db,
      schema: this.#schema,
      // No cron schedules here, so no clock-skew monitor or cron polling either.
      schedule: false,
      supervise: true,
      migrate: true,
      pollingIntervalSeconds: this.#pollingIntervalSeconds,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 120,
    });
    // An EventEmitter's unheard 'error' would crash the process.
    this.#boss.on('error', options.onError ?? reportToStderr);
  }

  async send(queue: string, data: JobPayload, options?: SendOptions): Promise<string | null> {
    const job = checkJob(queue, data, options);
    if (this.#state !== 'started') throw new JobsNotRunningError(notRunning(this.#state));
    await this.#queue(queue);
    const sendOptions: PgBoss.SendOptions = {
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelaySeconds,
      // pg-boss doubles the delay at each retry and adds up to as much again at random (jitter),
      // and waits at least a second: retryDelay × 2^(attempt − 1) is the least it waits.
      retryBackoff: true,
      ...(job.startAfter === null ? {} : { startAfter: job.startAfter }),
    };
    if (job.singletonKey === null) return this.#boss.send(queue, data, sendOptions);
    return this.#sendSingleton(job, data, { ...sendOptions, singletonKey: job.singletonKey });
  }

  async work<T extends JobPayload>(queue: string, handler: JobHandler<T>): Promise<void> {
    checkQueueName(queue);
    if (this.#handlers.has(queue)) throw new JobInputError(`la file « ${queue} » a déjà son traitement`);
    if (this.#state === 'stopping' || this.#state === 'stopped') {
      throw new JobsNotRunningError(notRunning(this.#state));
    }
    this.#handlers.set(queue, handler as JobHandler);
    // Before start, pg-boss's schema may not exist yet: start() registers the workers.
    if (this.#state === 'started') await this.#listen(queue, handler as JobHandler);
  }

  async start(): Promise<void> {
    if (this.#state !== 'created') throw new JobsNotRunningError('le moteur de tâches a déjà été démarré');
    this.#state = 'starting';
    // Creates or migrates pg-boss's schema (under its advisory lock: several processes may start).
    await this.#boss.start();
    this.#state = 'started';
    for (const [queue, handler] of this.#handlers) await this.#listen(queue, handler);
  }

  async stop(): Promise<void> {
    if (this.#state === 'created') {
      this.#state = 'stopped';
      return;
    }
    if (this.#state === 'stopping' || this.#state === 'stopped') return;
    this.#state = 'stopping';
    const deadline = Date.now() + this.#stopTimeoutMs;
    // close: false: the pool is the application's, closed with its storage.
    await this.#boss.stop({ graceful: true, wait: true, timeout: this.#stopTimeoutMs, close: false });
    // A worker whose fetch was under way when pg-boss stopped may still start its job, and pg-boss
    // sends the completion without awaiting it: wait until both are over.
    while ((this.#handling > 0 || this.#db.inFlight > 0) && Date.now() < deadline) await sleep(20);
    this.#state = 'stopped';
  }

  /**
   * pg-boss 10 deduplicates by singleton key only on special queue policies, which also limit the
   * jobs without a key; here a standard queue, and the check this interface promises: no second
   * job while one with the key is waiting, retrying or running. A transaction-scoped advisory lock
   * on (queue, key) makes check-then-insert atomic across processes; the insert joins the
   * transaction through pg-boss's `db` option.
   */
  async #sendSingleton(
    job: CheckedJob,
    data: JobPayload,
    options: PgBoss.SendOptions,
  ): Promise<string | null> {
    const key = job.singletonKey as string;
    return this.#storage.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`${this.#schema}:${job.queue}:${key}`}))`.execute(
        trx,
      );
      const taken = await sql`select 1 from ${sql.id(this.#schema, 'job')}
        where name = ${job.queue} and singleton_key = ${key} and state < 'completed' limit 1`.execute(trx);
      if (taken.rows.length > 0) return null;
      return this.#boss.send(job.queue, data, { ...options, db: new KyselyBossDb(trx) });
    });
  }

  /** pg-boss 10 stores jobs only in queues created beforehand (a send to another is dropped). */
  #queue(queue: string): Promise<void> {
    let created = this.#queues.get(queue);
    if (created === undefined) {
      created = this.#boss.createQueue(queue, { name: queue, policy: 'standard' });
      created.catch(() => this.#queues.delete(queue));
      this.#queues.set(queue, created);
    }
    return created;
  }

  async #listen(queue: string, handler: JobHandler): Promise<void> {
    await this.#queue(queue);
    const options = {
      batchSize: 1,
      includeMetadata: true as const,
      pollingIntervalSeconds: this.#pollingIntervalSeconds,
    };
    for (let worker = 0; worker < this.#concurrency; worker++) {
      let workerId: string | null = null;
      // pg-boss 10 hands a worker an array of jobs; with batchSize 1 it holds one.
      workerId = await this.#boss.work<JobPayload>(queue, options, async (jobs) => {
        for (const job of jobs) {
          this.#handling += 1;
          try {
            await handler({ id: job.id, queue, data: job.data, attempt: job.retryCount + 1 });
          } finally {
            this.#handling -= 1;
            // Otherwise a pg-boss 10 worker sleeps out its polling interval after every job, even
            // with more waiting: this asks it to look for the next one at once.
            if (workerId !== null) this.#boss.notifyWorker(workerId);
          }
        }
      });
    }
  }
}

function notRunning(state: EngineState): string {
  return state === 'created' || state === 'starting'
    ? 'le moteur de tâches n’est pas démarré : appelez start() avant send()'
    : 'le moteur de tâches est arrêté';
}
