import type { AppContext } from '../../http/context.js';
import { deliver } from '../../mail/deliver.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { refreshAnalytics } from '../refresh.js';
import {
  directionAddresses,
  findArchivedReport,
  groupDirectionAddresses,
  markEmailed,
  reportScopes,
  scopeName,
} from './monthly-report-repository.js';
import {
  archivedMonthlyReport,
  type DashboardReader,
  fileName,
  type ReportScope,
} from './monthly-report-service.js';
import { latestDueMonth, nextMonth, reportDueAt } from './monthly-schedule.js';

/** The queue whose jobs send one month's reports (data: { month: 'YYYY-MM' }). */
export const MONTHLY_REPORT_QUEUE = 'analytics-monthly-report';

/** How the job reads a scope's whole dashboard (every establishment of a group). */
export type WholeDashboard = (scope: ReportScope) => DashboardReader;

const monthName = (month: string) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );

/** The mail to the direction: short, French, the PDF attached; no figure a forward could leak. */
export function monthlyReportMail(name: string, month: string): { subject: string; text: string } {
  return {
    subject: `Rapport mensuel, ${monthName(month)} — ${name}`,
    text: [
      'Bonjour,',
      '',
      `Vous trouverez ci-joint le rapport mensuel de Blouse pour ${monthName(month)} (${name}) : incidents, délais de réponse, veille, publications et formation du personnel.`,
      '',
      'Il ne contient que des chiffres et des références d’incidents, aucune donnée personnelle. Il reste consultable dans Blouse, au tableau de bord, rubrique « Rapports mensuels ».',
      '',
      'Ce message est envoyé automatiquement le premier jour ouvré de chaque mois aux membres de la direction.',
      '',
      '— Blouse',
    ].join('\n'),
  };
}

/**
 * Archives and mails one month's report of every establishment and group. Idempotent: an archived
 * report is not rebuilt, a mailed one is not mailed again; a failed mail throws at the end (after
 * the others went) so that the engine retries the job, which then sends only what is left.
 */
export async function sendMonthlyReports(
  context: AppContext,
  month: string,
  wholeDashboard: WholeDashboard,
): Promise<{ archived: number; mailed: number; failed: number }> {
  const db = context.storage.db;
  let mailed = 0;
  let failed = 0;
  const scopes = await reportScopes(db);
  // Once for every scope: each report then reads the same, up-to-date read models.
  await refreshAnalytics(context.storage, context.clock());
  for (const scope of scopes) {
    const reportScope: ReportScope = { kind: scope.scope, id: scope.id };
    // A month already mailed costs one small read: restarts queue the due month again.
    const known = await findArchivedReport(db, scope.scope, scope.id, month);
    if (known?.emailed_at != null) continue;
    const { report, pdf } = await archivedMonthlyReport(
      context,
      reportScope,
      month,
      wholeDashboard(reportScope),
      false,
    );
    if (report.emailed_at !== null) continue;
    const to =
      scope.scope === 'establishment'
        ? await directionAddresses(db, scope.id)
        : await groupDirectionAddresses(db, scope.id);
    if (to.length === 0) continue;
    const name = (await scopeName(db, scope.scope, scope.id)) ?? '';
    const outcome = await deliver(context, {
      to,
      ...monthlyReportMail(name, month),
      attachments: [{ filename: fileName(name, month), contentType: 'application/pdf', content: pdf }],
    });
    if (outcome === 'sent') {
      await markEmailed(db, report.id, context.clock().toISOString(), to.length);
      mailed++;
    }
    if (outcome === 'failed') failed++;
  }
  if (failed > 0)
    throw new Error(`rapport mensuel ${month} : ${failed} courriel(s) non envoyé(s), nouvel essai`);
  return { archived: scopes.length, mailed, failed };
}

async function queueMonth(jobs: Jobs, month: string): Promise<string | null> {
  return jobs.send(
    MONTHLY_REPORT_QUEUE,
    { month },
    // One waiting job per month: a restart, or the job queuing the next month twice, adds none.
    {
      startAfter: reportDueAt(month),
      singletonKey: `monthly-report@${month}`,
      retryLimit: 5,
      retryDelaySeconds: 600,
    },
  );
}

/**
 * Registers the monthly worker and queues the months (after jobs.start()): the latest month
 * whose time has come (it runs at once if a restart missed it; an archived and mailed month is
 * a no-op), and the next. Each run queues the month after its own, so the schedule lives in the
 * jobs table and survives restarts.
 */
export async function sendMonthlyReportsThroughJobs(
  context: AppContext,
  jobs: Jobs,
  wholeDashboard: WholeDashboard,
): Promise<void> {
  await jobs.work(MONTHLY_REPORT_QUEUE, async (job) => {
    const { month } = job.data;
    if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return;
    await sendMonthlyReports(context, month, wholeDashboard);
    await queueMonth(jobs, nextMonth(month));
  });
}

/** Queues the months due and next; call once the engine runs. Returns the due month's job id. */
export async function scheduleMonthlyReports(context: AppContext, jobs: Jobs): Promise<string | null> {
  const due = latestDueMonth(context.clock());
  const id = await queueMonth(jobs, due);
  await queueMonth(jobs, nextMonth(due));
  return id;
}
