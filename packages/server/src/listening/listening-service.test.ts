import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../evidence/test-kit.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { ingestBatch } from './ingest/ingest-batch.js';
import { ListeningService, sourcesChanged } from './listening-service.js';
import { purgeExpiredMentions } from './mentions/retention.js';
import { addTestSource, eventually, PostShelf, shelfRegistry } from './sources/test-sources.js';
import { addTestTerm, testPost } from './test-kit.js';
import { termsChanged } from './watch-terms/matcher-cache.js';

describe.each(DIALECTS)('the listening service on %s', (dialect) => {
  let t: TestApp;
  let establishmentId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishmentId = await t.establishment('CHU de Valmont');
    await addTestTerm(t.storage.db, establishmentId, 'CHU de Valmont');
    termsChanged(t.context);
  });
  afterAll(async () => t.close());

  it('runs every enabled source, follows additions and removals, and stops cleanly', async () => {
    const shelves = new Map([
      ['a', new PostShelf()],
      ['b', new PostShelf()],
    ]);
    shelves.get('a')?.add(testPost({ externalId: 'svc-a1', text: 'Le CHU de Valmont recrute' }));
    shelves.get('b')?.add(testPost({ externalId: 'svc-b1', text: 'Au CHU de Valmont ce matin' }));
    const first = await addTestSource(t.storage.db, { kind: 'bluesky', shelf: 'a', establishmentId });
    // A long reload interval: the change below is followed because the API says so, not by polling.
    const service = new ListeningService({
      registry: shelfRegistry(shelves),
      reloadMs: 3_600_000,
    });
    service.start(t.context);
    await eventually(async () => service.runningSources().includes(first));

    const second = await addTestSource(t.storage.db, { kind: 'bluesky', shelf: 'b', establishmentId });
    sourcesChanged(t.context);
    await eventually(async () => service.runningSources().length === 2);
    const heard = async () =>
      (
        await t.storage.db
          .selectFrom('heard_posts')
          .select('external_id')
          .where('external_id', 'like', 'svc-%')
          .execute()
      ).length;
    await eventually(async () => (await heard()) === 2);

    await t.storage.db.updateTable('listening_sources').set({ enabled: 0 }).where('id', '=', first).execute();
    sourcesChanged(t.context);
    await eventually(async () => service.runningSources().join() === second);

    await service.stop();
    expect(service.runningSources()).toEqual([]);
  });
});

describe.each(DIALECTS)('retention on %s', (dialect) => {
  let t: TestApp;
  afterAll(async () => t.close());

  it('deletes expired mentions except those an incident holds, then the posts no mention needs', async () => {
    t = await createTestApp(dialect, { mentionRetentionDays: 10 });
    const valmont = await t.establishment('CHU de Valmont');
    const bourg = await t.establishment('CH de Bourg');
    await addTestTerm(t.storage.db, valmont, 'CHU de Valmont');
    await addTestTerm(t.storage.db, bourg, 'CH de Bourg');
    termsChanged(t.context);
    const target = { sourceId: null, establishmentId: null };
    const early = await ingestBatch(
      t.context,
      target,
      [
        testPost({ externalId: 'r-kept', text: 'Plainte contre le CHU de Valmont' }),
        testPost({ externalId: 'r-gone', text: 'Le CHU de Valmont inaugure' }),
        testPost({ externalId: 'r-shared', text: 'Le CHU de Valmont et le CH de Bourg fusionnent' }),
      ],
      null,
      [],
    );
    const held = early.mentions.find((m) => m.text.startsWith('Plainte'));
    const incidentId = await createIncident(t.storage.db, valmont);
    await t.storage.db
      .updateTable('mentions')
      .set({ incident_id: incidentId })
      .where('id', '=', held?.id ?? '')
      .execute();

    t.clock.advance(5 * 86_400_000);
    await ingestBatch(
      t.context,
      target,
      [testPost({ externalId: 'r-young', text: 'CHU de Valmont' })],
      null,
      [],
    );
    // Bourg's mention of the shared post lasts longer (as if Bourg had a longer retention).
    const sharedBourg = early.mentions.find((m) => m.establishmentId === bourg);
    await t.storage.db
      .updateTable('mentions')
      .set({ expires_at: '2026-12-31T00:00:00.000Z' })
      .where('id', '=', sharedBourg?.id ?? '')
      .execute();

    expect(await purgeExpiredMentions(t.context)).toEqual({ mentions: 0, posts: 0 });
    t.clock.advance(6 * 86_400_000);
    expect(await purgeExpiredMentions(t.context)).toEqual({ mentions: 2, posts: 1 });
    const posts = await t.storage.db
      .selectFrom('heard_posts')
      .select('external_id')
      .orderBy('external_id')
      .execute();
    expect(posts.map((p) => p.external_id)).toEqual(['r-kept', 'r-shared', 'r-young']);
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'listening.purge')
      .execute();
    expect(audit.map((row) => JSON.parse(row.detail))).toEqual([{ mentions: 2, posts: 1 }]);
  });
});
