import type { Storage } from '../../db/database.js';
import { InProcessJobs, type InProcessJobsOptions } from './in-process/in-process-jobs.js';
import type { Jobs } from './jobs.js';
import { PgBossJobs, type PgBossJobsOptions } from './pg-boss/pg-boss-jobs.js';

export type JobEngineName = 'in-process' | 'pg-boss';

export interface OpenJobsOptions {
  /** Settings for the in-process engine (SQLite), all optional. */
  readonly inProcess?: Omit<InProcessJobsOptions, 'storage'>;
  /** Settings for pg-boss (PostgreSQL), all optional. */
  readonly pgBoss?: Omit<PgBossJobsOptions, 'storage'>;
  /** Forces an engine (tests run the in-process engine on PostgreSQL); by default, the dialect's. */
  readonly engine?: JobEngineName;
}

export interface OpenedJobs extends Jobs {
  readonly engine: JobEngineName;
}

/**
 * The jobs engine for this database: in-process on SQLite (one server process: the `jobs` table
 * of migration 0008), pg-boss on PostgreSQL (several server processes share its queues). The
 * caller registers its handlers with work(), then start(); stop() before closing the storage.
 */
export function openJobs(storage: Storage, options: OpenJobsOptions = {}): OpenedJobs {
  const engine = options.engine ?? (storage.dialect === 'postgres' ? 'pg-boss' : 'in-process');
  const jobs: Jobs =
    engine === 'pg-boss'
      ? new PgBossJobs({ ...options.pgBoss, storage })
      : new InProcessJobs({ ...options.inProcess, storage });
  return {
    engine,
    send: (queue, data, sendOptions) => jobs.send(queue, data, sendOptions),
    work: (queue, handler) => jobs.work(queue, handler),
    start: () => jobs.start(),
    stop: () => jobs.stop(),
  };
}
