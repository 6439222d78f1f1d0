import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type DashboardScope, establishmentScope, readDashboard } from '../analytics/dashboard-service.js';
import { addDays, parisDay } from '../analytics/paris-day.js';
import { LAG_MS } from '../analytics/refresh/keyset.js';
import { refreshAnalytics } from '../analytics/refresh.js';
import { loadConfig } from '../config/config.js';
import type { DialectName } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { createTestStorage, type TestStorage } from '../test-support/databases.js';
import { seedVolume } from './analytics-seed.js';

export interface AnalyticsBenchSettings {
  readonly incidents: number;
  readonly mentions: number;
  readonly establishments: number;
  /** Establishments in the group measured. */
  readonly groupSize: number;
  /** Dashboard reads per measure (after 3 unmeasured). */
  readonly reads: number;
  /** Rows written one per transaction to measure the write path. */
  readonly writtenMentions: number;
  readonly writtenIncidents: number;
  readonly dialects: readonly DialectName[];
}

export const DEFAULT_ANALYTICS_BENCH_SETTINGS: AnalyticsBenchSettings = {
  incidents: 100_000,
  mentions: 1_000_000,
  establishments: 10,
  groupSize: 5,
  reads: 20,
  writtenMentions: 1_000,
  writtenIncidents: 300,
  dialects: ['sqlite', 'postgres'],
};

export interface Percentiles {
  readonly p50Ms: number;
  readonly p95Ms: number;
}

export interface WritePathResult {
  readonly mention: Percentiles;
  readonly incident: Percentiles;
}

export interface AnalyticsDialectResult {
  readonly dialect: DialectName;
  readonly seedMs: number;
  readonly refreshMs: number;
  /** A refresh after `writtenMentions` new mentions: what the five-minute job does. */
  readonly incrementalRefreshMs: number;
  readonly dailyRows: number;
  readonly reads: {
    readonly establishment30: Percentiles;
    readonly establishment365: Percentiles;
    readonly group30: Percentiles;
    readonly group365: Percentiles;
  };
  /** Without: no watermark index, no refresh. With: the indexes, and a refresh running all along. */
  readonly writes: { readonly without: WritePathResult; readonly with: WritePathResult };
}

export type AnalyticsDialectOutcome =
  | { readonly status: 'measured'; readonly result: AnalyticsDialectResult }
  | { readonly status: 'skipped'; readonly dialect: DialectName; readonly reason: string };

export interface AnalyticsBenchResult {
  readonly settings: AnalyticsBenchSettings;
  readonly dialects: readonly AnalyticsDialectOutcome[];
}

/**
 * `blouse bench analytics`: the dashboards at scale. On a temporary SQLite file and a temporary
 * PostgreSQL database (BLOUSE_TEST_PG or postgres://postgres@127.0.0.1:5432): `incidents`
 * incidents and `mentions` mentions over the last year among `establishments` establishments,
 * the first refresh of the read models, dashboard reads (one establishment and a group, 30 and
 * 365 days), and the write path (a mention, an incident, each in its own transaction) without
 * analytics and with the watermark indexes and a refresh running meanwhile.
 */
export async function runAnalyticsBench(settings: AnalyticsBenchSettings): Promise<AnalyticsBenchResult> {
  const dialects: AnalyticsDialectOutcome[] = [];
  for (const dialect of settings.dialects) {
    let storage: TestStorage;
    try {
      storage = await createTestStorage(dialect);
    } catch (error) {
      dialects.push({
        status: 'skipped',
        dialect,
        reason: `base inaccessible : ${(error as Error).message}`,
      });
      continue;
    }
    try {
      dialects.push({ status: 'measured', result: await benchOn(storage, settings) });
    } finally {
      await storage.dispose();
    }
  }
  return { settings, dialects };
}

