import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackServer,
  type RecordedResponse,
  startReplayServer,
} from '../../../test-support/loopback-http.js';
import { SourceError } from '../source-error.js';
import { createInstagramSource } from './index.js';
import media1Page1 from './recordings/comments-media1-page1.json' with { type: 'json' };
import media1Page2 from './recordings/comments-media1-page2.json' with { type: 'json' };
import media2 from './recordings/comments-media2.json' with { type: 'json' };
import rateLimited from './recordings/error-app-rate-limit.json' with { type: 'json' };
import expiredToken from './recordings/error-expired-token.json' with { type: 'json' };
import media from './recordings/media.json' with { type: 'json' };

const IG_USER = '17841400000000001';
const NOW = new Date('2026-12-05T10:00:00.000Z');
const [MEDIA1, MEDIA2, MEDIA3] = media.body.data.map((item) => item.id);

let server: LoopbackServer;
let next: RecordedResponse | 'hang' | undefined;
beforeEach(async () => {
  next = undefined;
  server = await startReplayServer((url) => {
    const forced = next;
    next = undefined;
    if (forced !== undefined) return forced;
    if (url.pathname === `/v23.0/${IG_USER}/media`) return media;
    if (url.pathname === `/v23.0/${MEDIA1}/comments`)
      return url.searchParams.get('after') === 'QVFIUk1s' ? media1Page2 : media1Page1;
    if (url.pathname === `/v23.0/${MEDIA2}/comments`) return media2;
    return undefined;
  });
});
afterEach(async () => {
  await server.close();
});

const source = (options: { timeoutMs?: number; firstPollLookbackHours?: number } = {}) =>
  createInstagramSource(
    { accessToken: 'jeton-ig', igUserId: IG_USER, apiBaseUrl: server.url },
    { now: () => NOW, timeoutMs: 5000, ...options },
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

describe('Instagram comments, replayed from the documented recordings', () => {
  it('reads every page of the commented media and keeps the comments since the mark', async () => {
    const { posts, cursor } = await source().poll(null, live());
    expect(posts.map((post) => post.externalId)).toEqual([
      '18034567890123401',
      '18034567890123402',
      '18051122334455667',
    ]);
    expect(posts[1]).toEqual({
      source: 'instagram',
      externalId: '18034567890123402',
      url: null,
      authorHandle: 'm.dupuis_officiel',
      authorKind: null,
      reach: null,
      text: 'Ma sœur a accouché chez vous hier, chambre 12, merci pour tout !',
      publishedAt: '2026-12-05T08:58:10.000Z',
    });
    // Both pages of the first medium were read; the medium without comments was not.
    expect(
      server.requests.filter((request) => request.url.pathname.endsWith(`${MEDIA1}/comments`)),
    ).toHaveLength(2);
    expect(server.requests.some((request) => request.url.pathname.includes(MEDIA3 ?? '-'))).toBe(false);
    expect((await source().poll(cursor, live())).posts).toEqual([]);
  });

  it('reads further back on the first poll when asked to', async () => {
    const { posts } = await source({ firstPollLookbackHours: 24 * 7 }).poll(null, live());
    expect(posts.map((post) => post.externalId)).toContain('18034567890123399');
  });

  it('turns an expired token into jeton_invalide and an app rate limit into limite_atteinte', async () => {
    next = expiredToken;
    const refused = await failure(source().poll(null, live()));
    expect(refused.code).toBe('jeton_invalide');
    expect(refused.userMessage).toContain('Instagram');
    next = rateLimited;
    const limited = await failure(source().poll(null, live()));
    expect([limited.code, limited.retryAfterSeconds]).toEqual(['limite_atteinte', undefined]);
    expect(limited.userMessage).toContain('plus tard');
  });

  it('names malformed JSON and a request left hanging', async () => {
    next = { status: 200, body: '{"data":' };
    expect((await failure(source().poll(null, live()))).code).toBe('reponse_invalide');
    next = 'hang';
    expect((await failure(source({ timeoutMs: 300 }).poll(null, live()))).code).toBe('delai_depasse');
  });
});
