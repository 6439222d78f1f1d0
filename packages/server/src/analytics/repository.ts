import { type Kysely, sql } from 'kysely';
import type { Database, IncidentStatus, Severity } from '../db/schema.js';
import type { DayRange } from './period.js';

/**
 * The dashboard's SQL: read models only (analytics_*), never the write tables' big ones, over a
 * range of Paris days for a list of establishments. Each query uses the leading columns
 * (establishment_id, day) of its table's primary key or index; aggregates come back small.
 */
type Db = Kysely<Database>;

const num = (value: unknown): number => Number(value ?? 0);

export interface IncidentGroupRow {
  readonly establishmentId: string;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly count: number;
  readonly overdue: number;
  readonly qualifyReached: number;
  readonly qualifyWithin: number;
  readonly qualifyTimedOut: number;
  readonly qualifyPending: number;
  readonly firstActionReached: number;
  readonly firstActionWithin: number;
  readonly firstActionTimedOut: number;
  readonly firstActionPending: number;
}

/**
 * Incidents opened in the range, by establishment, severity and current status, with what the
 * response-time table needs. « Timed out »: the step not reached, the incident open, the target
 * passed now; « pending »: not reached, open, target still ahead. A closed incident that never
 * reached a step owes it no more (as in incidents/deadlines.ts) and counts in neither.
 */
export async function incidentGroups(
  db: Db,
  ids: readonly string[],
  range: DayRange,
  now: string,
): Promise<IncidentGroupRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('analytics_incidents')
    .select((eb) => {
      const count = (condition: ReturnType<typeof sql<boolean>>) =>
        eb.fn.sum<number>(sql`case when ${condition} then 1 else 0 end`);
      const timedOut = (
        minutes: 'qualify_minutes' | 'first_action_minutes',
        due: 'qualify_due_at' | 'first_action_due_at',
      ) =>
        count(sql<boolean>`${sql.ref(minutes)} is null and closed_at is null and ${sql.ref(due)} < ${now}`);
      const pending = (
        minutes: 'qualify_minutes' | 'first_action_minutes',
        due: 'qualify_due_at' | 'first_action_due_at',
      ) =>
        count(sql<boolean>`${sql.ref(minutes)} is null and closed_at is null and ${sql.ref(due)} >= ${now}`);
      return [
        'establishment_id',
        'severity',
        'status',
        eb.fn.countAll<number>().as('count'),
        count(sql<boolean>`status <> 'closed' and next_due_at < ${now}`).as('overdue'),
        eb.fn.count<number>('qualify_minutes').as('qualify_reached'),
        eb.fn.sum<number>('qualify_within').as('qualify_within'),
        timedOut('qualify_minutes', 'qualify_due_at').as('qualify_timed_out'),
        pending('qualify_minutes', 'qualify_due_at').as('qualify_pending'),
        eb.fn.count<number>('first_action_minutes').as('first_action_reached'),
        eb.fn.sum<number>('first_action_within').as('first_action_within'),
        timedOut('first_action_minutes', 'first_action_due_at').as('first_action_timed_out'),
        pending('first_action_minutes', 'first_action_due_at').as('first_action_pending'),
      ];
    })
    .where('establishment_id', 'in', ids)
    .where('opened_day', '>=', range.from)
    .where('opened_day', '<=', range.to)
    .groupBy(['establishment_id', 'severity', 'status'])
    .execute();
  return rows.map((row) => ({
    establishmentId: row.establishment_id,
    severity: row.severity,
    status: row.status,
    count: num(row.count),
    overdue: num(row.overdue),
    qualifyReached: num(row.qualify_reached),
    qualifyWithin: num(row.qualify_within),
    qualifyTimedOut: num(row.qualify_timed_out),
    qualifyPending: num(row.qualify_pending),
    firstActionReached: num(row.first_action_reached),
    firstActionWithin: num(row.first_action_within),
    firstActionTimedOut: num(row.first_action_timed_out),
    firstActionPending: num(row.first_action_pending),
  }));
}

export async function incidentsByCategory(
  db: Db,
  ids: readonly string[],
  range: DayRange,
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('analytics_incidents')
    .select((eb) => ['category', eb.fn.countAll<number>().as('count')])
    .where('establishment_id', 'in', ids)
    .where('opened_day', '>=', range.from)
    .where('opened_day', '<=', range.to)
    .groupBy('category')
    .execute();
  return new Map(rows.map((row) => [row.category, num(row.count)]));
}

export async function incidentsByDay(
  db: Db,
  ids: readonly string[],
  range: DayRange,
): Promise<{ day: string; severity: Severity; count: number }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('analytics_incidents')
    .select((eb) => ['opened_day', 'severity', eb.fn.countAll<number>().as('count')])
    .where('establishment_id', 'in', ids)
    .where('opened_day', '>=', range.from)
    .where('opened_day', '<=', range.to)
    .groupBy(['opened_day', 'severity'])
    .execute();
  return rows.map((row) => ({ day: row.opened_day, severity: row.severity, count: num(row.count) }));
}

/**
 * How many incidents reached a step in how many minutes, per severity: a histogram, from which
 * the median is exact without sending every incident (minutes repeat a lot).
 */
