import { randomUUID } from 'node:crypto';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, DIALECTS, type TestStorage } from '../../test-support/databases.js';
import { migrateToLatest } from '../migrate.js';
import { migrationProvider } from './index.js';

/** Incidents filed before 0004 get their list keys and a network name in their title. */
describe.each(DIALECTS)('migration 0004 on %s', (dialect) => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await createTestStorage(dialect);
  });
  afterAll(() => storage.dispose());

  it('backfills the next deadline, the search text and the titles of existing incidents', async () => {
    const migrator = new Migrator({ db: storage.db, provider: migrationProvider });
    const down = await migrator.migrateTo('0002_accounts_sso');
    expect(down.error).toBeUndefined();
    const db = storage.db;
    const eid = randomUUID();
    const reportId = randomUUID();
    const id = randomUUID();
    const at = '2026-10-01T09:00:00.000Z';
    await db
      .insertInto('establishments')
      .values({ id: eid, group_id: null, name: 'CHU', guard_lists: '{}', created_at: at })
      .execute();
    await db
      .insertInto('reports')
      .values({
        id: reportId,
        establishment_id: eid,
        reporter_id: null,
        follow_up_hash: null,
        url: 'https://x.example/1',
        network: 'x',
        excerpt: 'Une ÉPIDÉMIE cachée à l’hôpital',
        seen_where: '',
        note: '',
        first_published_at: null,
        created_at: at,
      })
      .execute();
    // Written as the code before 0004 wrote it: no list keys, the network's id in the title.
    const legacy = {
      id,
      establishment_id: eid,
      report_id: reportId,
      reference: 'INC-2026-0001',
      title: 'Menaces — x',
      status: 'new' as const,
      proposed_severity: 'N4' as const,
      severity: null,
      proposed_category: 'threat',
      category: null,
      guard_findings: '{}',
      decisions: '[]',
      owner_id: null,
      first_published_at: null,
      breach_aware_at: null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await (db as unknown as typeof db)
      .insertInto('incidents')
      .values(legacy as never)
      .execute();
    await migrateToLatest(storage);
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Menaces — X (anciennement Twitter)');
    // N4: qualify within 15 minutes of creation.
    expect(row.next_due_at).toBe('2026-10-01T09:15:00.000Z');
    expect(row.search_text).toContain("une epidemie cachee a l'hopital");
    expect(row.search_text).toContain('inc-2026-0001');
  });
});
