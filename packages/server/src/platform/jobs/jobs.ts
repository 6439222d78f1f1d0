/**
 * Background work that survives restarts: publishing at a time, polling a source, delivering an
 * alert. One interface, two engines: in-process over the database's `jobs` table on SQLite, and
 * pg-boss on PostgreSQL (several worker processes share the queue).
 */
export type JobPayload = { readonly [key: string]: unknown };

export interface SendOptions {
  /** Not before this time (a scheduled publication, a retry of a poll). */
  readonly startAfter?: Date;
  /** At most one job with this key is waiting or running in the queue: a second send is ignored. */
  readonly singletonKey?: string;
  /** Attempts after the first one fails (default 3). */
  readonly retryLimit?: number;
  /** Seconds before the first retry, doubled at each one (default 30). */
  readonly retryDelaySeconds?: number;
}

export interface JobRun<T extends JobPayload = JobPayload> {
  readonly id: string;
  readonly queue: string;
  readonly data: T;
  /** 1 for the first try. */
  readonly attempt: number;
}

export type JobHandler<T extends JobPayload = JobPayload> = (job: JobRun<T>) => Promise<void>;

export interface Jobs {
  /** Queues a job; returns its id, or null when a job with the same singleton key is pending. */
  send(queue: string, data: JobPayload, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for the queue's jobs from now on; a handler that throws is retried. */
  work<T extends JobPayload>(queue: string, handler: JobHandler<T>): Promise<void>;
  /** Starts taking jobs (jobs sent before start wait for it). */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish; unfinished jobs run after a restart. */
  stop(): Promise<void>;
}
