import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../incidents/notifications/smtp-test-server.js';
import type { OpenedJobs } from '../platform/jobs/open-jobs.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { JOB_ENGINE_CASES, openTestJobs, storedJob, waitFor } from '../test-support/job-engines.js';
import { REMINDER_QUEUE, remindThroughJobs, scheduleReminders } from './reminder-jobs.js';

/**
 * The reminders' sweep through the 'training-privacy-reminders' queue, on each jobs engine: it
 * runs at start, and after a restart (the same schedule again, as `blouse serve` does) it mails
 * nobody a second time.
 */
describe.each(JOB_ENGINE_CASES)('privacy reminders through jobs: $name', (engineCase) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let jobs: OpenedJobs | undefined;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(engineCase.dialect, { smtpUrl: smtp.url, mailFrom: 'blouse@chu-valmont.fr' });
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
    await smtp?.close();
  });

  async function start(): Promise<string | null> {
    jobs = openTestJobs(engineCase, t.storage);
    await remindThroughJobs(t.context, jobs);
    await jobs.start();
    return scheduleReminders(t.context, jobs);
  }

  it('sweeps at start, and mails nobody twice after a restart', async () => {
    // The engines wait on the real time: the next sweep, a day after the test's clock, must be ahead.
    t.clock.set(new Date());
    const hospital = await t.establishment('CHU de Valmont');
    await t.user({ [hospital]: 'agent' }, { email: 'alice@chu-valmont.fr' });
    await t.user({ [hospital]: 'legal' }, { email: 'bruno@chu-valmont.fr' });
    const first = await start();
    expect(first).not.toBeNull();
    await waitFor('both members are reminded', () => smtp.received.length === 2);
    await waitFor(
      'the first sweep is done',
      async () => (await storedJob(engineCase.engine, t.storage, first as string))?.state === 'done',
    );
    // The sweep queued the next one, a day later.
    if (engineCase.engine === 'in-process') {
      const waiting = await t.storage.db
        .selectFrom('jobs')
        .select(['state', 'run_after'])
        .where('queue', '=', REMINDER_QUEUE)
        .where('state', '=', 'pending')
        .execute();
      expect(waiting).toHaveLength(1);
    }
    await jobs?.stop();

    const second = await start();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await waitFor(
      'the sweep after the restart is done',
      async () => (await storedJob(engineCase.engine, t.storage, second as string))?.state === 'done',
    );
    expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual([
      'alice@chu-valmont.fr',
      'bruno@chu-valmont.fr',
    ]);
  });
});
