/**
 * Background work that survives restarts: publishing at a time, polling a source, delivering an
 * alert. One interface, two engines: in-process over the database's `jobs` table on SQLite, and
 * pg-boss on PostgreSQL (several worker processes share the queue). open-jobs.ts picks one.
 *
 * Delivery is at least once: a run whose process dies (or whose outcome cannot be recorded) runs
 * again, so a handler must be idempotent (check what it already did, or use a unique key).
 */

/** Stored as JSON: a Date in it comes back as its ISO text, undefined members disappear. */
export type JobPayload = { readonly [key: string]: unknown };

export interface SendOptions {
  /** Not before this time (a scheduled publication, a retry of a poll). */
  readonly startAfter?: Date;
  /**
   * At most one job with this key is waiting (or waiting for a retry) or running in the queue: a
   * second send is ignored and returns null. Once the job is done or failed, the key is free.
   */
  readonly singletonKey?: string;
  /** Attempts after the first one fails (default 3; whole number). */
  readonly retryLimit?: number;
  /**
   * Seconds before the first retry, doubled at each one (default 30; whole seconds): the n-th
   * retry waits retryDelaySeconds × 2^(n−1). pg-boss waits at least 1 s and adds up to as much
   * again at random, so that many failing jobs do not all come back at once.
   */
  readonly retryDelaySeconds?: number;
}

export interface JobRun<T extends JobPayload = JobPayload> {
  readonly id: string;
  readonly queue: string;
  readonly data: T;
  /** 1 for the first try; a run interrupted by a crash counts as a try. */
  readonly attempt: number;
}

export type JobHandler<T extends JobPayload = JobPayload> = (job: JobRun<T>) => Promise<void>;

export interface Jobs {
  /**
   * Queues a job; returns its id, or null when a job with the same singleton key is pending.
   * Only between start() and stop() (JobsNotRunningError otherwise); a bad queue name, payload or
   * option is a JobInputError (job-input.ts).
   */
  send(queue: string, data: JobPayload, options?: SendOptions): Promise<string | null>;
  /**
   * Runs `handler` for the queue's jobs from now on (one handler per queue and engine; before or
   * after start()); a handler that throws is retried, its error kept with the job.
   */
  work<T extends JobPayload>(queue: string, handler: JobHandler<T>): Promise<void>;
  /** Starts taking jobs, those stored before (by an earlier run, another process) included. Once. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish; unfinished jobs run after a restart. */
  stop(): Promise<void>;
}
