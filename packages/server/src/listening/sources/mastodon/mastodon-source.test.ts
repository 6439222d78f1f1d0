import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingPost } from '../../incoming-post.js';
import { SourceError } from '../source-error.js';
import { type FakeMastodon, type RawStatus, recordedStatusList, startFakeMastodon } from './fake-mastodon.js';
import { createMastodonSource, type MastodonSettingsInput, type MastodonSourceOptions } from './index.js';

const TOKEN = 'jeton-de-test-read';
/** The recorded 429 says X-RateLimit-Reset: 2026-12-05T10:05:00.000Z. */
const NOW = new Date('2026-12-05T10:00:00.000Z');
const recorded = recordedStatusList();
const byId = (suffix: string): RawStatus => {
  const found = recorded.find((status) => status.id.endsWith(suffix));
  if (found === undefined) throw new Error(`no recorded status ${suffix}`);
  return found;
};

let fake: FakeMastodon;
beforeEach(async () => {
  fake = await startFakeMastodon({ accessToken: TOKEN });
});
afterEach(async () => {
  await fake.close();
});

function source(settings: Partial<MastodonSettingsInput> = {}, options: MastodonSourceOptions = {}) {
  return createMastodonSource(
    { instanceUrl: fake.url, hashtags: ['#CHUdeDemonstration'], ...settings },
    { pageSize: 2, now: () => NOW, timeoutMs: 5000, ...options },
  );
}

const live = () => new AbortController().signal;

/** A new status on the instance, shaped as the recorded one it copies. */
function newStatus(n: number, text: string): RawStatus {
  const status = structuredClone(byId('08'));
  status.id = `11564900000000${String(n).padStart(4, '0')}`;
  status.uri = `https://social.exemple.fr/users/marie_ide/statuses/${status.id}`;
  status.url = `https://social.exemple.fr/@marie_ide/${status.id}`;
  status.created_at = new Date(Date.UTC(2026, 11, 5, 9, 30 + n)).toISOString();
  status.content = `<p>${text} <a href="https://social.exemple.fr/tags/CHUdeDemonstration" class="mention hashtag" rel="tag">#<span>CHUdeDemonstration</span></a></p>`;
  return status;
}

