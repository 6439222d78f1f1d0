import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackServer,
  type RecordedResponse,
  startReplayServer,
} from '../../../test-support/loopback-http.js';
import { SourceError } from '../source-error.js';
import { createLinkedinSource } from './index.js';
import post1Page1 from './recordings/comments-post1-page1.json' with { type: 'json' };
import post1Page2 from './recordings/comments-post1-page2.json' with { type: 'json' };
import post2 from './recordings/comments-post2.json' with { type: 'json' };
import accessDenied from './recordings/error-access-denied.json' with { type: 'json' };
import dailyLimit from './recordings/error-daily-limit.json' with { type: 'json' };
import expiredToken from './recordings/error-expired-token.json' with { type: 'json' };
import recentPosts from './recordings/posts.json' with { type: 'json' };

const ORG = 'urn:li:organization:10456789';
const NOW = new Date('2026-12-05T10:00:00.000Z');
const [POST1, POST2] = recentPosts.body.elements.map((post) => post.id);

let server: LoopbackServer;
let next: RecordedResponse | 'hang' | undefined;
beforeEach(async () => {
  next = undefined;
  server = await startReplayServer((url) => {
    const forced = next;
    next = undefined;
    if (forced !== undefined) return forced;
    const path = decodeURIComponent(url.pathname);
    if (path === '/rest/posts' && url.searchParams.get('author') === ORG) return recentPosts;
    if (path === `/rest/socialActions/${POST1}/comments`)
      return url.searchParams.get('start') === '2' ? post1Page2 : post1Page1;
    if (path === `/rest/socialActions/${POST2}/comments`) return post2;
    return undefined;
  });
});
afterEach(async () => {
  await server.close();
});

const source = (timeoutMs = 5000) =>
  createLinkedinSource(
    { accessToken: 'jeton-linkedin', organizationUrn: ORG, apiBaseUrl: server.url },
    { now: () => NOW, timeoutMs, firstPollLookbackHours: 48 },
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

describe('LinkedIn page comments, replayed from the documented recordings', () => {
  it('reads the comments of the latest posts page by page (start/count) and keeps those since the mark', async () => {
    const { posts, cursor } = await source().poll(null, live());
    expect(posts.map((post) => post.text)).toEqual([
      "Super initiative, j'y serai avec ma promo !",
      "Les horaires sont-ils les mêmes que l'an dernier ?",
      "Nous partageons l'information à nos adhérents.",
    ]);
    expect(posts[1]).toEqual({
      source: 'linkedin',
      externalId: 'urn:li:comment:(urn:li:activity:7271002233445566000,7271100000000000002)',
      url: null,
      authorHandle: 'urn:li:person:kL9mN1pQ3r',
      authorKind: null,
      reach: null,
      text: "Les horaires sont-ils les mêmes que l'an dernier ?",
      publishedAt: '2026-12-05T09:05:00.000Z',
    });
    // The comment of 2 December is older than the first poll's 48 hours.
    expect(posts.some((post) => post.publishedAt.startsWith('2026-12-02'))).toBe(false);
    const first = server.requests[0];
    expect(first?.authorization).toBe('Bearer jeton-linkedin');
    expect(server.requests.map((request) => request.url.searchParams.get('start'))).toEqual([
      null,
      '0',
      '2',
      '0',
    ]);
    expect((await source().poll(cursor, live())).posts).toEqual([]);
  });

  it('turns an expired token into jeton_invalide with what to do', async () => {
    next = expiredToken;
    const error = await failure(source().poll(null, live()));
    expect(error.code).toBe('jeton_invalide');
    expect(error.userMessage).toContain('EXPIRED_ACCESS_TOKEN');
    expect(error.userMessage).toContain('Reconnectez la page LinkedIn');
  });

  it('waits until midnight UTC after the daily limit, and names a refused access', async () => {
    next = dailyLimit;
    const limited = await failure(source().poll(null, live()));
    expect([limited.code, limited.retryAfterSeconds]).toEqual(['limite_atteinte', 14 * 3600]);
    next = accessDenied;
    expect((await failure(source().poll(null, live()))).code).toBe('acces_refuse');
  });

  it('names malformed JSON, a 500 and a request left hanging', async () => {
    next = { status: 200, body: '{"elements": [' };
    expect((await failure(source().poll(null, live()))).code).toBe('reponse_invalide');
    next = { status: 500, body: { status: 500, message: 'Internal Server Error' } };
    expect((await failure(source().poll(null, live()))).code).toBe('serveur_indisponible');
    next = 'hang';
    expect((await failure(source(300).poll(null, live()))).code).toBe('delai_depasse');
  });
});
