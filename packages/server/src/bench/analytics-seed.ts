import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, IncidentStatus, NewRow, Severity } from '../db/schema.js';

/**
 * Synthetic activity for the analytics bench and tests: incidents with their milestones,
 * mentions (and the heard posts behind them), alerts, check counters and published posts, spread
 * over a period, written with multi-row inserts in transactions. Deterministic for a given seed.
 */
export interface VolumeSettings {
  readonly establishmentIds: readonly string[];
  readonly incidents: number;
  readonly mentions: number;
  /** Mentions per heard post (a shared firehose post matched by several establishments). */
  readonly mentionsPerPost?: number;
  readonly alerts?: number;
  readonly publications?: number;
  /** The period, as instants: [from, to). */
  readonly from: Date;
  readonly to: Date;
  readonly seed?: number;
  /** Rows per statement (default 500). */
  readonly chunk?: number;
  /** Rows per transaction (default 20,000). */
  readonly perTransaction?: number;
  /** Incident titles to draw from (default « Incident N »), and their references' prefix. */
  readonly titles?: readonly string[];
  readonly referencePrefix?: string;
}

export const SEVERITY_MIX: readonly Severity[] = ['N0', 'N1', 'N1', 'N1', 'N2', 'N2', 'N3', 'N4'];
export const INCIDENT_CATEGORY_MIX = [
  'complaint',
  'question',
  'rumour',
  'defamation',
  'insult',
  'threat',
  'secret_breach',
];
export const MENTION_CATEGORY_MIX = [
  'complaint',
  'question',
  'praise',
  'information',
  'rumor',
  'threat',
  'privacy_breach',
];
export const SOURCE_MIX = ['bluesky', 'mastodon', 'rss', 'import', 'x'];
const STATUS_MIX: readonly IncidentStatus[] = [
  'new',
  'qualified',
  'decided',
  'responded',
  'closed',
  'closed',
  'closed',
];

/** mulberry32: small, fast, good enough to spread synthetic rows. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

/** Writes `rows` produced one by one, `chunk` per statement and `perTransaction` per transaction. */
async function insertMany<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  count: number,
  make: (index: number) => NewRow<T> | NewRow<T>[],
  settings: { chunk: number; perTransaction: number },
): Promise<void> {
  let index = 0;
  while (index < count) {
    const end = Math.min(count, index + settings.perTransaction);
    await db.transaction().execute(async (trx) => {
      let rows: NewRow<T>[] = [];
      for (; index < end; index++) {
        const made = make(index);
        if (Array.isArray(made)) rows.push(...made);
        else rows.push(made);
        if (rows.length >= settings.chunk) {
          await trx
            .insertInto(table as 'incidents')
            .values(rows as unknown as NewRow<'incidents'>[])
            .execute();
          rows = [];
        }
      }
      if (rows.length > 0)
        await trx
          .insertInto(table as 'incidents')
          .values(rows as unknown as NewRow<'incidents'>[])
          .execute();
    });
  }
}

export interface SeededVolume {
  readonly incidents: number;
  readonly events: number;
  readonly mentions: number;
  readonly alerts: number;
  readonly publications: number;
}

