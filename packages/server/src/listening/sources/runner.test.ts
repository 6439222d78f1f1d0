import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommitIdle } from '../../http/context.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { addTestTerm, testPost } from '../test-kit.js';
import { termsChanged } from '../watch-terms/matcher-cache.js';
import { DEFAULT_POLL_INTERVAL_S, runSource } from './runner.js';
import { findSourceById } from './source-repository.js';
import { addTestSource, eventually, PostShelf, shelfRegistry } from './test-sources.js';

const rateLimited = Object.assign(new Error('HTTP 429'), {
  code: 'rate_limited',
  userMessage: 'Le réseau limite les lectures : nouvel essai plus tard.',
  retryAfterSeconds: 600,
});

describe.each(DIALECTS)('the source runner on %s', (dialect) => {
  let t: TestApp;
  let establishmentId: string;
  const shelves = new Map<string, PostShelf>();
  const registry = shelfRegistry(shelves);
  const posts = (shelf: string, from: number, count: number) =>
    Array.from({ length: count }, (_, i) =>
      testPost({ externalId: `${shelf}-${from + i}`, text: `Message ${from + i} sur le CHU de Valmont` }),
    );
  const stored = async (prefix: string) =>
    (
      await t.storage.db
        .selectFrom('heard_posts')
        .select('external_id')
        .where('external_id', 'like', `${prefix}-%`)
        .execute()
    ).map((row) => row.external_id);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishmentId = await t.establishment('CHU de Valmont');
    await addTestTerm(t.storage.db, establishmentId, 'CHU de Valmont');
    termsChanged(t.context);
  });
  afterAll(async () => t.close());

  it('polls page after page from the stored cursor, then waits at least a minute', async () => {
    const shelf = new PostShelf();
    shelves.set('p', shelf);
    shelf.add(...posts('p', 0, 7));
    const sourceId = await addTestSource(t.storage.db, { kind: 'rss', shelf: 'p', establishmentId });
    const controller = new AbortController();
    const waits: number[] = [];
    await runSource({
      context: t.context,
      sourceId,
      registry,
      listeners: [],
      signal: controller.signal,
      // The first idle wait ends the run: everything was read by then.
      sleep: async (ms) => {
        waits.push(ms);
        controller.abort();
      },
    });
    expect((await stored('p')).sort()).toEqual(
      posts('p', 0, 7)
        .map((p) => p.externalId)
        .sort(),
    );
    expect(waits).toEqual([DEFAULT_POLL_INTERVAL_S * 1000]);
    expect((await findSourceById(t.storage.db, sourceId))?.cursor).toBe('7');

    // A new run starts from the stored cursor: only the new posts are read.
    shelf.add(...posts('p', 7, 2));
    const again = new AbortController();
    let heard = 0;
    await runSource({
      context: t.context,
      sourceId,
      registry,
      listeners: [
        async (_context, mentions) => {
          heard += mentions.length;
        },
      ],
      signal: again.signal,
      sleep: async () => again.abort(),
    });
    expect(await stored('p')).toHaveLength(9);
    expect((await findSourceById(t.storage.db, sourceId))?.cursor).toBe('9');
    await afterCommitIdle(t.context);
    expect(heard).toBe(2);
  });

  it('backs off after failures with the source’s French message and retry-after, and recovers', async () => {
    const shelf = new PostShelf();
    shelves.set('f', shelf);
    shelf.add(...posts('f', 0, 2));
    shelf.failures.push(rateLimited, new Error('ECONNRESET'));
    const sourceId = await addTestSource(t.storage.db, { kind: 'rss', shelf: 'f', establishmentId });
    const controller = new AbortController();
    const states: { failures: number; lastError: string | null; waitMs: number }[] = [];
    await runSource({
      context: t.context,
      sourceId,
      registry,
      listeners: [],
      signal: controller.signal,
      random: () => 1,
      sleep: async (ms) => {
        const row = await findSourceById(t.storage.db, sourceId);
        states.push({ failures: row?.failures ?? -1, lastError: row?.last_error ?? null, waitMs: ms });
        // The back-off's waits pass on the test clock; the idle wait after success ends the run.
        if (row?.failures === 0) controller.abort();
        else t.clock.advance(ms);
      },
    });
    expect(states).toEqual([
      { failures: 1, lastError: 'Le réseau limite les lectures : nouvel essai plus tard.', waitMs: 600_000 },
      { failures: 2, lastError: expect.stringMatching(/^La source n’a pas pu être lue/), waitMs: 60_000 },
      { failures: 0, lastError: null, waitMs: 300_000 },
    ]);
    expect(await stored('f')).toHaveLength(2);
    expect(await findSourceById(t.storage.db, sourceId)).toMatchObject({
      failures: 0,
      next_attempt_at: null,
    });
  });

  it('streams from the stored cursor and stops cleanly when aborted', async () => {
    const shelf = new PostShelf();
    shelves.set('s', shelf);
    shelf.add(...posts('s', 0, 5));
    const sourceId = await addTestSource(t.storage.db, {
      kind: 'bluesky',
      shelf: 's',
      establishmentId,
      page: 2,
    });
    const controller = new AbortController();
    const run = runSource({
      context: t.context,
      sourceId,
      registry,
      listeners: [],
      signal: controller.signal,
    });
    await eventually(async () => (await stored('s')).length === 5);
    shelf.add(...posts('s', 5, 3));
    await eventually(async () => (await stored('s')).length === 8);
    controller.abort();
    await run;
    expect((await findSourceById(t.storage.db, sourceId))?.cursor).toBe('8');

    // Restarted: resumes after the 8th post, stores the new one, repeats none.
    shelf.add(...posts('s', 8, 1));
    const second = new AbortController();
    const rerun = runSource({
      context: t.context,
      sourceId,
      registry,
      listeners: [],
      signal: second.signal,
    });
    await eventually(async () => (await stored('s')).length === 9);
    second.abort();
    await rerun;
    const rows = await stored('s');
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('does not run a disabled source, nor one whose kind this server cannot build', async () => {
    const disabled = await addTestSource(t.storage.db, { kind: 'rss', shelf: 'p', establishmentId });
    await t.storage.db
      .updateTable('listening_sources')
      .set({ enabled: 0 })
      .where('id', '=', disabled)
      .execute();
    const signal = new AbortController().signal;
    await runSource({
      context: t.context,
      sourceId: disabled,
      registry,
      listeners: [],
      signal,
    });

    const unknown = await addTestSource(t.storage.db, { kind: 'rss', shelf: 'p', establishmentId });
    const controller = new AbortController();
    await runSource({
      context: t.context,
      sourceId: unknown,
      registry: {},
      listeners: [],
      signal: controller.signal,
      random: () => 0,
      sleep: async () => controller.abort(),
    });
    expect(await findSourceById(t.storage.db, unknown)).toMatchObject({
      failures: 1,
      last_error: 'Ce type de source n’est pas disponible sur ce serveur.',
    });
  });
});
