import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestStorage, DIALECTS, type TestStorage } from '../test-support/databases.js';
import { migrateToLatest } from './migrate.js';

describe.each(DIALECTS)('storage on %s', (dialect) => {
  const opened: TestStorage[] = [];
  afterAll(async () => {
    for (const storage of opened) await storage.dispose();
  });

  it('migrates an empty database to the latest schema, and again without effect', async () => {
    const storage = await createTestStorage(dialect);
    opened.push(storage);
    expect(await migrateToLatest(storage)).toEqual({ applied: [] });
    const tables = await storage.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'users',
        'memberships',
        'sessions',
        'audit_log',
        'reports',
        'incidents',
        'evidence',
      ]),
    );
  });

  it('stores and returns binary content byte for byte', async () => {
    const storage = await createTestStorage(dialect);
    opened.push(storage);
    const bytes = Buffer.from([0, 1, 2, 255, 254, 0x89, 0x50, 0x4e, 0x47]);
    const now = new Date().toISOString();
    await storage.db
      .insertInto('establishments')
      .values({ id: 'e1', group_id: null, name: 'CH', guard_lists: '{}', created_at: now })
      .execute();
    await storage.db
      .insertInto('reports')
      .values({
        id: 'r1',
        establishment_id: 'e1',
        reporter_id: null,
        follow_up_hash: null,
        url: 'https://x',
        network: 'x',
        excerpt: '',
        seen_where: '',
        note: '',
        first_published_at: null,
        created_at: now,
      })
      .execute();
    await storage.db
      .insertInto('report_files')
      .values({
        id: 'f1',
        report_id: 'r1',
        file_name: 'a.png',
        media_type: 'image/png',
        size: bytes.length,
        sha256: 'x',
        content: bytes,
        created_at: now,
      })
      .execute();
    const row = await storage.db.selectFrom('report_files').select('content').executeTakeFirstOrThrow();
    expect(Buffer.compare(Buffer.from(row.content), bytes)).toBe(0);
  });

  it('enforces foreign keys', async () => {
    const storage = await createTestStorage(dialect);
    opened.push(storage);
    await expect(
      storage.db
        .insertInto('memberships')
        .values({ user_id: 'nobody', establishment_id: 'nowhere', role: 'agent', created_at: '' })
        .execute(),
    ).rejects.toThrow();
    expect((await sql<{ n: number }>`select 1 as n`.execute(storage.db)).rows[0]?.n).toBe(1);
  });
});
