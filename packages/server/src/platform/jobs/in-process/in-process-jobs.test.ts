import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test-support/app.js';
import { createTestStorage, DIALECTS, type TestStorage } from '../../../test-support/databases.js';
import { waitFor } from '../../../test-support/job-engines.js';
import type { JobRun } from '../jobs.js';
import { InProcessJobs, type InProcessJobsOptions } from './in-process-jobs.js';
import { JobStore, LEASE_EXPIRED } from './job-store.js';

const MINUTE = 60_000;

/**
 * The in-process engine with a clock the test moves: due times, back-off and leases are checked
 * to the second without waiting for them, and pollNow() says when the poller has looked.
 */
describe.each(DIALECTS)('in-process jobs with an injected clock, on %s', (dialect) => {
  let storage: TestStorage;
  let clock: TestClock;
  const engines: InProcessJobs[] = [];

  beforeAll(async () => {
    storage = await createTestStorage(dialect);
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
  });
  afterAll(async () => {
    await storage.dispose();
  });

  async function engine(options: Partial<InProcessJobsOptions> = {}): Promise<InProcessJobs> {
    const jobs = new InProcessJobs({ storage, clock: clock.now, pollIntervalMs: 20, ...options });
    engines.push(jobs);
    return jobs;
  }
  const row = (id: string) =>
    storage.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(() => {
    clock = new TestClock();
  });

  it('does not run a job before startAfter, and runs it once the clock reaches it', async () => {
    const jobs = await engine();
    const runs: JobRun[] = [];
    await jobs.work('publish', async (job) => {
      runs.push(job);
    });
    await jobs.start();
    const id = (await jobs.send(
      'publish',
      { post: 1 },
      { startAfter: new Date(clock.now().getTime() + 60 * MINUTE) },
    )) as string;
    await jobs.pollNow();
    clock.advance(59 * MINUTE);
    await jobs.pollNow();
    expect(runs).toEqual([]);
    clock.advance(MINUTE);
    await jobs.pollNow();
    await waitFor('the publication ran', async () => (await row(id)).state === 'done');
    expect(runs.map((run) => run.id)).toEqual([id]);
  });

  it('waits retryDelay × 2^(attempt − 1) before each retry, then fails the job for good', async () => {
    const jobs = await engine();
    const attempts: number[] = [];
    await jobs.work('deliver', async (job) => {
      attempts.push(job.attempt);
      throw new Error('webhook injoignable');
    });
    await jobs.start();
    const id = (await jobs.send('deliver', {}, { retryLimit: 3, retryDelaySeconds: 30 })) as string;
    for (const [attempt, delaySeconds] of [
      [1, 30],
      [2, 60],
      [3, 120],
    ] as const) {
      await waitFor(`attempt ${attempt} failed`, async () => {
        const current = await row(id);
        return current.state === 'pending' && current.attempt === attempt;
      });
      const failedAt = clock.now().getTime();
      expect(new Date((await row(id)).run_after).getTime()).toBe(failedAt + delaySeconds * 1000);
      clock.advance(delaySeconds * 1000 - 1000);
      await jobs.pollNow();
      expect(attempts).toHaveLength(attempt);
      clock.advance(1000);
    }
    await waitFor('the job failed for good', async () => (await row(id)).state === 'failed');
    expect(attempts).toEqual([1, 2, 3, 4]);
    const failed = await row(id);
    expect(failed.last_error).toBe('Error: webhook injoignable');
    expect(failed.finished_at).toBe(clock.now().toISOString());
  });

  it('takes over a job whose worker died once its lease ran out, and the dead run cannot finish it', async () => {
    const jobs = await engine({ leaseSeconds: 60 });
    await jobs.start();
    const id = (await jobs.send('poll-source', { source: 'rss-1' })) as string;
    // A worker takes it and dies without a word: only its lease remains.
    const dead = new JobStore(storage);
    const claimed = await dead.claim(['poll-source'], clock.now().getTime(), 60_000);
    expect(claimed?.id).toBe(id);

    const runs: number[] = [];
    await jobs.work('poll-source', async (job) => {
      runs.push(job.attempt);
    });
    clock.advance(59_000);
    await jobs.pollNow();
    expect(runs).toEqual([]);
    clock.advance(1000);
    await jobs.pollNow();
    await waitFor('the job was taken over and done', async () => (await row(id)).state === 'done');
    expect(runs).toEqual([2]);
    expect((await row(id)).last_error).toBe(LEASE_EXPIRED);
    // The dead run's late word changes nothing.
    await dead.fail(claimed as NonNullable<typeof claimed>, 'trop tard', clock.now().getTime());
    await dead.complete(claimed as NonNullable<typeof claimed>, clock.now().getTime());
    expect(await row(id)).toMatchObject({ state: 'done', attempt: 2, last_error: LEASE_EXPIRED });
  });

  it('fails a job whose worker died on its last allowed attempt instead of running it again', async () => {
    const jobs = await engine({ leaseSeconds: 60 });
    const runs: string[] = [];
    await jobs.work('last-try', async (job) => {
      runs.push(job.id);
    });
    await jobs.start();
    const id = (await jobs.send(
      'last-try',
      {},
      { retryLimit: 0, startAfter: new Date(clock.now().getTime() + 1000) },
    )) as string;
    await new JobStore(storage).claim(['last-try'], clock.now().getTime() + 1000, 60_000);
    clock.advance(61_000);
    await jobs.pollNow();
    expect(await row(id)).toMatchObject({ state: 'failed', attempt: 1, last_error: LEASE_EXPIRED });
    expect(runs).toEqual([]);
  });

  it('renews the lease of a long run, so that another poller does not take it', async () => {
    const first = await engine({ leaseSeconds: 0.3 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runs: string[] = [];
    await first.work('long', async () => {
      runs.push('first');
      await gate;
    });
    await first.start();
    try {
      const id = (await first.send('long', {})) as string;
      await waitFor('the long run started', () => runs.length === 1);
      // Ten leases go by, in steps shorter than one: each time the lease is renewed (in real time,
      // every third of it) from the moved clock before the next step.
      for (let step = 0; step < 15; step++) {
        clock.advance(200);
        const renewedPast = new Date(clock.now().getTime() + 200).toISOString();
        await waitFor(
          'the lease was renewed',
          async () => ((await row(id)).locked_until ?? '') > renewedPast,
        );
      }
      const second = await engine({ leaseSeconds: 0.3 });
      await second.work('long', async () => {
        runs.push('second');
      });
      await second.start();
      await second.pollNow();
      await first.pollNow();
      expect(runs).toEqual(['first']);
      release();
      await waitFor('the long run is done', async () => (await row(id)).state === 'done');
      expect((await row(id)).attempt).toBe(1);
    } finally {
      release();
    }
  });

  it('never takes again a job it is running itself, even when its lease lapsed', async () => {
    const jobs = await engine({ leaseSeconds: 60 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const attempts: number[] = [];
    await jobs.work('blocked', async (job) => {
      attempts.push(job.attempt);
      await gate;
    });
    await jobs.start();
    try {
      const id = (await jobs.send('blocked', {})) as string;
      await waitFor('the run started', () => attempts.length === 1);
      // As if the event loop had been blocked past the lease: no renewal happened.
      clock.advance(10 * MINUTE);
      await jobs.pollNow();
      expect(attempts).toEqual([1]);
      release();
      await waitFor('the run is done', async () => (await row(id)).state === 'done');
      expect((await row(id)).attempt).toBe(1);
    } finally {
      release();
    }
  });

  it('reports a database failure while polling and goes on polling once it is back', async () => {
    const errors: unknown[] = [];
    const jobs = await engine({ onError: (error) => errors.push(error) });
    const runs: string[] = [];
    await jobs.work('resilient', async (job) => {
      runs.push(job.id);
    });
    await jobs.start();
    await sql`alter table jobs rename to jobs_away`.execute(storage.db);
    try {
      await jobs.pollNow();
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await sql`alter table jobs_away rename to jobs`.execute(storage.db);
    }
    const id = (await jobs.send('resilient', {})) as string;
    await waitFor('the job ran after the database came back', () => runs.includes(id));
  });

  it('deletes jobs finished more than keepFinishedDays ago, and only those', async () => {
    const jobs = await engine({ keepFinishedDays: 14 });
    await jobs.work('purge', async (job) => {
      if (job.data.fail === true) throw new Error('non');
    });
    await jobs.start();
    const old = (await jobs.send('purge', {})) as string;
    const oldFailed = (await jobs.send('purge', { fail: true }, { retryLimit: 0 })) as string;
    await waitFor(
      'the old jobs finished',
      async () => (await row(old)).state === 'done' && (await row(oldFailed)).state === 'failed',
    );
    clock.advance(10 * 24 * 60 * MINUTE);
    const recent = (await jobs.send('purge', {})) as string;
    await waitFor('the recent job finished', async () => (await row(recent)).state === 'done');
    const waiting = (await jobs.send('purge-idle', {})) as string;
    clock.advance(5 * 24 * 60 * MINUTE);
    // The other tests' jobs on this database are old too: at least these two go.
    expect(await jobs.purgeFinished()).toBeGreaterThanOrEqual(2);
    const left = await storage.db
      .selectFrom('jobs')
      .select('id')
      .where('id', 'in', [old, oldFailed, recent, waiting])
      .execute();
    expect(left.map((job) => job.id).sort()).toEqual([recent, waiting].sort());
  });
});
