import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../db/database.js';
import { createTestStorage, type TestStorage } from '../../test-support/databases.js';
import { JOB_ENGINE_CASES, openTestJobs, storedJob, waitFor } from '../../test-support/job-engines.js';
import { JobInputError, JobsNotRunningError } from './job-input.js';
import type { JobRun, Jobs } from './jobs.js';

/**
 * What the Jobs interface promises, checked on each engine and real database: the in-process
 * engine on a SQLite file and on PostgreSQL, pg-boss on PostgreSQL. Every wait is for a condition;
 * times are compared only as lower bounds (a job may run late on a loaded machine, never early).
 */
describe.each(JOB_ENGINE_CASES)('jobs: $name', (engineCase) => {
  let storage: TestStorage;
  const engines: Jobs[] = [];
  const storages: Storage[] = [];

  beforeAll(async () => {
    storage = await createTestStorage(engineCase.dialect);
  });
  afterAll(async () => {
    for (const engine of engines) await engine.stop();
    for (const extra of storages) await extra.close();
    await storage.dispose();
  });

  /** An engine on the test database, or on a connection of its own (another "process"). */
  function engine(on: Storage = storage): Jobs {
    const jobs = openTestJobs(engineCase, on);
    engines.push(jobs);
    return jobs;
  }
  function connection(): Storage {
    const opened = openStorage(storage.url);
    storages.push(opened);
    return opened;
  }
  const stored = (id: string) => storedJob(engineCase.engine, storage, id);
  const isState = (id: string, state: string) => async () => (await stored(id))?.state === state;

  it('runs a sent job once, with its data, as attempt 1, and marks it done', async () => {
    const jobs = engine();
    const runs: JobRun[] = [];
    await jobs.work('send-work', async (job) => {
      runs.push(job);
    });
    await jobs.start();
    const id = await jobs.send('send-work', { sourceId: 's-1', terms: ['CHU', 'urgences'], n: 3 });
    expect(id).toEqual(expect.any(String));
    await waitFor('the job is done', isState(id as string, 'done'));
    expect(runs).toEqual([
      { id, queue: 'send-work', data: { sourceId: 's-1', terms: ['CHU', 'urgences'], n: 3 }, attempt: 1 },
    ]);
    expect(await stored(id as string)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('does not start a job before its startAfter', async () => {
    const jobs = engine();
    const ranAt = new Map<string, number>();
    await jobs.work('later', async (job) => {
      ranAt.set(job.id, Date.now());
    });
    await jobs.start();
    const startAfter = new Date(Date.now() + 1500);
    const later = (await jobs.send('later', { what: 'later' }, { startAfter })) as string;
    const now = (await jobs.send('later', { what: 'now' })) as string;
    await waitFor('both jobs ran', () => ranAt.size === 2);
    expect(ranAt.get(later)).toBeGreaterThanOrEqual(startAfter.getTime());
    // The job due now did not wait behind the scheduled one.
    expect(ranAt.get(now)).toBeLessThan(ranAt.get(later) as number);
  });

  it('keeps one job per singleton key while it waits or runs, and takes the key again after', async () => {
    const jobs = engine();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started: string[] = [];
    await jobs.work('single', async (job) => {
      started.push(job.id);
      await gate;
    });
    await jobs.start();
    // Waiting: a queue nobody works here.
    const waiting = await jobs.send('single-idle', { n: 1 }, { singletonKey: 'source:42' });
    expect(waiting).toEqual(expect.any(String));
    expect(await jobs.send('single-idle', { n: 2 }, { singletonKey: 'source:42' })).toBeNull();
    expect(await jobs.send('single-idle', { n: 3 }, { singletonKey: 'source:43' })).toEqual(
      expect.any(String),
    );
    // Running.
    const running = (await jobs.send('single', { n: 1 }, { singletonKey: 'source:42' })) as string;
    expect(running).toEqual(expect.any(String));
    await waitFor('the singleton job runs', () => started.includes(running));
    expect(await jobs.send('single', { n: 2 }, { singletonKey: 'source:42' })).toBeNull();
    expect(await stored(running)).toMatchObject({ state: 'running' });
    release();
    await waitFor('the singleton job is done', isState(running, 'done'));
    // Finished: the key is free.
    const next = await jobs.send('single', { n: 3 }, { singletonKey: 'source:42' });
    expect(next).toEqual(expect.any(String));
    expect(next).not.toBe(running);
    await waitFor('the next one is done', isState(next as string, 'done'));
  });

  it('lets only one of many racing sends with the same singleton key through', async () => {
    const jobs = engine();
    await jobs.start();
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, n) => jobs.send('single-race', { n }, { singletonKey: 'poll:feed-7' })),
    );
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
  });

  it('retries a failing handler with exponential back-off, then marks the job failed', async () => {
    const jobs = engine();
    const runs: { attempt: number; at: number }[] = [];
    await jobs.work('flaky', async (job) => {
      runs.push({ attempt: job.attempt, at: Date.now() });
      throw new Error(`la source ne répond pas (essai ${job.attempt})`);
    });
    await jobs.start();
    const id = (await jobs.send('flaky', { n: 1 }, { retryLimit: 2, retryDelaySeconds: 1 })) as string;
    await waitFor('the job failed for good', isState(id, 'failed'));
    expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    // retryDelaySeconds × 2^(attempt − 1): at least 1 s, then at least 2 s.
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
    expect(third.at - second.at).toBeGreaterThanOrEqual(2000);
    const record = await stored(id);
    expect(record).toMatchObject({ state: 'failed', attempts: 3 });
    expect(record?.lastError).toContain('la source ne répond pas (essai 3)');
  });

  it('runs a job that failed once again, and marks it done when the retry succeeds', async () => {
    const jobs = engine();
    const attempts: number[] = [];
    await jobs.work('second-chance', async (job) => {
      attempts.push(job.attempt);
      if (job.attempt === 1) throw new Error('panne passagère');
    });
    await jobs.start();
    const id = (await jobs.send('second-chance', {}, { retryDelaySeconds: 1 })) as string;
    await waitFor('the retry succeeded', isState(id, 'done'));
    expect(attempts).toEqual([1, 2]);
  });

  it('keeps waiting and scheduled jobs across a restart on the same database', async () => {
    const first = engine(connection());
    await first.start();
    const due = (await first.send('restart', { which: 'due' })) as string;
    const scheduled = (await first.send(
      'restart',
      { which: 'scheduled' },
      { startAfter: new Date(Date.now() + 1000) },
    )) as string;
    await first.stop();

    const second = engine(connection());
    const ran: string[] = [];
    await second.work('restart', async (job) => {
      ran.push(job.data.which as string);
    });
    await second.start();
    await waitFor(
      'both jobs ran after the restart',
      async () => (await stored(due))?.state === 'done' && (await stored(scheduled))?.state === 'done',
    );
    expect(ran.sort()).toEqual(['due', 'scheduled']);
  });

  it('never runs a job twice when two workers share the database', async () => {
    const count = 60;
    const runs = new Map<string, number>();
    const byWorker = [0, 0];
    const workers = [engine(connection()), engine(connection())];
    for (const [index, worker] of workers.entries()) {
      await worker.work('shared', async (job) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        byWorker[index] = (byWorker[index] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
      await worker.start();
    }
    const ids: string[] = [];
    for (let n = 0; n < count; n++)
      ids.push((await (workers[n % 2] as Jobs).send('shared', { n })) as string);
    await waitFor('every shared job is done', async () => {
      for (const id of ids) if ((await stored(id))?.state !== 'done') return false;
      return true;
    });
    expect(runs.size).toBe(count);
    expect([...runs.values()].every((times) => times === 1)).toBe(true);
    expect((byWorker[0] ?? 0) + (byWorker[1] ?? 0)).toBe(count);
  });

  it('refuses bad calls with an error that names the fault', async () => {
    const jobs = engine();
    await expect(jobs.send('early', {})).rejects.toThrow(JobsNotRunningError);
    await jobs.work('twice', async () => {});
    await expect(jobs.work('twice', async () => {})).rejects.toThrow(/déjà son traitement/);
    await jobs.start();
    await expect(jobs.send('pas de espaces', {})).rejects.toThrow(JobInputError);
    await expect(jobs.send('', {})).rejects.toThrow(/nom de file/);
    await expect(jobs.send('bad-data', { big: 10n })).rejects.toThrow(/sérialisables en JSON/);
    await expect(jobs.send('bad-data', [] as unknown as Record<string, unknown>)).rejects.toThrow(/objet/);
    await expect(jobs.send('bad-options', {}, { retryLimit: -1 })).rejects.toThrow(/retryLimit/);
    await expect(jobs.send('bad-options', {}, { retryDelaySeconds: 0.5 })).rejects.toThrow(
      /retryDelaySeconds/,
    );
    await expect(jobs.send('bad-options', {}, { startAfter: new Date('pas une date') })).rejects.toThrow(
      /startAfter/,
    );
    await expect(jobs.send('bad-options', {}, { singletonKey: '' })).rejects.toThrow(/singletonKey/);
    await jobs.stop();
    await expect(jobs.send('late', {})).rejects.toThrow(/arrêté/);
  });
});
