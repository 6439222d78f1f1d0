import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../db/database.js';
import { createTestStorage, DIALECTS, type TestStorage } from '../../test-support/databases.js';
import { addTestTerm, testPost } from '../test-kit.js';
import { addTestSource, eventually } from './test-sources.js';

/** The compiled listening process (built by `tsc -b`, as the server's own crash test uses bin/). */
const CHILD = fileURLToPath(new URL('../../../dist/bench/listening-child.js', import.meta.url));
const TOTAL = 400;
const PAGE = 8;

/** A loopback server handing out TOTAL posts, PAGE at a time after a numeric cursor. */
async function postServer(): Promise<{ url: string; afters: (number | null)[]; server: Server }> {
  const posts = Array.from({ length: TOTAL }, (_, i) =>
    testPost({
      externalId: `crash-${i}`,
      url: `https://forum.exemple.fr/sujets/crash-${i}`,
      text: `Message ${i} : attente aux urgences du CHU de Valmont`,
    }),
  );
  const afters: (number | null)[] = [];
  const server = createServer((request, response) => {
    const after = new URL(request.url ?? '/', 'http://x').searchParams.get('after');
    afters.push(after === null ? null : Number(after));
    const from = after === null ? 0 : Number(after);
    const page = posts.slice(from, from + PAGE);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ posts: page, cursor: String(from + page.length) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/posts`, afters, server };
}

function startChild(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, DATABASE_URL: databaseUrl, BLOUSE_DEMO: 'false', BLOUSE_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      if (printed.includes('écoute en service')) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`le processus d’écoute s’est arrêté (${code}) :\n${printed}`)),
    );
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/**
 * A listening process is killed with SIGKILL while it stores batches, then started again on the
 * same database: it resumes from the stored cursor, and every post is there exactly once.
 */
describe.each(DIALECTS)('a listening process killed while storing, on %s', (dialect) => {
  const opened: TestStorage[] = [];
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) server.close();
    for (const storage of opened) await storage.dispose();
  });

  it('loses no post and stores none twice after a restart', async () => {
    const storage = await createTestStorage(dialect);
    opened.push(storage);
    const establishmentId = 'etab-crash';
    await storage.db
      .insertInto('establishments')
      .values({
        id: establishmentId,
        group_id: null,
        name: 'CHU de Valmont',
        guard_lists: '{}',
        created_at: new Date().toISOString(),
      })
      .execute();
    await addTestTerm(storage.db, establishmentId, 'CHU de Valmont');
    const feed = await postServer();
    servers.push(feed.server);
    const sourceId = await addTestSource(storage.db, { kind: 'rss', shelf: 'inutilisé', establishmentId });
    await storage.db
      .updateTable('listening_sources')
      .set({ settings: JSON.stringify({ url: feed.url }) })
      .where('id', '=', sourceId)
      .execute();
    const count = async () =>
      Number(
        (
          await storage.db
            .selectFrom('heard_posts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const first = await startChild(storage.url);
    await eventually(async () => (await count()) >= TOTAL / 4, 60_000);
    await killed(first);
    const atKill = await count();
    expect(atKill).toBeLessThan(TOTAL);
    const requestsBefore = feed.afters.length;

    const second = await startChild(storage.url);
    try {
      await eventually(async () => (await count()) === TOTAL, 90_000);
      // It resumed from the stored cursor, not from the beginning.
      const resumedAt = feed.afters[requestsBefore];
      expect(resumedAt).not.toBeNull();
      expect(resumedAt).toBeGreaterThan(0);
    } finally {
      await killed(second);
    }
    const check = openStorage(storage.url);
    try {
      const posts = await check.db.selectFrom('heard_posts').select('external_id').execute();
      const ids = posts.map((row) => row.external_id);
      expect(ids).toHaveLength(TOTAL);
      expect(new Set(ids)).toEqual(new Set(Array.from({ length: TOTAL }, (_, i) => `crash-${i}`)));
      const mentions = await check.db.selectFrom('mentions').select('post_id').execute();
      expect(mentions).toHaveLength(TOTAL);
      const source = await check.db
        .selectFrom('listening_sources')
        .selectAll()
        .where('id', '=', sourceId)
        .executeTakeFirstOrThrow();
      expect(source.cursor).toBe(String(TOTAL));
    } finally {
      await check.close();
    }
  }, 180_000);
});
