import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolume } from '../bench/analytics-seed.js';
import { createTestStorage, DIALECTS, type TestStorage } from '../test-support/databases.js';
import { parisDay } from './paris-day.js';
import { refreshAnalytics } from './refresh.js';
import { insertTestMention } from './test-mention.js';

const NOW = new Date('2026-11-02T09:00:00.000Z');

async function establishments(storage: TestStorage, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await storage.db
    .insertInto('establishments')
    .values(
      ids.map((id, index) => ({
        id,
        group_id: null,
        name: `CH ${index}`,
        guard_lists: '{}',
        created_at: NOW.toISOString(),
      })),
    )
    .execute();
  return ids;
}

/** What the read models hold, as comparable text. */
async function snapshot(storage: TestStorage): Promise<string[]> {
  const daily = await storage.db.selectFrom('analytics_daily').selectAll().execute();
  const incidents = await storage.db.selectFrom('analytics_incidents').selectAll().execute();
  return [
    ...daily.map(
      (row) => `${row.establishment_id} ${row.day} ${row.metric} ${row.dimension} ${Number(row.value)}`,
    ),
    ...incidents.map((row) => JSON.stringify(row)),
  ].sort();
}

/** Mentions counted straight from the write table, per establishment, Paris day and category. */
async function mentionsByCategory(storage: TestStorage): Promise<Map<string, number>> {
  const rows = await storage.db
    .selectFrom('mentions')
    .select(['establishment_id', 'published_at', 'category'])
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.establishment_id} ${parisDay(row.published_at)} ${row.category}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function dailyOf(storage: TestStorage, metric: string): Promise<Map<string, number>> {
  const rows = await storage.db
    .selectFrom('analytics_daily')
    .selectAll()
    .where('metric', '=', metric)
    .execute();
  return new Map(
    rows.map((row) => [`${row.establishment_id} ${row.day} ${row.dimension}`, Number(row.value)]),
  );
}

