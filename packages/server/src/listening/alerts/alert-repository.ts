import type { Kysely, Transaction } from 'kysely';
import type { Database, Row } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An alert as the API and the deliveries show it (JSON columns read). */
export interface AlertView {
  readonly id: string;
  readonly establishmentId: string;
  readonly tier: 'immediate' | 'volume';
  readonly reason: string;
  readonly seriesKey: string | null;
  readonly explanation: string;
  readonly details: AlertDetails;
  readonly mentionIds: string[];
  readonly createdAt: string;
  readonly incidentId: string | null;
}

export interface AlertDetails {
  readonly count?: number;
  readonly windowMinutes?: number;
  readonly expected?: number;
  readonly topTerms: { term: string; count: number }[];
  readonly topAuthors: { handle: string; count: number }[];
}

export function alertView(row: Row<'listening_alerts'>): AlertView {
  return {
    id: row.id,
    establishmentId: row.establishment_id,
    tier: row.tier,
    reason: row.reason,
    seriesKey: row.series_key,
    explanation: row.explanation,
    details: JSON.parse(row.details) as AlertDetails,
    mentionIds: JSON.parse(row.mention_ids) as string[],
    createdAt: row.created_at,
    incidentId: row.incident_id,
  };
}

export async function insertAlert(db: Db, alert: AlertView): Promise<void> {
  await db
    .insertInto('listening_alerts')
    .values({
      id: alert.id,
      establishment_id: alert.establishmentId,
      tier: alert.tier,
      reason: alert.reason,
      series_key: alert.seriesKey,
      explanation: alert.explanation,
      details: JSON.stringify(alert.details),
      mention_ids: JSON.stringify(alert.mentionIds),
      created_at: alert.createdAt,
      incident_id: alert.incidentId,
    })
    .execute();
}

export async function findAlert(
  db: Db,
  establishmentId: string,
  alertId: string,
): Promise<AlertView | undefined> {
  const row = await db
    .selectFrom('listening_alerts')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', alertId)
    .executeTakeFirst();
  return row === undefined ? undefined : alertView(row);
}

/** The latest immediate alert of a reason since `since`: a new mention of that reason joins it. */
export async function recentAlertOfReason(
  db: Db,
  establishmentId: string,
  reason: string,
  since: string,
): Promise<AlertView | undefined> {
  const row = await db
    .selectFrom('listening_alerts')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('tier', '=', 'immediate')
    .where('reason', '=', reason)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row === undefined ? undefined : alertView(row);
}

export async function updateGroupedAlert(
  db: Db,
  alertId: string,
  explanation: string,
  details: AlertDetails,
  mentionIds: readonly string[],
): Promise<void> {
  await db
    .updateTable('listening_alerts')
    .set({ explanation, details: JSON.stringify(details), mention_ids: JSON.stringify(mentionIds) })
    .where('id', '=', alertId)
    .execute();
}

/** Newest first, keyset on (created_at, id). */
export async function listAlerts(
  db: Db,
  establishmentId: string,
  filter: {
    tier: 'immediate' | 'volume' | undefined;
    after: readonly [string, string] | null;
    limit: number;
  },
): Promise<AlertView[]> {
  let query = db.selectFrom('listening_alerts').selectAll().where('establishment_id', '=', establishmentId);
  if (filter.tier !== undefined) query = query.where('tier', '=', filter.tier);
  if (filter.after !== null) {
    const [at, id] = filter.after;
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(alertView);
}

export async function readSettings(
  db: Db,
  establishmentId: string,
): Promise<Row<'listening_alert_settings'> | undefined> {
  return db
    .selectFrom('listening_alert_settings')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
}

export async function readSeries(
  db: Db,
  establishmentId: string,
  seriesKey: string,
): Promise<Row<'buzz_series'> | undefined> {
  return db
    .selectFrom('buzz_series')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('series_key', '=', seriesKey)
    .executeTakeFirst();
}

export async function writeSeries(
  db: Db,
  establishmentId: string,
  seriesKey: string,
  snapshot: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('buzz_series')
    .values({ establishment_id: establishmentId, series_key: seriesKey, snapshot, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['establishment_id', 'series_key']).doUpdateSet({ snapshot, updated_at: at }),
    )
    .execute();
}

export async function seriesKeysOf(db: Db, establishmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('buzz_series')
    .select('series_key')
    .where('establishment_id', '=', establishmentId)
    .execute();
  return rows.map((row) => row.series_key);
}

export async function establishmentsWithSeries(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('buzz_series').select('establishment_id').distinct().execute();
  return rows.map((row) => row.establishment_id);
}
