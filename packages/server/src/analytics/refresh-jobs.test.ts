import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolume } from '../bench/analytics-seed.js';
import type { OpenedJobs } from '../platform/jobs/open-jobs.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { JOB_ENGINE_CASES, openTestJobs, storedJob, waitFor } from '../test-support/job-engines.js';
import { REFRESH_QUEUE, refreshThroughJobs, requestRefresh, scheduleRefresh } from './refresh-jobs.js';
import { insertTestMention } from './test-mention.js';

/**
 * The refresh through the 'analytics-refresh' queue, on each jobs engine: it runs at start and
 * queues the next five-minute slot; a run that dies halfway is run again and counts each mention
 * once; a restart starts no second chain; an on-demand refresh picks up new rows.
 */
describe.each(JOB_ENGINE_CASES)('analytics refresh through jobs: $name', (engineCase) => {
  let t: TestApp;
  let jobs: OpenedJobs | undefined;
  let establishment: string;

  beforeAll(async () => {
    t = await createTestApp(engineCase.dialect);
    // The engines wait on the real time.
    t.clock.set(new Date());
    establishment = await t.establishment();
    await seedVolume(t.storage.db, {
      establishmentIds: [establishment],
      incidents: 50,
      mentions: 600,
      alerts: 5,
      from: new Date(Date.now() - 20 * 86_400_000),
      to: new Date(Date.now() - 3_600_000),
    });
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
  });

  const mentionsCounted = async () => {
    const row = await t.storage.db
      .selectFrom('analytics_daily')
      .select((eb) => eb.fn.sum<number>('value').as('n'))
      .where('metric', '=', 'mentions.category')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };

  async function start(crashOnce: boolean): Promise<string | null> {
    jobs = openTestJobs(engineCase, t.storage);
    let crashed = !crashOnce;
    await refreshThroughJobs(t.context, jobs, {
      retryDelaySeconds: 1,
      refresh: {
        batchSize: 100,
        afterBatch: (_source, _rows) => {
          // The first run stops after two batches of mentions, as a dying process would.
          if (!crashed && _source === 'mentions' && ++batches === 2) {
            crashed = true;
            throw new Error('arrêt brutal');
          }
        },
      },
    });
    await jobs.start();
    return scheduleRefresh(t.context, jobs);
  }
  let batches = 0;

  it('refreshes at start, again after a run died halfway, and counts each mention once', async () => {
    const first = await start(true);
    expect(first).not.toBeNull();
    await waitFor(
      'the first refresh is done after its retry',
      async () => (await storedJob(engineCase.engine, t.storage, first as string))?.state === 'done',
    );
    const job = await storedJob(engineCase.engine, t.storage, first as string);
    expect(job?.attempts).toBe(2);
    expect(await mentionsCounted()).toBe(600);
    if (engineCase.engine === 'in-process') {
      const waiting = await t.storage.db
        .selectFrom('jobs')
        .select('run_after')
        .where('queue', '=', REFRESH_QUEUE)
        .where('state', '=', 'pending')
        .execute();
      // One link waits, at the next five-minute boundary.
      expect(waiting).toHaveLength(1);
      expect(Date.parse(waiting[0]?.run_after as string) % 300_000).toBe(0);
    }
  });

  it('after a restart, keeps one chain and counts nothing twice; an on-demand refresh reads new rows', async () => {
    await jobs?.stop();
    await start(false);
    const at = new Date(Date.now() - 120_000).toISOString();
    await insertTestMention(t.storage.db, {
      establishmentId: establishment,
      at,
      category: 'rumor',
      verdict: 'warn',
      source: 'rss',
    });
    const asked = await requestRefresh(t.context);
    expect(asked).not.toBeNull();
    await waitFor(
      'the on-demand refresh is done',
      async () => (await storedJob(engineCase.engine, t.storage, asked as string))?.state === 'done',
    );
    expect(await mentionsCounted()).toBe(601);
    if (engineCase.engine === 'in-process') {
      const waiting = await t.storage.db
        .selectFrom('jobs')
        .select('singleton_key')
        .where('queue', '=', REFRESH_QUEUE)
        .where('state', '=', 'pending')
        .execute();
      expect(waiting).toHaveLength(1);
    }
  });
});