async function benchOn(
  storage: TestStorage,
  settings: AnalyticsBenchSettings,
): Promise<AnalyticsDialectResult> {
  const db = storage.db;
  const now = new Date();
  const context: AppContext = { storage, clock: () => now, config: loadConfig({}) };
  const groupId = randomUUID();
  await db
    .insertInto('establishment_groups')
    .values({ id: groupId, name: 'GHT du banc', created_at: now.toISOString() })
    .execute();
  const ids = Array.from({ length: settings.establishments }, () => randomUUID());
  await db
    .insertInto('establishments')
    .values(
      ids.map((id, index) => ({
        id,
        group_id: index < settings.groupSize ? groupId : null,
        name: `CH ${String(index + 1).padStart(2, '0')}`,
        guard_lists: '{}',
        created_at: now.toISOString(),
      })),
    )
    .execute();
  await db
    .insertInto('watch_terms')
    .values(
      ids.map((id) => ({
        id: randomUUID(),
        establishment_id: id,
        kind: 'name' as const,
        term: 'CH',
        folded: 'ch',
        created_at: now.toISOString(),
      })),
    )
    .execute();

  let started = performance.now();
  await seedVolume(db, {
    establishmentIds: ids,
    incidents: settings.incidents,
    mentions: settings.mentions,
    mentionsPerPost: 2,
    alerts: Math.floor(settings.mentions / 500),
    publications: 500,
    from: new Date(now.getTime() - 365 * 86_400_000),
    to: new Date(now.getTime() - 3_600_000),
    // Bigger statements on PostgreSQL, which takes 65,535 parameters.
    chunk: storage.dialect === 'postgres' ? 2_000 : 500,
  });
  const seedMs = performance.now() - started;
  if (storage.dialect === 'postgres') await sql`analyze`.execute(db);

  started = performance.now();
  await refreshAnalytics(storage, now);
  const refreshMs = performance.now() - started;
  const dailyRows = Number(
    (
      await db
        .selectFrom('analytics_daily')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (storage.dialect === 'postgres') await sql`analyze`.execute(db);

  const today = parisDay(now.toISOString());
  const one = await establishmentScope(context, ids[0] as string);
  const group: DashboardScope = {
    kind: 'group',
    id: groupId,
    name: 'GHT du banc',
    establishments: ids.slice(0, settings.groupSize).map((id, index) => ({ id, name: `CH ${index + 1}` })),
    excludedEstablishments: 0,
    view: 'full',
  };
  const time = async (scope: DashboardScope, days: number): Promise<Percentiles> => {
    const range = { from: addDays(today, -(days - 1)), to: today };
    const times: number[] = [];
    for (let round = 0; round < settings.reads + 3; round++) {
      const start = performance.now();
      await readDashboard(context, scope, range);
      if (round >= 3) times.push(performance.now() - start);
    }
    return percentiles(times);
  };
  const reads = {
    establishment30: await time(one, 30),
    establishment365: await time(one, 365),
    group30: await time(group, 30),
    group365: await time(group, 365),
  };

  // The write path without analytics: no watermark index, no refresh.
  const indexes = [
    ['mentions_created', 'mentions'],
    ['listening_alerts_created', 'listening_alerts'],
    ['incidents_updated', 'incidents'],
  ] as const;
  for (const [name] of indexes) await db.schema.dropIndex(name).execute();
  const without = await writePath(storage, ids, settings);
  await db.schema.createIndex('mentions_created').on('mentions').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('listening_alerts_created')
    .on('listening_alerts')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema.createIndex('incidents_updated').on('incidents').columns(['updated_at', 'id']).execute();
  // With: the indexes, and a refresh running in a loop meanwhile (reading the rows just written).
  let running = true;
  const loop = (async () => {
    while (running) {
      await refreshAnalytics(storage, new Date(Date.now() + LAG_MS + 1_000));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const withAnalytics = await writePath(storage, ids, settings);
  running = false;
  await loop;
  // What the five-minute job finds after those writes, measured on its own.
  await writePath(storage, ids, { ...settings, writtenIncidents: 0 });
  started = performance.now();
  await refreshAnalytics(storage, new Date(Date.now() + LAG_MS + 1_000));
  const incrementalRefreshMs = performance.now() - started;

  return {
    dialect: storage.dialect,
    seedMs,
    refreshMs,
    incrementalRefreshMs,
    dailyRows,
    reads,
    writes: { without, with: withAnalytics },
  };
}

/** Mentions (with their heard post) and incidents (with an event), each in its own transaction. */
async function writePath(
  storage: TestStorage,
  ids: readonly string[],
  settings: Pick<AnalyticsBenchSettings, 'writtenMentions' | 'writtenIncidents'>,
): Promise<WritePathResult> {
  const db = storage.db;
  const mentionTimes: number[] = [];
  for (let index = 0; index < settings.writtenMentions; index++) {
    const at = new Date().toISOString();
    const postId = randomUUID();
    const start = performance.now();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('heard_posts')
        .values({
          id: postId,
          dedupe_key: postId,
          source: 'rss',
          external_id: postId,
          url: null,
          author_handle: null,
          author_kind: null,
          reach: null,
          text: 'Une publication entendue.',
          published_at: at,
          received_at: at,
          search_text: 'une publication entendue',
        })
        .execute();
      await trx
        .insertInto('mentions')
        .values({
          id: randomUUID(),
          establishment_id: ids[index % ids.length] as string,
          post_id: postId,
          matched_terms: '["CH"]',
          category: 'complaint',
          verdict: 'ok',
          findings: '[]',
          source: 'rss',
          published_at: at,
          created_at: at,
          expires_at: '2099-01-01T00:00:00.000Z',
          incident_id: null,
        })
        .execute();
    });
    mentionTimes.push(performance.now() - start);
  }
  const incidentTimes: number[] = [];
  for (let index = 0; index < settings.writtenIncidents; index++) {
    const at = new Date().toISOString();
    const id = randomUUID();
    const start = performance.now();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('incidents')
        .values({
          id,
          establishment_id: ids[index % ids.length] as string,
          report_id: null,
          reference: `INC-BANC-${id.slice(0, 8)}`,
          title: 'Incident du banc',
          status: 'new',
          proposed_severity: 'N2',
          severity: null,
          proposed_category: 'complaint',
          category: null,
          guard_findings: '[]',
          decisions: '[]',
          owner_id: null,
          first_published_at: null,
          breach_aware_at: null,
          created_at: at,
          updated_at: at,
          version: 1,
          next_due_at: null,
          search_text: 'incident du banc',
        })
        .execute();
      await trx
        .insertInto('incident_events')
        .values({ id: randomUUID(), incident_id: id, at, actor_id: null, kind: 'created', detail: '{}' })
        .execute();
    });
    incidentTimes.push(performance.now() - start);
  }
  return { mention: percentiles(mentionTimes), incident: percentiles(incidentTimes) };
}

function percentiles(times: readonly number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}
