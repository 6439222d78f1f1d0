import { createHash, randomUUID } from 'node:crypto';
import type { MonthlyReportScope } from '../../db/schema.js';
import type { AppContext } from '../../http/context.js';
import { notFound, RetryLater, unprocessable } from '../../http/problem.js';
import type { DashboardData } from '../dashboard-data.js';
import { refreshAnalytics } from '../refresh.js';
import { type MonthlyReportContent, renderMonthlyReport } from './monthly-report-pdf.js';
import {
  type ArchivedReport,
  archiveReport,
  findArchivedReport,
  listArchivedReports,
  notableIncidents,
  readArchivedPdf,
} from './monthly-report-repository.js';
import { monthDays, parisMonth, previousMonth } from './monthly-schedule.js';

export interface ReportScope {
  readonly kind: MonthlyReportScope;
  readonly id: string;
}

/**
 * Reads the dashboard of a scope over a range: as the reader sees it (a group counts only the
 * establishments they may read), or whole for the system (the monthly job).
 */
export type DashboardReader = (range: { from: string; to: string }) => Promise<DashboardData>;

export interface MonthlyPdf {
  readonly pdf: Buffer;
  readonly fileName: string;
  /** True when this is the archived report (the one mailed), false for a reader's own view or a month not over. */
  readonly archived: boolean;
  readonly provisional: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Blouse keeps no report of a month before it existed; a bound on what a URL can ask for. */
const FIRST_MONTH = '2024-01';
/** The month's notable incidents: a page at most. */
const NOTABLE_LIMIT = 25;
/** Reports built at once by this process: each takes a refresh and a third of a second of CPU. */
const MAX_BUILDS = 2;
let building = 0;

/** Checks a month asked for: well formed, not before Blouse, not after the current one. */
export function checkMonth(month: string, now: Date): void {
  if (!MONTH.test(month))
    throw unprocessable('mois_invalide', 'Indiquez le mois sous la forme AAAA-MM, par exemple 2026-11.');
  if (month < FIRST_MONTH)
    throw unprocessable('mois_trop_ancien', `Blouse ne tient pas de rapport avant ${FIRST_MONTH}.`);
  if (month > parisMonth(now))
    throw unprocessable('mois_a_venir', 'Ce mois n’a pas commencé : il n’y a pas encore de rapport.');
}

export const fileName = (scopeName: string, month: string) =>
  `rapport-mensuel-${month}-${scopeName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60)}.pdf`;

async function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Builds a month's PDF from fresh read models. */
async function buildPdf(
  context: AppContext,
  month: string,
  readDashboard: DashboardReader,
  provisional: boolean,
  refresh: boolean,
): Promise<{ pdf: Buffer; scopeName: string }> {
  if (building >= MAX_BUILDS)
    throw new RetryLater(
      503,
      'rapport_occupe',
      'Des rapports sont déjà en préparation : réessayez dans quelques secondes.',
      5,
    );
  building++;
  try {
    const now = context.clock();
    if (refresh) await refreshAnalytics(context.storage, now);
    const dashboard = await readDashboard(monthDays(month));
    const notable = await notableIncidents(
      context.storage.db,
      dashboard.scope.establishments.map((establishment) => establishment.id),
      monthDays(month),
      NOTABLE_LIMIT,
    );
    const content: MonthlyReportContent = {
      month,
      dashboard,
      provisional,
      notable: notable.map((row) => ({
        reference: row.reference,
        establishment: row.establishment,
        severity: row.severity,
        category: row.category,
        status: row.status,
        openedOn: row.opened_day,
        firstActionMinutes: row.first_action_minutes,
      })),
    };
    return { pdf: await toBuffer(renderMonthlyReport(content, now)), scopeName: dashboard.scope.name };
  } finally {
    building--;
  }
}

/**
 * The archived report of a finished month, built and archived on first demand. Two builds at
 * once (the job and a click) keep the first archived: both callers get the archived bytes.
 */
export async function archivedMonthlyReport(
  context: AppContext,
  scope: ReportScope,
  month: string,
  readWholeDashboard: DashboardReader,
  /** False when the caller has just refreshed the read models (the job, once for every scope). */
  refresh = true,
): Promise<{ report: ArchivedReport; pdf: Buffer }> {
  const db = context.storage.db;
  const existing = await findArchivedReport(db, scope.kind, scope.id, month);
  if (existing !== undefined) {
    const pdf = await readArchivedPdf(db, existing.id);
    if (pdf !== undefined) return { report: existing, pdf };
  }
  const built = await buildPdf(context, month, readWholeDashboard, false, refresh);
  await archiveReport(db, {
    id: randomUUID(),
    scope: scope.kind,
    scope_id: scope.id,
    month,
    pdf: built.pdf,
    size: built.pdf.length,
    sha256: createHash('sha256').update(built.pdf).digest('hex'),
    generated_at: context.clock().toISOString(),
    emailed_at: null,
    recipients: 0,
  });
  const report = await findArchivedReport(db, scope.kind, scope.id, month);
  const pdf = report === undefined ? undefined : await readArchivedPdf(db, report.id);
  if (report === undefined || pdf === undefined) throw notFound();
  return { report, pdf };
}

/**
 * The PDF a reader downloads. A finished month read whole is the archived report (the one the
 * direction received); the current month, or a group read in part, is built for this reader
 * and not archived.
 */
export async function monthlyReportPdf(
  context: AppContext,
  scope: ReportScope,
  month: string,
  view: { readonly whole: boolean; readonly readDashboard: DashboardReader },
  scopeName: string,
): Promise<MonthlyPdf> {
  const now = context.clock();
  checkMonth(month, now);
  const provisional = month === parisMonth(now);
  if (!provisional && view.whole) {
    const { pdf } = await archivedMonthlyReport(context, scope, month, view.readDashboard);
    return { pdf, fileName: fileName(scopeName, month), archived: true, provisional };
  }
  const built = await buildPdf(context, month, view.readDashboard, provisional, true);
  return { pdf: built.pdf, fileName: fileName(built.scopeName, month), archived: false, provisional };
}

export interface MonthlyReportListing {
  /** False for a group read in part: the reports are built for this reader, never the archive. */
  readonly whole: boolean;
  /** The months a reader can download, newest first: the current one (provisional) and twelve before. */
  readonly months: readonly {
    readonly month: string;
    readonly provisional: boolean;
    readonly archived: boolean;
    readonly emailedAt: string | null;
  }[];
}

/** `whole` false (a group read in part): the archive is not theirs, every month is built for them. */
export async function listMonthlyReports(
  context: AppContext,
  scope: ReportScope,
  whole: boolean,
): Promise<MonthlyReportListing> {
  const now = context.clock();
  const archived = new Map(
    (await listArchivedReports(context.storage.db, scope.kind, scope.id, 24)).map((row) => [row.month, row]),
  );
  const current = parisMonth(now);
  const months: MonthlyReportListing['months'][number][] = [];
  for (
    let month = current, index = 0;
    index < 13 && month >= FIRST_MONTH;
    index++, month = previousMonth(month)
  ) {
    const row = whole ? archived.get(month) : undefined;
    months.push({
      month,
      provisional: month === current,
      archived: row !== undefined,
      emailedAt: row?.emailed_at ?? null,
    });
  }
  return { whole, months };
}
