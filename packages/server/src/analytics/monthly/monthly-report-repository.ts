import type { Kysely } from 'kysely';
import type { Database, MonthlyReportScope, Row, Severity } from '../../db/schema.js';

/** SQL of the monthly reports' archive, and the incidents a report names by reference. */
type Db = Kysely<Database>;

export type ArchivedReport = Omit<Row<'monthly_reports'>, 'pdf'>;
const SUMMARY = [
  'id',
  'scope',
  'scope_id',
  'month',
  'size',
  'sha256',
  'generated_at',
  'emailed_at',
  'recipients',
] as const;

/** Archives a report unless one of the same scope and month is there; true when this one was kept. */
export async function archiveReport(db: Db, row: Row<'monthly_reports'>): Promise<boolean> {
  const result = await db
    .insertInto('monthly_reports')
    .values(row)
    .onConflict((conflict) => conflict.columns(['scope', 'scope_id', 'month']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findArchivedReport(
  db: Db,
  scope: MonthlyReportScope,
  scopeId: string,
  month: string,
): Promise<ArchivedReport | undefined> {
  return db
    .selectFrom('monthly_reports')
    .select(SUMMARY)
    .where('scope', '=', scope)
    .where('scope_id', '=', scopeId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function readArchivedPdf(db: Db, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('monthly_reports').select('pdf').where('id', '=', id).executeTakeFirst();
  return row?.pdf;
}

/** The archive of a scope, newest month first; a few dozen rows a scope at most (one a month). */
export function listArchivedReports(
  db: Db,
  scope: MonthlyReportScope,
  scopeId: string,
  limit: number,
): Promise<ArchivedReport[]> {
  return db
    .selectFrom('monthly_reports')
    .select(SUMMARY)
    .where('scope', '=', scope)
    .where('scope_id', '=', scopeId)
    .orderBy('month', 'desc')
    .limit(limit)
    .execute();
}

export async function markEmailed(db: Db, id: string, at: string, recipients: number): Promise<void> {
  await db
    .updateTable('monthly_reports')
    .set({ emailed_at: at, recipients })
    .where('id', '=', id)
    .where('emailed_at', 'is', null)
    .execute();
}

export interface NotableRow {
  readonly reference: string;
  readonly establishment: string;
  readonly severity: Severity;
  readonly category: string;
  readonly status: string;
  readonly opened_day: string;
  readonly first_action_minutes: number | null;
}

/**
 * The month's incidents of level N2 and above, from the analytics read model (its level is the
 * desk's, or the proposed one before qualification), with the reference people quote; never a
 * title or an excerpt, which may name someone.
 */
export function notableIncidents(
  db: Db,
  establishmentIds: readonly string[],
  range: { from: string; to: string },
  limit: number,
): Promise<NotableRow[]> {
  if (establishmentIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('analytics_incidents')
      .innerJoin('incidents', 'incidents.id', 'analytics_incidents.incident_id')
      .innerJoin('establishments', 'establishments.id', 'analytics_incidents.establishment_id')
      .select([
        'incidents.reference as reference',
        'establishments.name as establishment',
        'analytics_incidents.severity as severity',
        'analytics_incidents.category as category',
        'analytics_incidents.status as status',
        'analytics_incidents.opened_day as opened_day',
        'analytics_incidents.first_action_minutes as first_action_minutes',
      ])
      .where('analytics_incidents.establishment_id', 'in', establishmentIds)
      .where('analytics_incidents.opened_day', '>=', range.from)
      .where('analytics_incidents.opened_day', '<=', range.to)
      .where('analytics_incidents.severity', 'in', ['N2', 'N3', 'N4'])
      // N4 first: the levels sort as text.
      .orderBy('analytics_incidents.severity', 'desc')
      .orderBy('analytics_incidents.opened_at', 'asc')
      .limit(limit)
      .execute() as Promise<NotableRow[]>
  );
}

/** The e-mail addresses of the direction of an establishment (active accounts). */
export async function directionAddresses(db: Db, establishmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.establishment_id', '=', establishmentId)
    .where('memberships.role', '=', 'direction')
    .where('users.disabled', '=', 0)
    .execute();
  return rows.map((row) => row.email);
}

/**
 * The addresses of those in the direction of every establishment of a group: the group's report
 * counts them all, so it goes to no one who may not read one of them.
 */
export async function groupDirectionAddresses(db: Db, groupId: string): Promise<string[]> {
  const establishments = await db
    .selectFrom('establishments')
    .select('id')
    .where('group_id', '=', groupId)
    .execute();
  if (establishments.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
    .select('users.email')
    .where('establishments.group_id', '=', groupId)
    .where('memberships.role', '=', 'direction')
    .where('users.disabled', '=', 0)
    .groupBy('users.email')
    .having((eb) => eb.fn.countAll(), '=', establishments.length)
    .execute();
  return rows.map((row) => row.email);
}

/** Every establishment and every group with at least one establishment: the monthly job's round. */
export async function reportScopes(db: Db): Promise<{ scope: MonthlyReportScope; id: string }[]> {
  const establishments = await db.selectFrom('establishments').select('id').orderBy('id').execute();
  const groups = await db
    .selectFrom('establishment_groups')
    .select('id')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('establishments').select('id').whereRef('group_id', '=', 'establishment_groups.id'),
      ),
    )
    .orderBy('id')
    .execute();
  return [
    ...establishments.map((row) => ({ scope: 'establishment' as const, id: row.id })),
    ...groups.map((row) => ({ scope: 'group' as const, id: row.id })),
  ];
}

/** The name of an establishment or a group, or undefined when there is none of that id. */
export async function scopeName(db: Db, scope: MonthlyReportScope, id: string): Promise<string | undefined> {
  const row =
    scope === 'establishment'
      ? await db.selectFrom('establishments').select('name').where('id', '=', id).executeTakeFirst()
      : await db.selectFrom('establishment_groups').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}