function texts(posts: IncomingPost[]): string[] {
  return posts.map((post) => post.text);
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('Mastodon source against the fake instance', () => {
  it('first poll: reads the latest page of the hashtag and maps each status', async () => {
    const { posts, cursor } = await source().poll(null, live());
    expect(posts.map((post) => post.externalId)).toEqual([byId('08').uri, byId('03').uri]);
    expect(JSON.parse(cursor ?? '')).toEqual({ 'tag:chudedemonstration': byId('08').id });
    expect(posts[1]).toEqual({
      source: 'mastodon',
      externalId: byId('03').uri,
      url: byId('03').url,
      authorHandle: 'jb_lyon@mastodon.exemple.net',
      authorKind: null,
      reach: 57,
      text: 'Urgences, attente, colère\n\nCinq heures sur un brancard au #CHUdeDemonstration avec mon père de 84 ans, personne pour nous dire quoi que ce soit. "Il faut attendre", c\'est tout.',
      publishedAt: '2026-12-05T07:07:18.000Z',
    } satisfies IncomingPost);
    // A local account gets the instance's domain.
    expect(posts[0]?.authorHandle).toBe(`marie_ide@${new URL(fake.url).host}`);
    expect(fake.requests[0]?.url.pathname).toBe('/api/v1/timelines/tag/CHUdeDemonstration');
    expect(fake.requests[0]?.url.searchParams.get('min_id')).toBeNull();
  });

  it('next polls: follows min_id pages in order, without a gap, then finds nothing new', async () => {
    const first = await source().poll(null, live());
    for (const n of [1, 2, 3]) fake.publish(newStatus(n, `Nouveau message ${n}`));
    fake.requests.length = 0;

    const second = await source().poll(first.cursor, live());
    expect(texts(second.posts)).toEqual([
      'Nouveau message 2 #CHUdeDemonstration',
      'Nouveau message 1 #CHUdeDemonstration',
      'Nouveau message 3 #CHUdeDemonstration',
    ]);
    // Oldest page first (min_id), each next page from the newest id of the previous one.
    expect(fake.requests.map((request) => request.url.searchParams.get('min_id'))).toEqual([
      byId('08').id,
      newStatus(2, '').id,
      newStatus(3, '').id,
    ]);
    expect(JSON.parse(second.cursor ?? '')).toEqual({ 'tag:chudedemonstration': newStatus(3, '').id });

    const third = await source().poll(second.cursor, live());
    expect(third.posts).toEqual([]);
    expect(third.cursor).toBe(second.cursor);
  });

  it('stops at its page budget and goes on from there at the next poll, losing nothing', async () => {
    const first = await source().poll(null, live());
    for (const n of [1, 2, 3, 4, 5]) fake.publish(newStatus(n, `Message ${n}`));
    const budget = { maxPagesPerPoll: 1 };
    const seen: string[] = [];
    let cursor = first.cursor;
    for (let poll = 0; poll < 4; poll += 1) {
      const result = await source({}, budget).poll(cursor, live());
      seen.push(...texts(result.posts));
      cursor = result.cursor;
    }
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `Message ${n} #CHUdeDemonstration`));
  });

  it('reads several hashtags, keeps one post for a status found under two, and marks the press', async () => {
    const { posts, cursor } = await source(
      { hashtags: ['CHUdeDemonstration', 'hopital'], pressHandles: ['@Redaction@presse.exemple.org'] },
      { pageSize: 40 },
    ).poll(null, live());
    const press = posts.filter((post) => post.authorHandle === 'redaction@presse.exemple.org');
    expect(press).toHaveLength(1);
    expect(press[0]?.authorKind).toBe('press');
    expect(press[0]?.reach).toBe(18430);
    // Mastodon's invisible link parts are left out, the ellipsis it draws is kept.
    expect(press[0]?.text).toBe(
      "Plan blanc déclenché au CHU de Démonstration après l'afflux de patients cette nuit. Notre article : presse.exemple.org/sante/2026/…\n\n#CHUdeDemonstration #hopital",
    );
    expect(new Set(posts.map((post) => post.externalId)).size).toBe(posts.length);
    expect(Object.keys(JSON.parse(cursor ?? ''))).toEqual(['tag:chudedemonstration', 'tag:hopital']);
  });

  it('searches with the token, keeps unlisted statuses, pages with offset on later polls', async () => {
    const search = source({ hashtags: [], query: 'CHU de Démonstration', accessToken: TOKEN });
    const first = await search.poll(null, live());
    expect(first.posts.map((post) => post.externalId)).toEqual([byId('08').uri, byId('05').uri]);
    expect(fake.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);

    for (const n of [1, 2, 3]) fake.publish(newStatus(n, `Le CHU de Démonstration, épisode ${n}`));
    fake.requests.length = 0;
    const second = await search.poll(first.cursor, live());
    expect(texts(second.posts).sort()).toEqual(
      [1, 2, 3].map((n) => `Le CHU de Démonstration, épisode ${n} #CHUdeDemonstration`),
    );
    expect(fake.requests.map((request) => request.url.searchParams.get('offset'))).toEqual([null, '2']);
    expect(fake.requests.every((request) => request.url.searchParams.get('min_id') === byId('08').id)).toBe(
      true,
    );
    expect((await search.poll(second.cursor, live())).posts).toEqual([]);
  });

  it('turns a 429 into limite_atteinte with the wait from X-RateLimit-Reset', async () => {
    fake.failNext({ kind: 'recorded', name: 'rate_limited' });
    const error = await failure(source().poll(null, live()));
    expect(error.code).toBe('limite_atteinte');
    expect(error.retryAfterSeconds).toBe(300);
    expect(error.userMessage).toContain('dans 300 s');
    expect(error.retryable).toBe(true);
  });

  it('turns a refused token into a clear French error that says what to do', async () => {
    const error = await failure(source({ accessToken: 'jeton-révoqué' }).poll(null, live()));
    expect(error.code).toBe('jeton_invalide');
    expect(error.userMessage).toMatch(/refuse le jeton d’accès .* Créez-en un nouveau/);
    expect(error.retryable).toBe(false);
  });

  it('tells a server failure, JSON or an HTML proxy page, as serveur_indisponible', async () => {
    fake.failNext({ kind: 'recorded', name: 'unavailable_json' });
    const json = await failure(source().poll(null, live()));
    expect([json.code, json.retryAfterSeconds]).toEqual(['serveur_indisponible', 30]);
    expect(json.userMessage).toContain('erreur 503');

    fake.failNext({ kind: 'recorded', name: 'bad_gateway_html' });
    const html = await failure(source().poll(null, live()));
    expect(html.code).toBe('serveur_indisponible');
    expect(html.retryable).toBe(true);
  });

  it('gives up on a request that never ends, after the timeout', async () => {
    fake.failNext({ kind: 'hang' });
    const error = await failure(source({}, { timeoutMs: 300 }).poll(null, live()));
    expect(error.code).toBe('delai_depasse');
  });

  it('names malformed JSON and JSON of the wrong shape reponse_invalide', async () => {
    fake.failNext({ kind: 'malformed-json' });
    expect((await failure(source().poll(null, live()))).code).toBe('reponse_invalide');
    fake.failNext({ kind: 'not-a-list' });
    expect((await failure(source().poll(null, live()))).code).toBe('reponse_invalide');
  });

  it('says injoignable when nothing listens at the address', async () => {
    const address = fake.url;
    await fake.close();
    const error = await failure(
      createMastodonSource({ instanceUrl: address, hashtags: ['hopital'] }).poll(null, live()),
    );
    expect(error.code).toBe('injoignable');
    fake = await startFakeMastodon();
  });

  it('stops when the runner aborts, with the abort itself rather than a source error', async () => {
    fake.failNext({ kind: 'hang' });
    const controller = new AbortController();
    const polling = source().poll(null, controller.signal);
    await waitFor(() => fake.requests.length === 1);
    controller.abort(new Error('arrêt du service'));
    await expect(polling).rejects.toThrow('arrêt du service');
  });

  it('refuses a cursor it cannot read instead of starting over silently', async () => {
    for (const cursor of ['pas du json', '[1]', '{"tag:hopital": 42}']) {
      const error = await failure(source().poll(cursor, live()));
      expect(error.code).toBe('curseur_invalide');
    }
    expect(fake.requests).toEqual([]);
  });

  it('forgets a hashtag removed from the settings and starts a new one from now', async () => {
    const cursor = JSON.stringify({ 'tag:ancien': '1', 'tag:chudedemonstration': byId('08').id });
    const result = await source({ hashtags: ['CHUdeDemonstration', 'hopital'] }).poll(cursor, live());
    expect(Object.keys(JSON.parse(result.cursor ?? '')).sort()).toEqual([
      'tag:chudedemonstration',
      'tag:hopital',
    ]);
    expect(result.posts.map((post) => post.externalId)).toEqual([byId('04').uri, byId('02').uri]);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !condition(); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
