import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackServer,
  type RecordedResponse,
  startReplayServer,
} from '../../../test-support/loopback-http.js';
import { SourceError } from '../source-error.js';
import { createYoutubeSource } from './index.js';
import notFound from './recordings/error-channel-not-found.json' with { type: 'json' };
import invalidCredentials from './recordings/error-invalid-credentials.json' with { type: 'json' };
import quotaExceeded from './recordings/error-quota-exceeded.json' with { type: 'json' };
import page1 from './recordings/threads-page1.json' with { type: 'json' };
import page2 from './recordings/threads-page2.json' with { type: 'json' };
import { secondsUntilPacificMidnight } from './youtube-errors.js';

const CHANNEL = 'UCq4vU2cHn0xQ7sE3Yd8kLpA';
/** 02:00 in Los Angeles (PST): the quota is renewed 22 hours later. */
const NOW = new Date('2026-12-05T10:00:00.000Z');

let server: LoopbackServer;
let next: RecordedResponse | 'hang' | undefined;
beforeEach(async () => {
  next = undefined;
  server = await startReplayServer((url) => {
    const forced = next;
    next = undefined;
    if (forced !== undefined) return forced;
    if (url.pathname !== '/youtube/v3/commentThreads') return undefined;
    if (url.searchParams.get('allThreadsRelatedToChannelId') !== CHANNEL) return notFound;
    return url.searchParams.get('pageToken') === page1.body.nextPageToken ? page2 : page1;
  });
});
afterEach(async () => {
  await server.close();
});

const source = (
  settings: { accessToken?: string; apiKey?: string } = { accessToken: 'ya29.jeton' },
  timeoutMs = 5000,
) =>
  createYoutubeSource(
    { channelId: CHANNEL, apiBaseUrl: server.url, ...settings },
    { now: () => NOW, timeoutMs },
  );
const live = () => new AbortController().signal;

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('YouTube channel comments, replayed from the documented recordings', () => {
  it('reads threads and replies newest first, across pages, until the mark', async () => {
    const { posts, cursor } = await source().poll(null, live());
    expect(posts.map((post) => [post.authorHandle, post.publishedAt])).toEqual([
      ['@LucieDurand', '2026-12-05T09:30:00.000Z'],
      ['@CHUdeDemonstration', '2026-12-05T09:41:27.000Z'],
      ['@Marc-Antoine75', '2026-12-05T07:02:44.000Z'],
      ['@sandrine.p', '2026-12-04T18:20:05.000Z'],
    ]);
    expect(posts[0]).toMatchObject({
      source: 'youtube',
      externalId: 'UgzK4c8vX2nQm1pR5tF4AaABAg',
      url: 'https://www.youtube.com/watch?v=dQ7fH2kLm9w&lc=UgzK4c8vX2nQm1pR5tF4AaABAg',
      reach: null,
      text: 'Super vidéo sur la prévention du cancer du sein, merci au CHU !',
    });
    expect(server.requests.map((request) => request.url.searchParams.get('pageToken'))).toEqual([
      null,
      page1.body.nextPageToken,
    ]);
    expect(server.requests[0]?.authorization).toBe('Bearer ya29.jeton');
    expect(server.requests[0]?.url.searchParams.get('order')).toBe('time');

    const again = await source().poll(cursor, live());
    expect(again.posts).toEqual([]);
    // Nothing new on the first page: the older pages are not asked for again.
    expect(server.requests).toHaveLength(3);
  });

  it('uses an API key in the address when no token is given', async () => {
    await source({ apiKey: 'AIzaCle' }).poll(null, live());
    expect(server.requests[0]?.url.searchParams.get('key')).toBe('AIzaCle');
    expect(server.requests[0]?.authorization).toBeUndefined();
  });

  it('turns quotaExceeded into quota_depasse, waiting until midnight Pacific time', async () => {
    next = quotaExceeded;
    const error = await failure(source().poll(null, live()));
    expect([error.code, error.retryAfterSeconds]).toEqual(['quota_depasse', 22 * 3600]);
    expect(error.userMessage).toContain('minuit, heure du Pacifique');
    expect(error.retryable).toBe(true);
  });

  it('turns refused credentials and an unknown channel into French errors', async () => {
    next = invalidCredentials;
    const refused = await failure(source().poll(null, live()));
    expect(refused.code).toBe('jeton_invalide');
    expect(refused.userMessage).toContain('Reconnectez la chaîne YouTube');
    const unknown = await failure(
      createYoutubeSource({
        channelId: 'UCzzzzzzzzzzzzzzzzzzzzzz',
        apiBaseUrl: server.url,
        apiKey: 'k',
      }).poll(null, live()),
    );
    expect(unknown.code).toBe('introuvable');
  });

  it('names malformed JSON, an HTML 503 and a request left hanging', async () => {
    next = { status: 200, body: 'pas du json' };
    expect((await failure(source().poll(null, live()))).code).toBe('reponse_invalide');
    next = {
      status: 503,
      headers: { 'content-type': 'text/html', 'retry-after': '120' },
      body: '<html></html>',
    };
    const down = await failure(source().poll(null, live()));
    expect([down.code, down.retryAfterSeconds]).toEqual(['serveur_indisponible', 120]);
    next = 'hang';
    expect((await failure(source(undefined, 300).poll(null, live()))).code).toBe('delai_depasse');
  });

  it('counts the wait to midnight in Los Angeles in summer time too', () => {
    // 23:30 PDT on 1 July.
    expect(secondsUntilPacificMidnight(new Date('2026-07-02T06:30:00Z'))).toBe(1800);
  });

  it('requires a token or a key, and a channel id of the documented form', () => {
    expect(() => createYoutubeSource({ channelId: CHANNEL })).toThrow(/jeton d’accès ou une clé/);
    expect(() => createYoutubeSource({ channelId: 'ma-chaine', apiKey: 'k' })).toThrow(/UC/);
  });
});
