import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackServer,
  type RecordedResponse,
  startReplayServer,
} from '../../../test-support/loopback-http.js';
import { SourceError } from '../source-error.js';
import { createFacebookSource } from './index.js';
import post1Page1 from './recordings/comments-post1-page1.json' with { type: 'json' };
import post1Page2 from './recordings/comments-post1-page2.json' with { type: 'json' };
import post2 from './recordings/comments-post2.json' with { type: 'json' };
import expiredToken from './recordings/error-expired-token.json' with { type: 'json' };
import permission from './recordings/error-permission.json' with { type: 'json' };
import rateLimited from './recordings/error-rate-limited.json' with { type: 'json' };
import feed from './recordings/feed.json' with { type: 'json' };

const PAGE = '104500000000001';
const NOW = new Date('2026-12-05T10:00:00.000Z');
const [POST1, POST2, POST3] = feed.body.data.map((post) => post.id);

let server: LoopbackServer;
/** Answers the next request instead of the recordings. */
let next: RecordedResponse | 'hang' | undefined;
beforeEach(async () => {
  next = undefined;
  server = await startReplayServer((url) => {
    const forced = next;
    next = undefined;
    if (forced !== undefined) return forced;
    if (url.pathname === `/v23.0/${PAGE}/feed`) return feed;
    if (url.pathname === `/v23.0/${POST1}/comments`)
      return url.searchParams.get('after') === 'MgZDZD' ? post1Page2 : post1Page1;
    if (url.pathname === `/v23.0/${POST2}/comments`) return post2;
    return undefined;
  });
});
afterEach(async () => {
  await server.close();
});

const source = (timeoutMs = 5000) =>
  createFacebookSource(
    { accessToken: 'jeton-de-page', pageId: PAGE, apiBaseUrl: server.url },
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

describe('Facebook Page comments, replayed from the documented recordings', () => {
  it('reads the comments of the posts commented since the mark, following the after cursor', async () => {
    const { posts, cursor } = await source().poll(null, live());
    expect(posts.map((post) => post.externalId)).toEqual([
      '913377402298811_1198823401122334',
      '913377402298811_1198819877766554',
      '913377402298811_1198807766554433',
      '913290018877604_1198790011223344',
      '913290018877604_1198788899001122',
    ]);
    expect(posts[0]).toEqual({
      source: 'facebook',
      externalId: '913377402298811_1198823401122334',
      url: `https://www.facebook.com/${PAGE}/posts/913377402298811/?comment_id=1198823401122334`,
      authorHandle: 'Sophie Marchand',
      authorKind: null,
      reach: null,
      text: 'Trois heures aux urgences hier soir avec ma fille, personne ne nous a rien expliqué. Inadmissible.',
      publishedAt: '2026-12-05T09:02:11.000Z',
    });
    // Without pages_read_user_content Graph gives no author: none is invented.
    expect(posts[4]?.authorHandle).toBeNull();
    expect(JSON.parse(cursor ?? '')).toEqual({
      since: '2026-12-05T09:02:11.000Z',
      idsAtSince: ['913377402298811_1198823401122334'],
    });
    // The old post, untouched since the mark, is not read; the token is in a header, not the URL.
    expect(server.requests.map((request) => request.url.pathname)).not.toContain(`/v23.0/${POST3}/comments`);
    expect(server.requests.every((request) => request.authorization === 'Bearer jeton-de-page')).toBe(true);
    expect(server.requests.some((request) => request.url.search.includes('jeton'))).toBe(false);
  });

  it('delivers nothing twice when polled again from its cursor', async () => {
    const first = await source().poll(null, live());
    const second = await source().poll(first.cursor, live());
    expect(second.posts).toEqual([]);
    expect(second.cursor).toBe(first.cursor);
  });

  it('turns an expired token (Graph code 190) into jeton_invalide, in French, with what to do', async () => {
    next = expiredToken;
    const error = await failure(source().poll(null, live()));
    expect(error.code).toBe('jeton_invalide');
    expect(error.userMessage).toContain('erreur Graph 190');
    expect(error.userMessage).toContain('Reconnectez le compte');
    expect(error.retryable).toBe(false);
  });

  it('waits as long as Meta says when the Page is rate limited', async () => {
    next = rateLimited;
    const error = await failure(source().poll(null, live()));
    expect([error.code, error.retryAfterSeconds]).toEqual(['limite_atteinte', 720]);
    expect(error.userMessage).toContain('dans 12 min');
  });

  it('names a missing permission', async () => {
    next = permission;
    expect((await failure(source().poll(null, live()))).code).toBe('acces_refuse');
  });

  it('names malformed JSON, a wrong shape, an HTML 502 and a request left hanging', async () => {
    next = { status: 200, body: '{"data": [' };
    expect((await failure(source().poll(null, live()))).code).toBe('reponse_invalide');
    next = { status: 200, body: { data: 'rien' } };
    expect((await failure(source().poll(null, live()))).code).toBe('reponse_invalide');
    next = { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>502 Bad Gateway</html>' };
    expect((await failure(source().poll(null, live()))).code).toBe('serveur_indisponible');
    next = 'hang';
    expect((await failure(source(300).poll(null, live()))).code).toBe('delai_depasse');
  });

  it('stops when the runner aborts, with the abort itself rather than a source error', async () => {
    next = 'hang';
    const controller = new AbortController();
    const polling = source().poll(null, controller.signal);
    for (let attempt = 0; attempt < 500 && server.requests.length === 0; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error('arrêt du service'));
    await expect(polling).rejects.toThrow('arrêt du service');
  });

  it('refuses an unreadable cursor before asking anything', async () => {
    expect((await failure(source().poll('{"since": 3}', live()))).code).toBe('curseur_invalide');
    expect(server.requests).toEqual([]);
  });
});
