import type { Storage } from '../../../db/database.js';
import { type Clock, systemClock } from '../../../http/clock.js';
import {
  checkJob,
  checkQueueName,
  describeFailure,
  JobInputError,
  JobsNotRunningError,
} from '../job-input.js';
import type { JobHandler, JobPayload, Jobs, SendOptions } from '../jobs.js';
import { type ClaimedJob, JobStore } from './job-store.js';

export interface InProcessJobsOptions {
  readonly storage: Storage;
  /** The time jobs are due by (startAfter, back-off, leases); the poller itself waits in real time. */
  readonly clock?: Clock;
  /** How often the database is asked for due jobs when nothing woke the poller (default 1 s). */
  readonly pollIntervalMs?: number;
  /** Jobs run at once by this engine (default 2). */
  readonly concurrency?: number;
  /**
   * How long a running job is leased (default 60 s), renewed every third of it while its handler
   * works: past it, the job's process is taken for dead and another poller runs the job again.
   */
  readonly leaseSeconds?: number;
  /** How long stop() waits for running handlers (default 30 s); past it their leases expire. */
  readonly stopTimeoutMs?: number;
  /** Finished jobs are deleted after this many days (default 14). */
  readonly keepFinishedDays?: number;
  /** A database error while polling: the poller keeps going, this says why it could not. */
  readonly onError?: (error: unknown) => void;
}

type EngineState = 'created' | 'started' | 'stopping' | 'stopped';

const PURGE_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function reportToStderr(error: unknown): void {
  process.stderr.write(`tâches : la file n’a pas pu être lue (${describeFailure(error)})\n`);
}

/**
 * The Jobs engine of the SQLite deployment: jobs in the database's `jobs` table, a poller in this
 * process. It also runs on PostgreSQL (several pollers share the table safely there too), which
 * the tests use; production PostgreSQL deployments use pg-boss instead (open-jobs.ts).
 */
export class InProcessJobs implements Jobs {
  readonly #store: JobStore;
  readonly #clock: Clock;
  readonly #pollIntervalMs: number;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #stopTimeoutMs: number;
  readonly #keepFinishedMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #running = new Set<Promise<void>>();
  #state: EngineState = 'created';
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #woken = false;
  #inCycle = false;
  #cycles = 0;
  #cycleWaiters: { readonly cycle: number; readonly resolve: () => void }[] = [];
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor(options: InProcessJobsOptions) {
    this.#store = new JobStore(options.storage);
    this.#clock = options.clock ?? systemClock;
    this.#pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs ?? 1000);
    this.#concurrency = positive('concurrency', options.concurrency ?? 2);
    this.#leaseMs = positive('leaseSeconds', options.leaseSeconds ?? 60) * 1000;
    this.#stopTimeoutMs = positive('stopTimeoutMs', options.stopTimeoutMs ?? 30_000);
    this.#keepFinishedMs = positive('keepFinishedDays', options.keepFinishedDays ?? 14) * DAY_MS;
    this.#onError = options.onError ?? reportToStderr;
  }

