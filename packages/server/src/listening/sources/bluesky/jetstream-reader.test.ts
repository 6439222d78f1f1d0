import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createBlueskySource } from './bluesky-source.js';
import { MemorySink, waitFor } from './memory-sink.test-support.js';

/** Documented Jetstream v1 frames (see the file's "about"). */
const FRAMES: string[] = JSON.parse(
  readFileSync(new URL('./jetstream-v1-frames.json', import.meta.url), 'utf8'),
).frames;
const timeOf = (frame: string) => (frame.startsWith('{') ? (JSON.parse(frame).time_us as number) : 0);

/**
 * A loopback websocket server replaying those frames as Jetstream does: from the `cursor` query
 * parameter inclusively, then keeping the connection open like a live tail. Jetstream itself is a
 * Go service that cannot run here.
 */
describe('the Bluesky source in Jetstream mode, against a loopback replay of documented frames', () => {
  let server: WebSocketServer;
  let service: string;
  const requests: URL[] = [];
  let frames = FRAMES;
  let closeOnConnect = false;

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    service = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket, request) => {
      const url = new URL(request.url ?? '/', service);
      requests.push(url);
      if (closeOnConnect) return socket.close(1000);
      const cursor = Number(url.searchParams.get('cursor') ?? 0);
      for (const frame of frames) if (timeOf(frame) >= cursor || !frame.startsWith('{')) socket.send(frame);
    });
  });

  afterAll(async () => {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('delivers the post creations only, asks for posts only, and resumes from time_us', async () => {
    const sink = new MemorySink();
    const source = createBlueskySource({ service, mode: 'jetstream' }, { batch: { maxWaitMs: 20 } });
    const stop = new AbortController();
    const run = source.run(null, sink, stop.signal);
    await waitFor(() => sink.cursor === '1725911162329900', 'le dernier événement');
    stop.abort();
    await run;

    expect(requests[0]?.pathname).toBe('/subscribe');
    expect(requests[0]?.searchParams.get('wantedCollections')).toBe('app.bsky.feed.post');
    expect(requests[0]?.searchParams.has('cursor')).toBe(false);
    expect(sink.posts).toEqual([
      {
        source: 'bluesky',
        externalId: 'at://did:plc:ufbl4k27gp6kzas5glhz7fim/app.bsky.feed.post/3l3qo2vuowo2c',
        url: 'https://bsky.app/profile/did:plc:ufbl4k27gp6kzas5glhz7fim/post/3l3qo2vuowo2c',
        authorHandle: 'yohenrique.com',
        authorKind: null,
        reach: null,
        text: "Scandale à l'hôpital de Valmont : mon père attend depuis 11 h aux urgences",
        publishedAt: '2024-09-09T19:46:02.200Z',
      },
      expect.objectContaining({
        externalId: 'at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2d',
        authorHandle: 'did:plc:eygmaihciaxprqvxpfvl6flk',
      }),
    ]);

    // Later, a new post; the restart asks from the stored time_us and delivers only what is new.
    const later = `{"did":"did:plc:ufbl4k27gp6kzas5glhz7fim","time_us":1725911170000000,"kind":"commit","commit":{"rev":"3l3qo2vutt22b","operation":"create","collection":"app.bsky.feed.post","rkey":"3l3qo2vuowo2e","record":{"$type":"app.bsky.feed.post","text":"Toujours rien à Valmont","createdAt":"2024-09-09T19:46:10Z"},"cid":"bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4"}}`;
    frames = [...FRAMES, later];
    const again = new AbortController();
    const rerun = createBlueskySource({ service, mode: 'jetstream' }, { batch: { maxWaitMs: 20 } }).run(
      sink.cursor,
      sink,
      again.signal,
    );
    await waitFor(() => sink.cursor === '1725911170000000', 'le nouvel événement');
    again.abort();
    await rerun;
    expect(requests[1]?.searchParams.get('cursor')).toBe('1725911162329900');
    expect(sink.posts.map((post) => post.text)).toEqual([
      "Scandale à l'hôpital de Valmont : mon père attend depuis 11 h aux urgences",
      'Réponse : les urgences de Valmont sont saturées ce soir, patience à tous',
      'Toujours rien à Valmont',
    ]);
  });

  it('rejects with a typed error when the service closes the stream, and refuses a cursor that is not one', async () => {
    const source = createBlueskySource({ service, mode: 'jetstream' });
    closeOnConnect = true;
    await expect(source.run(null, new MemorySink(), new AbortController().signal)).rejects.toMatchObject({
      code: 'flux_interrompu',
    });
    closeOnConnect = false;
    await expect(source.run('12 345', new MemorySink(), new AbortController().signal)).rejects.toMatchObject({
      code: 'curseur_invalide',
    });
  });
});
