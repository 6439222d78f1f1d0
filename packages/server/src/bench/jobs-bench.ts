import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { openJobs } from '../platform/jobs/open-jobs.js';
import { type JobsThroughput, measureJobsThroughput } from './jobs-throughput.js';

export interface JobsBenchSettings {
  readonly jobs: number;
}

export const DEFAULT_JOBS_BENCH_SETTINGS: JobsBenchSettings = { jobs: 1_000 };

export interface JobsBenchResult extends JobsThroughput {
  readonly engine: string;
}

/**
 * The background jobs engine `blouse serve` opens on the embedded database (in-process, SQLite),
 * on a temporary file: empty jobs sent one by one, then worked. PostgreSQL's pg-boss is measured
 * by jobs-throughput.test.ts (it needs the server).
 */
export async function runJobsBench(settings: JobsBenchSettings): Promise<JobsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'blouse-jobs-'));
  const storage = openStorage(`sqlite:${join(dir, 'blouse.sqlite')}`);
  try {
    await migrateToLatest(storage);
    const jobs = openJobs(storage);
    await jobs.start();
    try {
      return {
        engine: `${jobs.engine}, SQLite`,
        ...(await measureJobsThroughput(jobs, 'bench', settings.jobs)),
      };
    } finally {
      await jobs.stop();
    }
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