export async function responseHistogram(
  db: Db,
  ids: readonly string[],
  range: DayRange,
  measure: 'qualify_minutes' | 'first_action_minutes',
): Promise<{ severity: Severity; minutes: number; count: number }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('analytics_incidents')
    .select((eb) => ['severity', eb.ref(measure).as('minutes'), eb.fn.countAll<number>().as('count')])
    .where('establishment_id', 'in', ids)
    .where('opened_day', '>=', range.from)
    .where('opened_day', '<=', range.to)
    .where(measure, 'is not', null)
    .groupBy(['severity', measure])
    .execute();
  return rows.map((row) => ({ severity: row.severity, minutes: num(row.minutes), count: num(row.count) }));
}

export interface DailySum {
  readonly establishmentId: string;
  readonly metric: string;
  readonly dimension: string;
  readonly value: number;
}

/** Sums of analytics_daily over the range, per establishment, metric and dimension. */
export async function dailySums(
  db: Db,
  ids: readonly string[],
  range: DayRange,
  metrics: readonly string[],
): Promise<DailySum[]> {
  if (ids.length === 0 || metrics.length === 0) return [];
  const rows = await db
    .selectFrom('analytics_daily')
    .select((eb) => ['establishment_id', 'metric', 'dimension', eb.fn.sum<number>('value').as('value')])
    .where('establishment_id', 'in', ids)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .where('metric', 'in', metrics)
    .groupBy(['establishment_id', 'metric', 'dimension'])
    .execute();
  return rows.map((row) => ({
    establishmentId: row.establishment_id,
    metric: row.metric,
    dimension: row.dimension,
    value: num(row.value),
  }));
}

/** Sums of analytics_daily per day and metric (the daily series). */
export async function dailySeries(
  db: Db,
  ids: readonly string[],
  range: DayRange,
  metrics: readonly string[],
): Promise<{ day: string; metric: string; value: number }[]> {
  if (ids.length === 0 || metrics.length === 0) return [];
  const rows = await db
    .selectFrom('analytics_daily')
    .select((eb) => ['day', 'metric', eb.fn.sum<number>('value').as('value')])
    .where('establishment_id', 'in', ids)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .where('metric', 'in', metrics)
    .groupBy(['day', 'metric'])
    .execute();
  return rows.map((row) => ({ day: row.day, metric: row.metric, value: num(row.value) }));
}

/** Establishments among `ids` that have listening set up (a watch term) or have ever had a mention counted. */
export async function withListening(db: Db, ids: readonly string[], metric: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const terms = await db
    .selectFrom('watch_terms')
    .select('establishment_id')
    .distinct()
    .where('establishment_id', 'in', ids)
    .execute();
  const counted = await db
    .selectFrom('analytics_daily')
    .select('establishment_id')
    .distinct()
    .where('establishment_id', 'in', ids)
    .where('metric', '=', metric)
    .execute();
  return new Set([...terms, ...counted].map((row) => row.establishment_id));
}

/** Establishments among `ids` with a publishing account or a published post. */
export async function withPublishing(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const accounts = await db
    .selectFrom('publishing_accounts')
    .select('establishment_id')
    .distinct()
    .where('establishment_id', 'in', ids)
    .execute();
  const posts = await db
    .selectFrom('analytics_publications')
    .select('establishment_id')
    .distinct()
    .where('establishment_id', 'in', ids)
    .execute();
  return new Set([...accounts, ...posts].map((row) => row.establishment_id));
}

export interface PublicationGroupRow {
  readonly establishmentId: string;
  readonly network: string;
  readonly posts: number;
  readonly likes: number;
  readonly shares: number;
  readonly comments: number;
  readonly impressions: number;
}

export async function publicationGroups(
  db: Db,
  ids: readonly string[],
  range: DayRange,
): Promise<PublicationGroupRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('analytics_publications')
    .select((eb) => [
      'establishment_id',
      'network',
      eb.fn.countAll<number>().as('posts'),
      eb.fn.sum<number>('likes').as('likes'),
      eb.fn.sum<number>('shares').as('shares'),
      eb.fn.sum<number>('comments').as('comments'),
      eb.fn.sum<number>('impressions').as('impressions'),
    ])
    .where('establishment_id', 'in', ids)
    .where('published_day', '>=', range.from)
    .where('published_day', '<=', range.to)
    .groupBy(['establishment_id', 'network'])
    .execute();
  return rows.map((row) => ({
    establishmentId: row.establishment_id,
    network: row.network,
    posts: num(row.posts),
    likes: num(row.likes),
    shares: num(row.shares),
    comments: num(row.comments),
    impressions: num(row.impressions),
  }));
}

/** Approval lead times in the range (a few a day per establishment: read as they are). */
export async function approvalLeadTimes(db: Db, ids: readonly string[], range: DayRange): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('analytics_approvals')
    .select('lead_minutes')
    .where('establishment_id', 'in', ids)
    .where('approved_day', '>=', range.from)
    .where('approved_day', '<=', range.to)
    .execute();
  return rows.map((row) => num(row.lead_minutes));
}

export async function establishmentNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('establishments').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A group and all its establishments (the caller keeps those the reader may read). */
export async function groupWithEstablishments(
  db: Db,
  groupId: string,
): Promise<{ name: string; establishments: { id: string; name: string }[] } | undefined> {
  const group = await db
    .selectFrom('establishment_groups')
    .select('name')
    .where('id', '=', groupId)
    .executeTakeFirst();
  if (group === undefined) return undefined;
  const establishments = await db
    .selectFrom('establishments')
    .select(['id', 'name'])
    .where('group_id', '=', groupId)
    .orderBy('name')
    .execute();
  return { name: group.name, establishments };
}
