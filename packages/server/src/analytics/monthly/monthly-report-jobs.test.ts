import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolume } from '../../bench/analytics-seed.js';
import { startSmtpServer } from '../../incidents/notifications/smtp-test-server.js';
import { useRetryDelays } from '../../mail/deliver.js';
import type { OpenedJobs } from '../../platform/jobs/open-jobs.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { JOB_ENGINE_CASES, openTestJobs, storedJob, waitFor } from '../../test-support/job-engines.js';
import {
  MONTHLY_REPORT_QUEUE,
  monthlyReportMail,
  scheduleMonthlyReports,
  sendMonthlyReports,
  sendMonthlyReportsThroughJobs,
} from './monthly-report-jobs.js';
import { wholeDashboard } from './monthly-report-scope.js';
import { latestDueMonth } from './monthly-schedule.js';

/** A group of two hospitals, its directors, and October's activity. */
async function hospitals(t: TestApp) {
  const group = randomUUID();
  await t.storage.db
    .insertInto('establishment_groups')
    .values({ id: group, name: 'GHT Estuaire', created_at: t.clock.now().toISOString() })
    .execute();
  const a = await t.establishment('CH Alpha');
  const b = await t.establishment('CH Bêta');
  await t.storage.db
    .updateTable('establishments')
    .set({ group_id: group })
    .where('id', 'in', [a, b])
    .execute();
  await t.user({ [a]: 'direction', [b]: 'direction' }, { email: 'dg@ght.fr' });
  await t.user({ [b]: 'direction' }, { email: 'directrice@ch-beta.fr' });
  await t.user({ [a]: 'agent' }, { email: 'agent@ch-alpha.fr' });
  await t.user({ [a]: 'admin' }, { email: 'admin@ch-alpha.fr' });
  await seedVolume(t.storage.db, {
    establishmentIds: [a, b],
    incidents: 60,
    mentions: 100,
    from: new Date('2026-10-01T00:00:00.000Z'),
    to: new Date('2026-10-31T20:00:00.000Z'),
  });
  return { group, a, b };
}

describe('the monthly report’s mail', () => {
  it('names the month and the scope, in French, and says what it holds', () => {
    const mail = monthlyReportMail('CH de l’Estuaire', '2026-10');
    expect(mail.subject).toBe('Rapport mensuel, octobre 2026 — CH de l’Estuaire');
    expect(mail.text).toContain('rapport mensuel de Blouse pour octobre 2026 (CH de l’Estuaire)');
    expect(mail.text).toContain('aucune donnée personnelle');
  });
});

const recipients = (mail: { to: string[] }) => [...mail.to].sort().join(',');

