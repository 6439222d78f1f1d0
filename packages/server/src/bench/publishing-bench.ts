import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AppContext } from '../http/context.js';
import { listDraftPage } from '../publishing/draft-service.js';

export interface PublishingBenchSettings {
  /** Drafts on the desk. */
  readonly drafts: number;
  /** Times the whole desk is read, page by page. */
  readonly rounds: number;
}

export const DEFAULT_PUBLISHING_BENCH_SETTINGS: PublishingBenchSettings = { drafts: 2_000, rounds: 5 };

export interface PublishingBenchResult {
  readonly drafts: number;
  readonly pageSize: number;
  readonly pages: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly draftsPerSecond: number;
}

const PAGE = 100;

/**
 * The desk's list (GET …/publishing/drafts, 100 per page) on the embedded database: a temporary
 * SQLite file with `drafts` drafts, each with two variants, two decisions, a photo and a consent
 * link, read page by page, `rounds` times. The time of a page, whatever its content, is what a
 * community manager waits for.
 */
export async function runPublishingBench(settings: PublishingBenchSettings): Promise<PublishingBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'blouse-publishing-'));
  const storage = openStorage(`sqlite:${join(dir, 'blouse.sqlite')}`);
  try {
    await migrateToLatest(storage);
    const context = benchContext(storage);
    const { establishmentId, actor } = await seedDesk(context, settings.drafts);
    const times: number[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      let cursor: string | undefined;
      do {
        const started = process.hrtime.bigint();
        const page = await listDraftPage(context, establishmentId, actor, {
          limit: PAGE,
          ...(cursor === undefined ? {} : { cursor }),
        });
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const total = times.reduce((sum, ms) => sum + ms, 0);
    return {
      drafts: settings.drafts,
      pageSize: PAGE,
      pages: times.length,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      maxMs: sorted.at(-1) ?? 0,
      draftsPerSecond: (settings.drafts * settings.rounds) / (total / 1000),
    };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchContext(storage: AppContext['storage']): AppContext {
  // The defaults of `blouse serve` (nothing is served: only the services are called).
  return { storage, clock: () => new Date(), config: loadConfig({}) };
}

/** Rows written directly (the guard is not what is measured): one establishment, its desk. */
async function seedDesk(context: AppContext, drafts: number) {
  const db = context.storage.db;
  const now = new Date().toISOString();
  const establishmentId = randomUUID();
  const author = randomUUID();
  const director = randomUUID();
  await db
    .insertInto('establishments')
    .values({ id: establishmentId, group_id: null, name: 'CHU de Banc', guard_lists: '{}', created_at: now })
    .execute();
  for (const [id, role] of [
    [author, 'community_manager'],
    [director, 'communication'],
  ] as const) {
    await db
      .insertInto('users')
      .values({
        id,
        email: `${role}@banc.test`,
        display_name: role,
        password_hash: null,
        oidc_issuer: null,
        oidc_subject: null,
        demo: 0,
        disabled: 0,
        created_at: now,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({ user_id: id, establishment_id: establishmentId, role, created_at: now })
      .execute();
  }
  const consentId = randomUUID();
  await db
    .insertInto('publishing_consents')
    .values({
      id: consentId,
      establishment_id: establishmentId,
      person_name: 'Pr Hélène Morvan',
      person_key: 'pr helene morvan',
      person_kind: 'staff',
      uses: '["name","image"]',
      networks: '[]',
      purpose: 'Banc d’essai',
      signatory: null,
      given_on: '2026-01-01',
      expires_on: '2099-12-31',
      form_content: Buffer.from('%PDF-1.4\n%%EOF\n'),
      form_type: 'application/pdf',
      form_bytes: 15,
      form_sha256: '0'.repeat(64),
      created_by: author,
      created_at: now,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_reason: null,
    })
    .execute();
  const photo = Buffer.alloc(20_000, 7);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < drafts; i++) {
      const id = randomUUID();
      const at = new Date(Date.parse(now) - i * 60_000).toISOString();
      await trx
        .insertInto('publishing_drafts')
        .values({
          id,
          establishment_id: establishmentId,
          author_id: author,
          last_editor_id: author,
          title: `Publication ${i}`,
          status: 'in_review',
          revision: 1,
          sensitive: 1,
          created_at: at,
          updated_at: at,
          submitted_at: at,
          nobody_shown: 0,
        })
        .execute();
      await trx
        .insertInto('publishing_variants')
        .values(
          ['facebook', 'bluesky'].map((network) => ({
            draft_id: id,
            network,
            title: null,
            text: `Mois sans tabac : consultations gratuites au CHU, du lundi au vendredi (${i}).`,
            verdict: 'warn' as const,
            findings: '[]',
            checked_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('publishing_approvals')
        .values([
          {
            id: randomUUID(),
            draft_id: id,
            revision: 1,
            step: 0,
            approver_id: director,
            decision: 'approved',
            comment: 'Très bien.',
            created_at: at,
          },
        ])
        .execute();
      await trx
        .insertInto('publishing_media')
        .values({
          id: randomUUID(),
          draft_id: id,
          position: 0,
          media_type: 'image/png',
          content: photo,
          byte_size: photo.length,
          alt_text: 'Affiche',
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('publishing_draft_consents')
        .values({ draft_id: id, consent_id: consentId })
        .execute();
    }
  });
  return { establishmentId, actor: { id: director, role: 'communication' as const } };
}