  async send(queue: string, data: JobPayload, options?: SendOptions): Promise<string | null> {
    const job = checkJob(queue, data, options);
    if (this.#state !== 'started') throw new JobsNotRunningError(notRunning(this.#state));
    const now = this.#clock().getTime();
    const id = await this.#store.insert(job, now);
    // A job due now for a queue this process works: no reason to wait for the next poll.
    if (id !== null && this.#handlers.has(queue) && (job.startAfter?.getTime() ?? now) <= now) this.#wakeUp();
    return id;
  }

  async work<T extends JobPayload>(queue: string, handler: JobHandler<T>): Promise<void> {
    checkQueueName(queue);
    if (this.#handlers.has(queue)) throw new JobInputError(`la file « ${queue} » a déjà son traitement`);
    if (this.#state === 'stopping' || this.#state === 'stopped') {
      throw new JobsNotRunningError(notRunning(this.#state));
    }
    this.#handlers.set(queue, handler as JobHandler);
    this.#wakeUp();
  }

  async start(): Promise<void> {
    if (this.#state !== 'created') throw new JobsNotRunningError('le moteur de tâches a déjà été démarré');
    this.#state = 'started';
    this.#loop = this.#pollForever();
  }

  async stop(): Promise<void> {
    if (this.#state !== 'started') {
      this.#state = 'stopped';
      return;
    }
    this.#state = 'stopping';
    this.#wakeUp();
    await this.#loop;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.#stopTimeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.#running]), timeout]);
    clearTimeout(timer);
    this.#state = 'stopped';
    for (const waiter of this.#cycleWaiters.splice(0)) waiter.resolve();
  }

  /**
   * Wakes the poller and resolves once a whole polling cycle has started after this call and
   * ended (the due jobs it found are running). For tests with an injected clock: after moving the
   * clock, this says when the poller has looked at the new time.
   */
  pollNow(): Promise<void> {
    if (this.#state !== 'started') return Promise.resolve();
    const cycle = this.#cycles + (this.#inCycle ? 2 : 1);
    const done = new Promise<void>((resolve) => this.#cycleWaiters.push({ cycle, resolve }));
    this.#wakeUp();
    return done;
  }

  /** Deletes finished jobs older than keepFinishedDays (the poller does it once an hour). */
  purgeFinished(): Promise<number> {
    return this.#store.purgeFinished(this.#clock().getTime() - this.#keepFinishedMs);
  }

  async #pollForever(): Promise<void> {
    while (this.#state === 'started') {
      this.#inCycle = true;
      try {
        await this.#pollOnce();
      } catch (error) {
        this.#onError(error);
      }
      this.#inCycle = false;
      this.#cycles += 1;
      this.#cycleWaiters = this.#cycleWaiters.filter((waiter) => {
        if (waiter.cycle > this.#cycles) return true;
        waiter.resolve();
        return false;
      });
      await this.#sleep();
    }
  }

  async #pollOnce(): Promise<void> {
    const now = this.#clock().getTime();
    await this.#store.failAbandoned(now);
    const queues = [...this.#handlers.keys()];
    while (this.#state === 'started' && this.#running.size < this.#concurrency) {
      const job = await this.#store.claim(queues, this.#clock().getTime(), this.#leaseMs);
      if (job === null) break;
      const run = this.#run(job).finally(() => {
        this.#running.delete(run);
        this.#wakeUp();
      });
      this.#running.add(run);
    }
    if (now - this.#lastPurge >= PURGE_EVERY_MS) {
      this.#lastPurge = now;
      await this.purgeFinished();
    }
  }

  async #run(job: ClaimedJob): Promise<void> {
    const handler = this.#handlers.get(job.queue);
    // The lease is renewed while the handler works, so that a long job is not taken for dead.
    const renewal = setInterval(() => {
      this.#store.renew(job, this.#clock().getTime(), this.#leaseMs).catch(this.#onError);
    }, this.#leaseMs / 3);
    let failure: { readonly error: unknown } | null = null;
    try {
      if (handler === undefined) throw new Error(`aucun traitement pour la file « ${job.queue} »`);
      const data = JSON.parse(job.data) as JobPayload;
      await handler({ id: job.id, queue: job.queue, data, attempt: job.attempt });
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(renewal);
    }
    // Recording the outcome can fail (the database is away): the lease then runs out and the job
    // runs again, which is why handlers must be idempotent (jobs.ts).
    try {
      const now = this.#clock().getTime();
      if (failure === null) await this.#store.complete(job, now);
      else await this.#store.fail(job, describeFailure(failure.error), now);
    } catch (error) {
      this.#onError(error);
    }
  }

  #sleep(): Promise<void> {
    if (this.#woken || this.#state !== 'started') {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, this.#pollIntervalMs);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
    });
  }

  /** Ends the poller's sleep now, or spares it the next one when it is busy polling. */
  #wakeUp(): void {
    if (this.#wake !== null) this.#wake();
    else this.#woken = true;
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new JobInputError(`${name} doit être un nombre positif`);
  return value;
}

function notRunning(state: EngineState): string {
  return state === 'created'
    ? 'le moteur de tâches n’est pas démarré : appelez start() avant send()'
    : 'le moteur de tâches est arrêté';
}
