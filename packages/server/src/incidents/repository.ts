import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database, IncidentStatus, Role, Row, RowUpdate, Severity } from '../db/schema.js';
import { eventId } from './event-id.js';
import type { ListSort } from './list-cursor.js';
import { listKeysOf } from './list-keys.js';

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
  /** Only incidents with a deadline passed and not met at this instant (ISO). */
  readonly overdueAt?: string | undefined;
  /** A LIKE pattern over the folded search column (search-fold.ts containsPattern). */
  readonly searchPattern?: string | undefined;
}

/** Incidents with no deadline owed sort after every dated one in « nearest deadline » order. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

/**
 * The columns (or expressions) of each order, in key order with their direction. The confirmed
 * severity, or the proposal while the incident is not qualified: N0…N4 sort as text.
 */
const ORDERS: Readonly<Record<ListSort, readonly { key: SortKey; desc: boolean }[]>> = {
  newest: [
    { key: 'created', desc: true },
    { key: 'id', desc: true },
  ],
  oldest: [
    { key: 'created', desc: false },
    { key: 'id', desc: false },
  ],
  severity: [
    { key: 'severity', desc: true },
    { key: 'created', desc: true },
    { key: 'id', desc: true },
  ],
  deadline: [
    { key: 'due', desc: false },
    { key: 'created', desc: true },
    { key: 'id', desc: true },
  ],
};
type SortKey = 'created' | 'id' | 'severity' | 'due';

function keyExpression(key: SortKey): RawBuilder<string> {
  switch (key) {
    case 'created':
      return sql<string>`incidents.created_at`;
    case 'id':
      return sql<string>`incidents.id`;
    case 'severity':
      return sql<string>`coalesce(incidents.severity, incidents.proposed_severity)`;
    case 'due':
      return sql<string>`coalesce(incidents.next_due_at, ${NO_DEADLINE})`;
  }
}

/** The sort keys of a row, in the order of ORDERS[sort], as a cursor stores them. */
export function sortKeysOf(row: IncidentRow, sort: ListSort): string[] {
  return ORDERS[sort].map(({ key }) => {
    switch (key) {
      case 'created':
        return row.created_at;
      case 'id':
        return row.id;
      case 'severity':
        return row.severity ?? row.proposed_severity;
      case 'due':
        return row.next_due_at ?? NO_DEADLINE;
      default: {
        const unknown: never = key;
        throw new Error(`unknown sort key ${String(unknown)}`);
      }
    }
  });
}

function filtered(db: Db, establishmentId: string, filters: ListFilters) {
  let query = db.selectFrom('incidents').where('establishment_id', '=', establishmentId);
  if (filters.status !== undefined) query = query.where('status', '=', filters.status);
  if (filters.severity !== undefined) {
    const severity = filters.severity;
    query = query.where((eb) => eb(eb.fn.coalesce('severity', 'proposed_severity'), '=', severity));
  }
  if (filters.category !== undefined) {
    const category = filters.category;
    query = query.where((eb) => eb(eb.fn.coalesce('category', 'proposed_category'), '=', category));
  }
  if (filters.owner !== undefined) query = query.where('owner_id', '=', filters.owner);
  if (filters.overdueAt !== undefined) {
    query = query.where('next_due_at', 'is not', null).where('next_due_at', '<', filters.overdueAt);
  }
  if (filters.searchPattern !== undefined) {
    // Both sides are folded by the service: LIKE compares plain lower-case text on both databases.
    query = query.where(sql<boolean>`incidents.search_text like ${filters.searchPattern} escape '\\'`);
  }
  return query;
}

/**
 * One page of the list, in a total order (the id breaks ties), starting after the given sort
 * keys (keyset pagination: no offset, so a page costs the same deep in the list, and rows
 * inserted meanwhile neither repeat nor skip others).
 */
export function listIncidentsPage(
  db: Db,
  establishmentId: string,
  filters: ListFilters,
  sort: ListSort,
  after: readonly string[] | null,
  limit: number,
): Promise<IncidentRow[]> {
  const order = ORDERS[sort];
  let query = filtered(db, establishmentId, filters).selectAll();
  if (after !== null) {
    // (k1 > a1) or (k1 = a1 and k2 > a2) or …, each comparison in its key's direction.
    const branches = order.map((_, index) => {
      const equal = order.slice(0, index).map(({ key }, j) => sql`${keyExpression(key)} = ${after[j]}`);
      const { key, desc } = order[index] as (typeof order)[number];
      const beyond = desc
        ? sql`${keyExpression(key)} < ${after[index]}`
        : sql`${keyExpression(key)} > ${after[index]}`;
      return sql.join([...equal, beyond], sql` and `);
    });
    query = query.where(
      sql<boolean>`(${sql.join(
        branches.map((branch) => sql`(${branch})`),
        sql` or `,
      )})`,
    );
  }
  for (const { key, desc } of order) query = query.orderBy(keyExpression(key), desc ? 'desc' : 'asc');
  return query.limit(limit).execute();
}

export async function countIncidents(db: Db, establishmentId: string, filters: ListFilters): Promise<number> {
  const row = await filtered(db, establishmentId, filters)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Rewrites the stored list keys (next deadline, search text) from the row, its events and report. */
export async function refreshListKeys(db: Db, establishmentId: string, id: string): Promise<void> {
  const row = await findIncident(db, establishmentId, id);
  if (row === undefined) return;
  const events = await listEvents(db, establishmentId, [id]);
  const report =
    row.report_id === null
      ? null
      : ((await db
          .selectFrom('reports')
          .select(['excerpt', 'network'])
          .where('establishment_id', '=', establishmentId)
          .where('id', '=', row.report_id)
          .executeTakeFirst()) ?? null);
  const keys = listKeysOf(row, events, report);
  await db.updateTable('incidents').set(keys).where('id', '=', id).execute();
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
 * a page of ids (MAX_PAGE_SIZE), which every database accepts as parameters.
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
