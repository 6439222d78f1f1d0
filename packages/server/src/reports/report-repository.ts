import type { Kysely, Transaction } from 'kysely';
import type { Database, IncidentStatus, NewRow, Row } from '../db/schema.js';

export async function insertReport(trx: Transaction<Database>, report: NewRow<'reports'>): Promise<void> {
  await trx.insertInto('reports').values(report).execute();
}

export async function insertReportFile(
  trx: Transaction<Database>,
  file: NewRow<'report_files'>,
): Promise<void> {
  await trx.insertInto('report_files').values(file).execute();
}

/** A report as its author may see it again: what they sent and where the desk stands. */
export interface ReportFollowUpRow {
  readonly id: string;
  readonly url: string;
  readonly network: string;
  readonly created_at: string;
  readonly reference: string | null;
  readonly status: IncidentStatus | null;
  readonly decisions: string | null;
}

function followUpQuery(db: Kysely<Database>) {
  return db
    .selectFrom('reports')
    .leftJoin('incidents', 'incidents.report_id', 'reports.id')
    .select([
      'reports.id',
      'reports.url',
      'reports.network',
      'reports.created_at',
      'incidents.reference',
      'incidents.status',
      'incidents.decisions',
    ]);
}

/** A reporter's own signed reports in one establishment, newest first (anonymous ones have no reporter). */
export function reportsOf(
  db: Kysely<Database>,
  establishmentId: string,
  reporterId: string,
  limit: number,
): Promise<ReportFollowUpRow[]> {
  return followUpQuery(db)
    .where('reports.establishment_id', '=', establishmentId)
    .where('reports.reporter_id', '=', reporterId)
    .orderBy('reports.created_at', 'desc')
    .orderBy('reports.id')
    .limit(limit)
    .execute();
}

export function reportByFollowUpHash(
  db: Kysely<Database>,
  hash: string,
): Promise<ReportFollowUpRow | undefined> {
  return followUpQuery(db).where('reports.follow_up_hash', '=', hash).executeTakeFirst();
}

/** A screenshot, only if it belongs to that report of that establishment. */
export function reportFile(
  db: Kysely<Database> | Transaction<Database>,
  establishmentId: string,
  reportId: string,
  fileId: string,
): Promise<Row<'report_files'> | undefined> {
  return db
    .selectFrom('report_files')
    .innerJoin('reports', 'reports.id', 'report_files.report_id')
    .selectAll('report_files')
    .where('reports.establishment_id', '=', establishmentId)
    .where('report_files.report_id', '=', reportId)
    .where('report_files.id', '=', fileId)
    .executeTakeFirst();
}
