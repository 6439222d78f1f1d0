import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { DialectName, Storage } from '../db/database.js';
import {
  type JobEngineName,
  type OpenedJobs,
  type OpenJobsOptions,
  openJobs,
} from '../platform/jobs/open-jobs.js';
import { DEFAULT_PG_BOSS_SCHEMA } from '../platform/jobs/pg-boss/pg-boss-jobs.js';

/** An engine on a database: the jobs tests run against each. */
export interface JobEngineCase {
  readonly name: string;
  readonly engine: JobEngineName;
  readonly dialect: DialectName;
}

export const JOB_ENGINE_CASES: readonly JobEngineCase[] = [
  { name: 'in-process on sqlite', engine: 'in-process', dialect: 'sqlite' },
  { name: 'in-process on postgres', engine: 'in-process', dialect: 'postgres' },
  { name: 'pg-boss on postgres', engine: 'pg-boss', dialect: 'postgres' },
];

/**
 * Short intervals, so that tests wait for conditions rather than for the production defaults:
 * a dead run is noticed after 3 s, an idle poller looks every 50 ms (pg-boss: 0.5 s, its least).
 */
export const QUICK_JOBS: OpenJobsOptions = {
  inProcess: { pollIntervalMs: 50, leaseSeconds: 3, stopTimeoutMs: 20_000 },
  pgBoss: {
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    expireInSeconds: 3,
    stopTimeoutMs: 20_000,
  },
};

export function openTestJobs(engineCase: JobEngineCase, storage: Storage): OpenedJobs {
  return openJobs(storage, { ...QUICK_JOBS, engine: engineCase.engine });
}

export type StoredJobState = 'pending' | 'running' | 'done' | 'failed';

/** What either engine stored about a job, in the in-process engine's words. */
export interface StoredJob {
  readonly state: StoredJobState;
  /** Runs started so far. */
  readonly attempts: number;
  readonly lastError: string | null;
}

const BOSS_STATES: Record<string, StoredJobState> = {
  created: 'pending',
  retry: 'pending',
  active: 'running',
  completed: 'done',
  failed: 'failed',
};

export async function storedJob(
  engine: JobEngineName,
  storage: Storage,
  id: string,
): Promise<StoredJob | null> {
  if (engine === 'in-process') {
    const row = await storage.db
      .selectFrom('jobs')
      .select(['state', 'attempt', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined
      ? null
      : { state: row.state, attempts: Number(row.attempt), lastError: row.last_error };
  }
  const { rows } = await sql<{
    state: string;
    retry_count: number;
    started_on: Date | null;
    message: string | null;
  }>`
    select state, retry_count, started_on, output->>'message' as message
    from ${sql.id(DEFAULT_PG_BOSS_SCHEMA, 'job')} where id = ${id}::uuid`.execute(storage.db);
  const row = rows[0];
  if (row === undefined) return null;
  return {
    state: BOSS_STATES[row.state] ?? 'failed',
    // pg-boss counts retries, and only once a run has started.
    attempts: row.started_on === null ? 0 : row.retry_count + 1,
    lastError: row.message,
  };
}

/** Polls `condition` until it holds; fails with `what` after a generous limit (a loaded machine). */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`toujours pas après ${timeoutMs} ms : ${what}`);
    await sleep(25);
  }
}
