import type { Kysely, Transaction } from 'kysely';
import type { Database, IncidentStatus, Role, Row, RowUpdate, Severity } from '../db/schema.js';
import { eventId } from './event-id.js';

/** SQL of the incident desk; every query is scoped by establishment. */
type Db = Kysely<Database> | Transaction<Database>;

export type IncidentRow = Row<'incidents'>;

export function findIncident(db: Db, establishmentId: string, id: string): Promise<IncidentRow | undefined> {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ListFilters {
  readonly status?: IncidentStatus | undefined;
  readonly severity?: Severity | undefined;
  readonly category?: string | undefined;
  readonly owner?: string | undefined;
}

/** The desk's list is bounded: an establishment has tens of open incidents, not thousands. */
export const LIST_LIMIT = 500;

export function listIncidents(db: Db, establishmentId: string, filters: ListFilters): Promise<IncidentRow[]> {
  let query = db.selectFrom('incidents').selectAll().where('establishment_id', '=', establishmentId);
  if (filters.status !== undefined) query = query.where('status', '=', filters.status);
  // The confirmed severity and category, or the proposal while the incident is not qualified.
  if (filters.severity !== undefined) {
    const severity = filters.severity;
    query = query.where((eb) => eb(eb.fn.coalesce('severity', 'proposed_severity'), '=', severity));
  }
  if (filters.category !== undefined) {
    const category = filters.category;
    query = query.where((eb) => eb(eb.fn.coalesce('category', 'proposed_category'), '=', category));
  }
  if (filters.owner !== undefined) query = query.where('owner_id', '=', filters.owner);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(LIST_LIMIT).execute();
}

export interface EventRow {
  readonly id: string;
  readonly incidentId: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly kind: string;
  readonly detail: string;
}

/**
 * Events of some of an establishment's incidents, oldest first, with the actors' names. At most
 * LIST_LIMIT ids, which every database accepts as parameters.
 */
export async function listEvents(
  db: Db,
  establishmentId: string,
  incidentIds: readonly string[],
): Promise<EventRow[]> {
  if (incidentIds.length === 0) return [];
  return db
    .selectFrom('incident_events')
    .innerJoin('incidents', 'incidents.id', 'incident_events.incident_id')
    .leftJoin('users', 'users.id', 'incident_events.actor_id')
    .select([
      'incident_events.id as id',
      'incident_events.incident_id as incidentId',
      'incident_events.at as at',
      'incident_events.actor_id as actorId',
      'users.display_name as actorName',
      'incident_events.kind as kind',
      'incident_events.detail as detail',
    ])
    .where('incidents.establishment_id', '=', establishmentId)
    .where('incident_events.incident_id', 'in', [...new Set(incidentIds)])
    .orderBy('incident_events.at')
    .orderBy('incident_events.id')
    .execute();
}

export async function insertEvent(
  trx: Transaction<Database>,
  incidentId: string,
  at: Date,
  actorId: string | null,
  kind: string,
  detail: Readonly<Record<string, unknown>>,
): Promise<string> {
  const id = eventId(at);
  await trx
    .insertInto('incident_events')
    .values({
      id,
      incident_id: incidentId,
      at: at.toISOString(),
      actor_id: actorId,
      kind,
      detail: JSON.stringify(detail),
    })
    .execute();
  return id;
}

/**
 * Applies a change if the incident is still at the version the client saw, and bumps it;
 * false when someone changed it in between (optimistic concurrency).
 */
export async function updateIfVersion(
  trx: Transaction<Database>,
  incident: IncidentRow,
  expectedVersion: number,
  at: Date,
  changes: RowUpdate<'incidents'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('incidents')
    .set({ ...changes, updated_at: at.toISOString(), version: expectedVersion + 1 })
    .where('id', '=', incident.id)
    .where('establishment_id', '=', incident.establishment_id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ReportView {
  readonly url: string;
  readonly network: string;
  readonly excerpt: string;
  readonly seenWhere: string;
  readonly note: string;
  readonly createdAt: string;
  /** Null when the report is anonymous: the join then finds no one, by construction. */
  readonly reporterName: string | null;
}

export function findReport(
  db: Db,
  establishmentId: string,
  reportId: string,
): Promise<ReportView | undefined> {
  return db
    .selectFrom('reports')
    .leftJoin('users', 'users.id', 'reports.reporter_id')
    .select([
      'reports.url as url',
      'reports.network as network',
      'reports.excerpt as excerpt',
      'reports.seen_where as seenWhere',
      'reports.note as note',
      'reports.created_at as createdAt',
      'users.display_name as reporterName',
    ])
    .where('reports.establishment_id', '=', establishmentId)
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
}

export interface EvidenceItem {
  readonly id: string;
  readonly kind: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly sourceUrl: string | null;
  readonly capturedAt: string;
}

/** How much evidence the incident has and the latest items (never their content). */
export async function evidenceSummary(
  db: Db,
  establishmentId: string,
  incidentId: string,
): Promise<{ count: number; latest: EvidenceItem[] }> {
  const scoped = db
    .selectFrom('evidence')
    .where('establishment_id', '=', establishmentId)
    .where('incident_id', '=', incidentId);
  const counted = await scoped.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const latest = await scoped
    .select([
      'id',
      'kind',
      'file_name as fileName',
      'media_type as mediaType',
      'size',
      'sha256',
      'source_url as sourceUrl',
      'captured_at as capturedAt',
    ])
    .orderBy('seq', 'desc')
    .limit(5)
    .execute();
  return {
    count: Number(counted?.n ?? 0),
    latest: latest.map((item) => ({ ...item, size: Number(item.size) })),
  };
}

export async function memberRole(db: Db, establishmentId: string, userId: string): Promise<Role | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('establishment_id', '=', establishmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

export async function establishmentName(db: Db, establishmentId: string): Promise<string> {
  const row = await db
    .selectFrom('establishments')
    .select('name')
    .where('id', '=', establishmentId)
    .executeTakeFirst();
  return row?.name ?? '';
}