export async function seedVolume(db: Kysely<Database>, settings: VolumeSettings): Promise<SeededVolume> {
  const next = random(settings.seed ?? 14);
  const batching = { chunk: settings.chunk ?? 500, perTransaction: settings.perTransaction ?? 20_000 };
  const from = settings.from.getTime();
  const span = settings.to.getTime() - from;
  const at = (index: number, count: number) =>
    new Date(from + Math.floor(((index + next()) / count) * span)).toISOString();
  const establishment = () => pick(next, settings.establishmentIds);
  const runId = randomUUID().slice(0, 8);

  // Incidents, each with its qualification, and most with a decision: the milestones of §3.5.
  const incidentIds: string[] = [];
  const events: NewRow<'incident_events'>[] = [];
  await insertMany(
    db,
    'incidents',
    settings.incidents,
    (index) => {
      const id = randomUUID();
      incidentIds.push(id);
      const created = at(index, settings.incidents);
      const severity = pick(next, SEVERITY_MIX);
      const status = pick(next, STATUS_MIX);
      // Milestones within the period: nothing happens after its end.
      const minutes = (max: number) =>
        new Date(
          Math.min(settings.to.getTime() - 1, Date.parse(created) + Math.floor(next() * max) * 60_000),
        ).toISOString();
      if (status !== 'new') {
        events.push({
          id: randomUUID(),
          incident_id: id,
          at: minutes(600),
          actor_id: null,
          kind: 'qualification',
          detail: '{}',
        });
        if (status !== 'qualified')
          events.push({
            id: randomUUID(),
            incident_id: id,
            at: minutes(3_000),
            actor_id: null,
            kind: 'decision',
            detail: '{"decision":"answer"}',
          });
        if (status === 'closed')
          events.push({
            id: randomUUID(),
            incident_id: id,
            at: minutes(6_000),
            actor_id: null,
            kind: 'transition',
            detail: '{"to":"closed"}',
          });
      }
      const category = pick(next, INCIDENT_CATEGORY_MIX);
      return {
        id,
        establishment_id: establishment(),
        report_id: null,
        reference: `${settings.referencePrefix ?? `INC-${runId}-`}${String(index + 1).padStart(4, '0')}`,
        title: settings.titles === undefined ? `Incident ${index}` : pick(next, settings.titles),
        status,
        proposed_severity: severity,
        severity: status === 'new' ? null : severity,
        proposed_category: category,
        category: status === 'new' ? null : category,
        guard_findings: '[]',
        decisions: '[]',
        owner_id: null,
        first_published_at: null,
        breach_aware_at: null,
        created_at: created,
        updated_at: minutes(6_000),
        version: 1,
        next_due_at: status === 'closed' ? null : minutes(2_000),
        search_text: '',
      };
    },
    batching,
  );
  await insertMany(
    db,
    'incident_events',
    events.length,
    (index) => events[index] as NewRow<'incident_events'>,
    batching,
  );

  // Heard posts and their mentions: a post matched by several establishments.
  const perPost = Math.max(1, Math.min(settings.mentionsPerPost ?? 1, settings.establishmentIds.length));
  const posts = Math.ceil(settings.mentions / perPost);
  const postTimes: string[] = [];
  await insertMany(
    db,
    'heard_posts',
    posts,
    (index) => {
      const published = at(index, posts);
      postTimes.push(published);
      return {
        id: `${runId}-p${index}`,
        dedupe_key: `${runId}-p${index}`,
        source: pick(next, SOURCE_MIX),
        external_id: `${index}`,
        url: null,
        author_handle: null,
        author_kind: null,
        reach: null,
        text: '',
        published_at: published,
        received_at: published,
        search_text: '',
      };
    },
    batching,
  );
  const offset = Math.floor(next() * settings.establishmentIds.length);
  await insertMany(
    db,
    'mentions',
    posts,
    (index) => {
      const published = postTimes[index] as string;
      const rows: NewRow<'mentions'>[] = [];
      const count = Math.min(perPost, settings.mentions - index * perPost);
      for (let k = 0; k < count; k++) {
        rows.push({
          id: `${runId}-m${index}-${k}`,
          establishment_id: settings.establishmentIds[
            (index + k + offset) % settings.establishmentIds.length
          ] as string,
          post_id: `${runId}-p${index}`,
          matched_terms: '[]',
          category: pick(next, MENTION_CATEGORY_MIX),
          verdict: 'ok',
          findings: '[]',
          source: pick(next, SOURCE_MIX),
          published_at: published,
          created_at: published,
          expires_at: '2099-01-01T00:00:00.000Z',
          incident_id: null,
        });
      }
      return rows;
    },
    { chunk: batching.chunk, perTransaction: Math.max(1, Math.floor(batching.perTransaction / perPost)) },
  );

  const alerts = settings.alerts ?? Math.floor(settings.mentions / 500);
  await insertMany(
    db,
    'listening_alerts',
    alerts,
    (index) => ({
      id: randomUUID(),
      establishment_id: establishment(),
      tier: 'immediate' as const,
      reason: pick(next, ['threat', 'privacy_breach', 'high_reach', 'volume', 'press']),
      series_key: null,
      explanation: '',
      details: '{}',
      mention_ids: '[]',
      created_at: at(index, alerts),
      incident_id: null,
    }),
    batching,
  );

  const publications = settings.publications ?? 0;
  if (publications > 0) await seedPublications(db, settings.establishmentIds, publications, at, next);
  return {
    incidents: settings.incidents,
    events: events.length,
    mentions: settings.mentions,
    alerts,
    publications,
  };
}

/** Published posts need a draft and an author: one user and one draft per establishment. */
async function seedPublications(
  db: Kysely<Database>,
  establishmentIds: readonly string[],
  count: number,
  at: (index: number, count: number) => string,
  next: () => number,
): Promise<void> {
  const userId = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({
      id: userId,
      email: `bench-${userId.slice(0, 8)}@exemple.fr`,
      display_name: 'Banc d’essai',
      password_hash: null,
      oidc_issuer: null,
      oidc_subject: null,
      demo: 0,
      disabled: 0,
      created_at: now,
    })
    .execute();
  const drafts = new Map<string, string>();
  for (const establishmentId of establishmentIds) {
    const id = randomUUID();
    drafts.set(establishmentId, id);
    await db
      .insertInto('publishing_drafts')
      .values({
        id,
        establishment_id: establishmentId,
        author_id: userId,
        last_editor_id: userId,
        title: 'Campagne',
        status: 'approved',
        revision: 1,
        sensitive: 0,
        created_at: now,
        updated_at: now,
        submitted_at: now,
        nobody_shown: 1,
      })
      .execute();
  }
  // One transaction: SQLite would otherwise wait for the disk after each row.
  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index++) {
      const establishmentId = pick(next, establishmentIds);
      const id = randomUUID();
      const published = at(index, count);
      await trx
        .insertInto('publications')
        .values({
          id,
          establishment_id: establishmentId,
          draft_id: drafts.get(establishmentId) as string,
          revision: 1,
          network: pick(next, ['bluesky', 'mastodon', 'linkedin', 'facebook']),
          scheduled_at: published,
          status: 'published',
          idempotency_key: id,
          attempts: 1,
          last_error: null,
          external_id: id,
          url: null,
          published_at: published,
          created_at: published,
          created_by: userId,
        })
        .execute();
      await trx
        .insertInto('publication_metrics')
        .values({
          publication_id: id,
          likes: Math.floor(next() * 200),
          shares: Math.floor(next() * 40),
          comments: Math.floor(next() * 30),
          impressions: Math.floor(next() * 5_000),
          collected_at: published,
          collections: 1,
        })
        .execute();
    }
  });
}
