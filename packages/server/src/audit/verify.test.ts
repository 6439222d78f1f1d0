import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStorage, DIALECTS, type TestStorage } from '../test-support/databases.js';
import { auditHash } from './audit-chain.js';
import { seedAudit } from './test-kit.js';
import { verifyAuditChain } from './verify.js';

describe.each(DIALECTS)('verifyAuditChain (%s)', (dialect) => {
  let storage: TestStorage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    await seedAudit(storage, 10);
  });
  afterEach(() => storage.dispose());

  const db = () => storage.db;

  it('finds an untouched chain intact, page after page, and gives its head', async () => {
    const last = await db()
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', '=', 10)
      .executeTakeFirstOrThrow();
    for (const pageSize of [3, 10, 500]) {
      expect(await verifyAuditChain(db(), { pageSize })).toEqual({
        intact: true,
        checked: 10,
        head: { seq: 10, hash: last.hash },
      });
    }
    expect((await verifyAuditChain(db(), { head: { seq: 10, hash: last.hash } })).intact).toBe(true);
    const middle = await db()
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', 4)
      .executeTakeFirstOrThrow();
    expect((await verifyAuditChain(db(), { head: { seq: 4, hash: middle.hash } })).intact).toBe(true);
  });

  it('finds an empty log intact, with no head', async () => {
    await db().deleteFrom('audit_log').execute();
    expect(await verifyAuditChain(db())).toEqual({ intact: true, checked: 0, head: null });
  });

  it('detects an entry edited with SQL', async () => {
    await db().updateTable('audit_log').set({ detail: '{"index":999}' }).where('seq', '=', 4).execute();
    const result = await verifyAuditChain(db(), { pageSize: 3 });
    expect(result).toMatchObject({ intact: false, checked: 3, firstBad: { seq: 4, reason: 'edited' } });
    expect(result.head?.seq).toBe(3);
  });

  it('detects a deleted entry in the middle', async () => {
    await db().deleteFrom('audit_log').where('seq', '=', 6).execute();
    const result = await verifyAuditChain(db(), { pageSize: 3 });
    expect(result).toMatchObject({ intact: false, checked: 5, firstBad: { seq: 6, reason: 'deleted' } });
    expect(result.firstBad?.message).toContain('n° 6 manque');
  });

  it('detects two entries swapped', async () => {
    await db().updateTable('audit_log').set({ seq: 1000 }).where('seq', '=', 6).execute();
    await db().updateTable('audit_log').set({ seq: 6 }).where('seq', '=', 7).execute();
    await db().updateTable('audit_log').set({ seq: 7 }).where('seq', '=', 1000).execute();
    const result = await verifyAuditChain(db());
    expect(result).toMatchObject({ intact: false, firstBad: { seq: 6, reason: 'reordered' } });
    expect(result.firstBad?.message).toContain('position n° 7');
  });

  it('detects an entry rewritten with a recomputed hash, and a forged entry before the first', async () => {
    const row = await db().selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const forged = { ...row, detail: '{"index":"faux"}' };
    await db()
      .updateTable('audit_log')
      .set({ detail: forged.detail, hash: auditHash(row.prev_hash, forged) })
      .where('seq', '=', 3)
      .execute();
    expect(await verifyAuditChain(db())).toMatchObject({
      intact: false,
      firstBad: { seq: 4, reason: 'inserted' },
    });

    await db()
      .updateTable('audit_log')
      .set({ detail: row.detail, hash: row.hash })
      .where('seq', '=', 3)
      .execute();
    const zero = { ...row, seq: 0, prev_hash: '0'.repeat(64) };
    await db()
      .insertInto('audit_log')
      .values({ ...zero, hash: auditHash(zero.prev_hash, zero) })
      .execute();
    expect(await verifyAuditChain(db())).toMatchObject({
      intact: false,
      firstBad: { seq: 0, reason: 'inserted' },
    });
  });

  it('detects a cut tail only against a head noted earlier', async () => {
    const noted = await db()
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', '=', 10)
      .executeTakeFirstOrThrow();
    await db().deleteFrom('audit_log').where('seq', '>=', 9).execute();
    expect((await verifyAuditChain(db())).intact).toBe(true);
    const result = await verifyAuditChain(db(), { head: { seq: noted.seq, hash: noted.hash } });
    expect(result).toMatchObject({ intact: false, checked: 8, firstBad: { seq: 9, reason: 'head_missing' } });

    const other = await verifyAuditChain(db(), { head: { seq: 5, hash: 'f'.repeat(64) } });
    expect(other).toMatchObject({ intact: false, firstBad: { seq: 5, reason: 'head_mismatch' } });
  });
});
