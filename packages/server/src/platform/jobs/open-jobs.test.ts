import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../db/database.js';
import { createTestStorage, type TestStorage } from '../../test-support/databases.js';
import { JobInputError } from './job-input.js';
import { openJobs } from './open-jobs.js';

describe('openJobs', () => {
  let postgres: TestStorage;
  let sqlite: Storage;
  beforeAll(async () => {
    postgres = await createTestStorage('postgres');
    sqlite = openStorage('sqlite::memory:');
  });
  afterAll(async () => {
    await postgres.dispose();
    await sqlite.close();
  });

  it('picks the in-process engine on SQLite and pg-boss on PostgreSQL', () => {
    expect(openJobs(sqlite).engine).toBe('in-process');
    expect(openJobs(postgres).engine).toBe('pg-boss');
    expect(openJobs(postgres, { engine: 'in-process' }).engine).toBe('in-process');
  });

  it('refuses pg-boss on SQLite, and settings that make no sense, before anything starts', () => {
    expect(() => openJobs(sqlite, { engine: 'pg-boss' })).toThrow(JobInputError);
    expect(() => openJobs(sqlite, { inProcess: { pollIntervalMs: 0 } })).toThrow(/pollIntervalMs/);
    expect(() => openJobs(postgres, { pgBoss: { concurrency: 0 } })).toThrow(/concurrency/);
    expect(() => openJobs(postgres, { pgBoss: { pollingIntervalSeconds: 0.1 } })).toThrow(
      /pollingIntervalSeconds/,
    );
    expect(() => openJobs(postgres, { pgBoss: { schema: 'pas-un-nom' } })).toThrow(/Name/);
  });

  it('starts and stops pg-boss in its own schema of the application database, and again on the next start', async () => {
    for (let run = 0; run < 2; run++) {
      const jobs = openJobs(postgres, { pgBoss: { pollingIntervalSeconds: 0.5 } });
      await jobs.start();
      expect(await jobs.send('open-jobs', { run })).toEqual(expect.any(String));
      await jobs.stop();
    }
    const { rows } = await sql<{ count: string }>`
      select count(*) as count from blouse_jobs.job where name = 'open-jobs'`.execute(postgres.db);
    expect(Number(rows[0]?.count)).toBe(2);
  });
});