describe.each(DIALECTS)('the monthly reports’ mailing on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, { smtpUrl: smtp.url, mailFrom: 'blouse@ght.fr' });
    await hospitals(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails each report to the direction with the PDF, the group’s to who directs every hospital, once', async () => {
    const outcome = await sendMonthlyReports(t.context, '2026-10', wholeDashboard(t.context));
    expect(outcome).toEqual({ archived: 3, mailed: 3, failed: 0 });
    const byRecipients = smtp.received.map(recipients).sort();
    // CH Alpha: dg; CH Bêta: dg and directrice; the group: dg only (the directrice reads one of two).
    expect(byRecipients).toEqual(['dg@ght.fr', 'dg@ght.fr', 'dg@ght.fr,directrice@ch-beta.fr']);
    for (const mail of smtp.received) {
      expect(mail.raw).toContain('Content-Type: application/pdf');
      expect(mail.raw).not.toContain('agent@ch-alpha.fr');
    }
    const subjects = smtp.received.map((mail) => /^Subject: (.*)$/m.exec(mail.raw)?.[1] ?? '');
    expect(subjects.some((subject) => subject.includes('=?UTF-8?') || subject.includes('octobre 2026'))).toBe(
      true,
    );
    expect(smtp.received.some((mail) => mail.raw.includes('rapport-mensuel-2026-10-ght-estuaire.pdf'))).toBe(
      true,
    );

    const again = await sendMonthlyReports(t.context, '2026-10', wholeDashboard(t.context));
    expect(again.mailed).toBe(0);
    expect(smtp.received).toHaveLength(3);
    const rows = await t.storage.db
      .selectFrom('monthly_reports')
      .select(['emailed_at', 'recipients'])
      .execute();
    expect(rows.map((row) => row.recipients).sort()).toEqual([1, 1, 2]);
    expect(rows.every((row) => row.emailed_at !== null)).toBe(true);
  });

  it('keeps a report whose mail failed, and sends only that one when run again', async () => {
    const down = await createTestApp(dialect, { smtpUrl: 'smtp://127.0.0.1:9', mailFrom: 'blouse@ght.fr' });
    try {
      await hospitals(down);
      useRetryDelays(down.context, [10]);
      await expect(sendMonthlyReports(down.context, '2026-10', wholeDashboard(down.context))).rejects.toThrow(
        /non envoyé/,
      );
      const kept = await down.storage.db.selectFrom('monthly_reports').select(['emailed_at']).execute();
      expect(kept).toHaveLength(3);
      expect(kept.every((row) => row.emailed_at === null)).toBe(true);
      // The mail server is back: the retry mails the three, without building them again.
      const before = await down.storage.db.selectFrom('monthly_reports').select(['id', 'sha256']).execute();
      const up = { ...down.context, config: { ...down.context.config, smtpUrl: smtp.url } };
      const sentBefore = smtp.received.length;
      expect((await sendMonthlyReports(up, '2026-10', wholeDashboard(up))).mailed).toBe(3);
      expect(smtp.received.length - sentBefore).toBe(3);
      const after = await down.storage.db.selectFrom('monthly_reports').select(['id', 'sha256']).execute();
      expect(after.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
        before.sort((x, y) => x.id.localeCompare(y.id)),
      );
    } finally {
      await down.close();
    }
  });
});

/**
 * Through the 'analytics-monthly-report' queue on each engine: the month due runs at start, queues
 * the next month, and a restart (the same schedule again, as `blouse serve` does) mails no one twice.
 */
describe.each(JOB_ENGINE_CASES)('the monthly reports through jobs: $name', (engineCase) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let jobs: OpenedJobs | undefined;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(engineCase.dialect, { smtpUrl: smtp.url, mailFrom: 'blouse@ght.fr' });
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
    await smtp?.close();
  });

  async function start(): Promise<string | null> {
    jobs = openTestJobs(engineCase, t.storage);
    await sendMonthlyReportsThroughJobs(t.context, jobs, wholeDashboard(t.context));
    await jobs.start();
    return scheduleMonthlyReports(t.context, jobs);
  }

  it('sends the month due at start, queues the next, and mails no one twice after a restart', async () => {
    // The engines wait on the real time: the next month's run must be ahead of it.
    t.clock.set(new Date());
    const hospital = await t.establishment('CHU de Valmont');
    await t.user({ [hospital]: 'direction' }, { email: 'dg@chu-valmont.fr' });
    const first = await start();
    expect(first).not.toBeNull();
    await waitFor('the direction receives the report', () => smtp.received.length === 1);
    await waitFor(
      'the month’s job is done',
      async () => (await storedJob(engineCase.engine, t.storage, first as string))?.state === 'done',
    );
    const archived = await t.storage.db
      .selectFrom('monthly_reports')
      .select(['month', 'emailed_at'])
      .execute();
    expect(archived).toEqual([{ month: latestDueMonth(t.clock.now()), emailed_at: expect.any(String) }]);
    if (engineCase.engine === 'in-process') {
      const waiting = await t.storage.db
        .selectFrom('jobs')
        .select('run_after')
        .where('queue', '=', MONTHLY_REPORT_QUEUE)
        .where('state', '=', 'pending')
        .execute();
      expect(waiting).toHaveLength(1);
      expect(new Date(waiting[0]?.run_after ?? 0).getTime()).toBeGreaterThan(Date.now());
    }
    await jobs?.stop();

    const second = await start();
    expect(second).not.toBeNull();
    await waitFor(
      'the run after the restart is done',
      async () => (await storedJob(engineCase.engine, t.storage, second as string))?.state === 'done',
    );
    expect(smtp.received).toHaveLength(1);
  });
});