describe.each(DIALECTS)('analytics refresh on %s', (dialect) => {
  let storage: TestStorage;
  let other: TestStorage;
  beforeAll(async () => {
    [storage, other] = await Promise.all([createTestStorage(dialect), createTestStorage(dialect)]);
    for (const target of [storage, other]) {
      const ids = await establishments(target, 3);
      await seedVolume(target.db, {
        establishmentIds: ids,
        incidents: 300,
        mentions: 2_000,
        mentionsPerPost: 2,
        alerts: 40,
        publications: 12,
        from: new Date('2026-08-01T00:00:00.000Z'),
        to: new Date('2026-11-01T00:00:00.000Z'),
        seed: 7,
      });
    }
  }, 60_000);
  afterAll(async () => {
    await storage.dispose();
    await other.dispose();
  });

  it('turns every mention into its daily count, and a second refresh adds nothing', async () => {
    const summary = await refreshAnalytics(storage, NOW, { batchSize: 500 });
    expect(summary.mentions).toBe(2_000);
    expect(summary.incidents).toBe(300);
    expect(summary.alerts).toBe(40);
    expect(await dailyOf(storage, 'mentions.category')).toEqual(await mentionsByCategory(storage));
    const before = await snapshot(storage);
    const again = await refreshAnalytics(storage, NOW, { batchSize: 500 });
    expect(again.mentions).toBe(0);
    expect(await snapshot(storage)).toEqual(before);
    const incidents = await storage.db
      .selectFrom('analytics_incidents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(incidents.n)).toBe(300);
  });

  it('gives the same counts after a crash halfway and a restart', async () => {
    // The other database holds the same rows (same seed), refreshed in pieces: stopped after
    // each of the first batches as a dying process would, then run to the end.
    let batches = 0;
    for (let crash = 1; crash <= 3; crash++) {
      await expect(
        refreshAnalytics(other, NOW, {
          batchSize: 300,
          afterBatch: () => {
            batches++;
            if (batches % 2 === 0) throw new Error('arrêt brutal');
          },
        }),
      ).rejects.toThrow('arrêt brutal');
    }
    await refreshAnalytics(other, NOW, { batchSize: 300 });
    expect(await dailyOf(other, 'mentions.category')).toEqual(await mentionsByCategory(other));
    const ours = await snapshot(storage);
    const theirs = await snapshot(other);
    // Ids differ between the two databases; the counts per day and dimension must not.
    const shape = (rows: string[]) =>
      rows
        .filter((row) => !row.startsWith('{'))
        .map((row) => row.split(' ').slice(1).join(' '))
        .sort();
    expect(shape(theirs).length).toBeGreaterThan(0);
    expect(shape(theirs).reduce((sum, row) => sum + Number(row.split(' ').at(-1)), 0)).toBe(
      shape(ours).reduce((sum, row) => sum + Number(row.split(' ').at(-1)), 0),
    );
  });

  it('counts once when two refreshes run at the same time', async () => {
    const ids = await storage.db.selectFrom('establishments').select('id').execute();
    const establishmentId = ids[0]?.id as string;
    const at = '2026-11-02T08:00:00.000Z';
    await insertTestMention(storage.db, {
      establishmentId: establishmentId,
      at,
      category: 'complaint',
      verdict: 'ok',
      source: 'rss',
    });
    await Promise.all([
      refreshAnalytics(storage, NOW),
      refreshAnalytics(storage, NOW),
      refreshAnalytics(storage, NOW),
    ]);
    expect(await dailyOf(storage, 'mentions.category')).toEqual(await mentionsByCategory(storage));
  });

  it('waits for a mention written in the last 30 seconds, and counts it at the next refresh', async () => {
    const ids = await storage.db.selectFrom('establishments').select('id').execute();
    const at = new Date(NOW.getTime() + 60_000).toISOString();
    await insertTestMention(storage.db, {
      establishmentId: ids[1]?.id as string,
      at,
      category: 'threat',
      verdict: 'block',
      source: 'bluesky',
    });
    expect((await refreshAnalytics(storage, new Date(NOW.getTime() + 70_000))).mentions).toBe(0);
    expect((await refreshAnalytics(storage, new Date(NOW.getTime() + 120_000))).mentions).toBe(1);
    expect(await dailyOf(storage, 'mentions.category')).toEqual(await mentionsByCategory(storage));
  });

  it('rewrites an incident that changed: its status and severity are current states', async () => {
    const row = await storage.db
      .selectFrom('incidents')
      .selectAll()
      .where('status', '=', 'new')
      .limit(1)
      .executeTakeFirstOrThrow();
    const later = new Date(NOW.getTime() + 600_000);
    await storage.db
      .updateTable('incidents')
      .set({ status: 'closed', severity: 'N4', updated_at: later.toISOString(), next_due_at: null })
      .where('id', '=', row.id)
      .execute();
    await refreshAnalytics(storage, new Date(later.getTime() + 1_000));
    const read = await storage.db
      .selectFrom('analytics_incidents')
      .selectAll()
      .where('incident_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(read.status).toBe('closed');
    expect(read.severity).toBe('N4');
    expect(read.next_due_at).toBeNull();
  });

  it('copies the check counters, replacing the days it copied before', async () => {
    const ids = await storage.db.selectFrom('establishments').select('id').execute();
    const establishmentId = ids[2]?.id as string;
    const counter = (verdict: string, rule_id: string, count: number) => ({
      establishment_id: establishmentId,
      day: '2026-11-02',
      context: 'staff',
      verdict,
      rule_id,
      count,
    });
    await storage.db
      .insertInto('check_stats')
      .values([counter('block', '*', 3), counter('ok', '*', 5), counter('block', 'SECRET-01', 3)])
      .execute();
    await refreshAnalytics(storage, NOW);
    await storage.db.updateTable('check_stats').set({ count: 9 }).where('verdict', '=', 'ok').execute();
    await refreshAnalytics(storage, new Date(NOW.getTime() + 300_000));
    const verdicts = await dailyOf(storage, 'checks.verdict');
    expect(verdicts.get(`${establishmentId} 2026-11-02 ok`)).toBe(9);
    expect(verdicts.get(`${establishmentId} 2026-11-02 block`)).toBe(3);
    expect((await dailyOf(storage, 'checks.rule')).get(`${establishmentId} 2026-11-02 SECRET-01`)).toBe(3);
  });
});
