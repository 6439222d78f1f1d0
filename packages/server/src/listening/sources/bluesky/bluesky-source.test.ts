import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { AtpAgent, RichText } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingPost } from '../../incoming-post.js';
import { createBlueskySource } from './bluesky-source.js';
import { BlueskySourceError } from './errors.js';
import { readJournal } from './journal-child.test-support.js';
import { MemorySink, waitFor } from './memory-sink.test-support.js';

/**
 * Against a real AT Protocol network on loopback (PLC directory + PDS from @atproto/dev-env):
 * accounts post through the PDS's XRPC API, the source reads its firehose.
 */
describe('the Bluesky source, on a real local PDS', () => {
  let network: TestNetworkNoAppView;
  let firehose: string;
  let hospital: AtpAgent;
  let critic: AtpAgent;
  const lags: number[] = [];

  beforeAll(async () => {
    network = await TestNetworkNoAppView.create({});
    firehose = network.pds.url.replace(/^http/, 'ws');
    hospital = new AtpAgent({ service: network.pds.url });
    await hospital.createAccount({
      handle: 'ch-valmont.test',
      email: 'com@ch-valmont.test',
      password: 'mdp-hopital',
    });
    critic = new AtpAgent({ service: network.pds.url });
    await critic.createAccount({
      handle: 'patient-en-colere.test',
      email: 'p@x.test',
      password: 'mdp-patient',
    });
  });

  afterAll(async () => {
    await network?.close();
    if (lags.length > 0) {
      const sorted = [...lags].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(0);
      console.log(
        `Bluesky : réponse du PDS → livraison, ${sorted.length} posts (le 1er avec la connexion) : ` +
          `min ${at(0)} ms, p50 ${at(0.5)} ms, max ${at(1)} ms. Y compris : l’attente du séquenceur du PDS ` +
          '(il interroge sa base avec un recul jusqu’à 1 s quand il est inactif), la vérification de ' +
          'signature et le regroupement en lots de 500 ms au plus.',
      );
    }
  });

  /** Runs a source until `stop` aborts; the promise is its run's. */
  function start(cursor: string | null, sink: MemorySink, settings: { verifySignatures?: boolean } = {}) {
    const source = createBlueskySource({
      service: firehose,
      mode: 'firehose',
      plcUrl: network.plc.url,
      ...settings,
    });
    const stop = new AbortController();
    const done = source.run(cursor, sink, stop.signal);
    return { stop, done };
  }

  const byText = (posts: IncomingPost[], text: string) => posts.filter((post) => post.text === text);

  it('delivers French posts, replies and mentions with their fields, and ignores likes and deletions', async () => {
    const sink = new MemorySink();
    // From the beginning of the PDS's log, with signatures verified against the local PLC.
    const run = start('0', sink, { verifySignatures: true });

    const scandal = 'Scandale à l’hôpital de Valmont : 9 h d’attente aux urgences, personne ne répond !';
    const before = performance.now();
    const posted = await critic.post({ text: scandal, langs: ['fr'], createdAt: '2026-12-05T10:00:00.000Z' });
    await waitFor(() => byText(sink.posts, scandal).length === 1, 'le premier post livré');
    lags.push(performance.now() - before);
    // Figures, not assertions: the time from the PDS's answer to a post to its delivery.
    for (let index = 0; index < 5; index += 1) {
      const text = `Mesure n°${index} : les urgences de Valmont débordent`;
      await critic.post({ text });
      const posted = performance.now();
      await waitFor(() => byText(sink.posts, text).length === 1, 'un post mesuré');
      lags.push(performance.now() - posted);
    }

    const rich = new RichText({
      text: 'Honte à @ch-valmont.test : un dossier patient affiché dans le couloir.',
    });
    await rich.detectFacets(critic);
    const mention = await critic.post({
      text: rich.text,
      facets: rich.facets,
      createdAt: new Date().toISOString(),
    });
    const answer = 'Bonjour, nous sommes désolés. Merci de contacter la direction des usagers.';
    const reply = await hospital.post({ text: answer, reply: { root: posted, parent: posted } });
    await critic.like(reply.uri, reply.cid);
    const regret = 'Message supprimé ensuite : « l’infirmière du 3e est incompétente »';
    const deleted = await critic.post({ text: regret });
    await critic.deletePost(deleted.uri);
    const last = 'Dernier message après la suppression.';
    await critic.post({ text: last });

    await waitFor(() => byText(sink.posts, last).length === 1, 'le dernier post livré');
    run.stop.abort();
    await run.done;

    const critics = critic.session?.did as string;
    const rkey = posted.uri.split('/').pop();
    expect(byText(sink.posts, scandal)).toEqual([
      {
        source: 'bluesky',
        externalId: posted.uri,
        url: `https://bsky.app/profile/${critics}/post/${rkey}`,
        // Learnt from the #identity event of the account's creation, replayed from seq 0.
        authorHandle: 'patient-en-colere.test',
        authorKind: null,
        reach: null,
        text: scandal,
        publishedAt: '2026-12-05T10:00:00.000Z',
      },
    ]);
    expect(sink.posts.find((post) => post.externalId === mention.uri)?.text).toBe(rich.text);
    expect(sink.posts.find((post) => post.externalId === reply.uri)).toMatchObject({
      text: answer,
      authorHandle: 'ch-valmont.test',
    });
    // Deleted later, it was a post when it was created: listening heard it (the deletion is not a post).
    expect(byText(sink.posts, regret)).toHaveLength(1);
    expect(sink.posts.map((post) => post.externalId)).toEqual([
      posted.uri,
      ...sink.posts.slice(1, 6).map((post) => post.externalId),
      mention.uri,
      reply.uri,
      deleted.uri,
      sink.posts.at(-1)?.externalId,
    ]);
    // Every delivery carries the seq after it, increasing.
    const cursors = sink.deliveries.map((delivery) => Number(delivery.cursorAfter));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
  });

  it('resumes from the stored cursor after a stop: every post exactly once, even those posted while stopped', async () => {
    const sink = new MemorySink();
    const marker = `reprise-${Date.now()}`;
    const texts = Array.from(
      { length: 24 },
      (_, index) => `${marker} n°${index} : encore des heures d’attente à Valmont`,
    );
    // Small batches, so that the stop falls between deliveries.
    const source = createBlueskySource({ service: firehose }, { batch: { maxPosts: 3, maxWaitMs: 50 } });
    const first = new AbortController();
    const firstRun = source.run('0', sink, first.signal);
    for (const text of texts.slice(0, 12)) await critic.post({ text });
    await waitFor(() => sink.posts.some((post) => post.text.startsWith(marker)), 'une première livraison');
    first.abort();
    await firstRun;
    const deliveredBeforeStop = sink.posts.filter((post) => post.text.startsWith(marker)).length;

    for (const text of texts.slice(12)) await critic.post({ text });
    // A new source, as after a restart of the process: nothing in memory but the stored cursor.
    const restarted = createBlueskySource({ service: firehose }, { batch: { maxPosts: 3, maxWaitMs: 50 } });
    const second = new AbortController();
    const secondRun = restarted.run(sink.cursor, sink, second.signal);
    await waitFor(
      () => sink.posts.filter((post) => post.text.startsWith(marker)).length >= texts.length,
      'tout',
    );
    second.abort();
    await secondRun;

    const heard = sink.posts.filter((post) => post.text.startsWith(marker)).map((post) => post.text);
    expect(heard).toEqual(texts);
    expect(deliveredBeforeStop).toBeLessThan(texts.length);
    // The restarted source had not seen the #identity event: it names the author by DID.
    expect(sink.posts.at(-1)?.authorHandle).toBe(critic.session?.did);
  });

  it('after a kill -9 mid-stream, the restarted process delivers every post exactly once', async () => {
    // The child runs the source in its own process: bundled, so that plain node runs it.
    const work = mkdtempSync(join(tmpdir(), 'blouse-bluesky-'));
    try {
      const { build } = await import('esbuild');
      const child = join(work, 'child.cjs');
      await build({
        entryPoints: [fileURLToPath(new URL('./journal-child.test-support.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: child,
        external: ['bufferutil', 'utf-8-validate'],
        logLevel: 'silent',
      });
      const journal = join(work, 'journal.jsonl');
      const spawnChild = async (): Promise<ChildProcess> => {
        const process_ = spawn(process.execPath, [child, firehose, journal, '0'], {
          env: { ...process.env, BLOUSE_JOURNAL_CHILD: '1' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        await new Promise((resolve) => process_.stdout?.once('data', resolve));
        return process_;
      };
      const kill = (process_: ChildProcess) =>
        new Promise((resolve) => {
          process_.once('exit', resolve);
          process_.kill('SIGKILL');
        });

      const ours: string[] = [];
      const delivered = () =>
        readJournal(journal).flatMap((line) => line.ids.filter((id) => ours.includes(id)));
      let first: ChildProcess | null = await spawnChild();
      const post = async (index: number) =>
        ours.push(
          (await critic.post({ text: `kill -9 n°${index} : toujours pas de médecin à Valmont` })).uri,
        );
      for (let index = 0; index < 20; index += 1) {
        await post(index);
        // Killed while posts keep coming, as soon as some were delivered.
        if (first !== null && delivered().length >= 4) {
          await kill(first);
          first = null;
        }
      }
      if (first !== null) await kill(first);
      // And more while nothing listens.
      for (let index = 20; index < 26; index += 1) await post(index);
      const beforeRestart = delivered().length;

      const second = await spawnChild();
      try {
        await waitFor(() => new Set(delivered()).size === ours.length, 'tous les posts après la reprise');
      } finally {
        await kill(second);
      }
      const all = delivered();
      expect(beforeRestart).toBeLessThan(ours.length);
      expect(all).toHaveLength(ours.length);
      expect(new Set(all)).toEqual(new Set(ours));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('rejects a cursor ahead of the PDS, and a cursor that is not one', async () => {
    const ahead = start('99999999', new MemorySink());
    await expect(ahead.done).rejects.toMatchObject({
      name: 'BlueskySourceError',
      code: 'curseur_dans_le_futur',
    });
    const invalid = start('seq=12', new MemorySink());
    await expect(invalid.done).rejects.toMatchObject({ code: 'curseur_invalide' });
  });

  it('rejects with a typed error when the PDS goes away, instead of waiting forever', async () => {
    const doomed = await TestNetworkNoAppView.create({});
    try {
      const agent = new AtpAgent({ service: doomed.pds.url });
      await agent.createAccount({ handle: 'ephemere.test', email: 'e@x.test', password: 'mdp-ephemere' });
      await agent.post({ text: 'Avant la panne du serveur.' });
      const sink = new MemorySink();
      const source = createBlueskySource({ service: doomed.pds.url.replace(/^http/, 'ws') });
      const done = source.run('0', sink, new AbortController().signal);
      await waitFor(() => sink.posts.length === 1, 'le post d’avant la panne');
      await doomed.close();
      const error = await done.then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(BlueskySourceError);
      expect(['flux_interrompu', 'flux_injoignable']).toContain((error as BlueskySourceError).code);
    } finally {
      await doomed.close().catch(() => {});
    }
  });

  it('with signatures checked, stops when the PLC directory does not answer, rather than skip posts', async () => {
    await critic.post({ text: 'Un post à vérifier avant tout.' });
    const sink = new MemorySink();
    const blind = createBlueskySource({
      service: firehose,
      verifySignatures: true,
      plcUrl: 'http://127.0.0.1:1',
    });
    await expect(blind.run('0', sink, new AbortController().signal)).rejects.toMatchObject({
      code: 'annuaire_injoignable',
    });
    // Nothing was delivered past the first post it could not verify: a restart reads it again.
    expect(sink.posts).toEqual([]);
  });

  it('stops at once when the sink cannot store a batch, with the sink’s error', async () => {
    await critic.post({ text: 'Un post que la base ne pourra pas enregistrer.' });
    const broken = { deliver: async () => Promise.reject(new Error('base de données indisponible')) };
    const source = createBlueskySource({ service: firehose }, { batch: { maxWaitMs: 10 } });
    await expect(source.run('0', broken, new AbortController().signal)).rejects.toThrow(
      'base de données indisponible',
    );
  });

  it('rejects when nothing listens, or when the service accepts but never answers', async () => {
    const refused = createBlueskySource({ service: 'ws://127.0.0.1:1' });
    await expect(refused.run(null, new MemorySink(), new AbortController().signal)).rejects.toMatchObject({
      code: 'flux_injoignable',
    });

    const mute: Server = createServer(() => {});
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    try {
      const address = mute.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const silent = createBlueskySource({ service: `ws://127.0.0.1:${port}` }, { handshakeTimeoutMs: 300 });
      await expect(silent.run(null, new MemorySink(), new AbortController().signal)).rejects.toMatchObject({
        code: 'flux_injoignable',
      });
    } finally {
      mute.close();
    }
  });
});
