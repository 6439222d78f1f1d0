import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  asMastoHandsOver,
  type FakeMastodon,
  recordedErrors,
  recordedStatusList,
  startFakeMastodon,
} from './fake-mastodon.js';
import { statusReadSchema } from './status-shape.js';

/**
 * The documented types (https://docs.joinmastodon.org/entities/Status/ and /Account/) of every
 * attribute the source reads, and of the ones around them that tell a Status apart. Strict where
 * the documentation is: ids are strings, dates ISO 8601, nullable means present and null.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const documentedAccount = z.object({
  id: z.string().regex(/^\d+$/),
  username: z.string(),
  acct: z.string().regex(/^[\w.-]+(@[\w.-]+)?$/),
  url: z.url(),
  display_name: z.string(),
  note: z.string(),
  bot: z.boolean(),
  group: z.boolean(),
  locked: z.boolean(),
  created_at: isoDateTime,
  last_status_at: z.iso.date().nullable(),
  followers_count: z.number().int(),
  following_count: z.number().int(),
  statuses_count: z.number().int(),
});
const documentedStatusCore = z.object({
  id: z.string().regex(/^\d+$/),
  uri: z.url(),
  url: z.url().nullable(),
  created_at: isoDateTime,
  account: documentedAccount,
  content: z.string(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
  sensitive: z.boolean(),
  spoiler_text: z.string(),
  language: z.string().nullable(),
  tags: z.array(z.object({ name: z.string(), url: z.url() })),
  mentions: z.array(z.object({ id: z.string(), username: z.string(), url: z.url(), acct: z.string() })),
  in_reply_to_id: z.string().nullable(),
  edited_at: isoDateTime.nullable(),
  replies_count: z.number().int(),
  reblogs_count: z.number().int(),
  favourites_count: z.number().int(),
});
const documentedStatus = documentedStatusCore.extend({ reblog: documentedStatusCore.nullable() });

let fake: FakeMastodon;
beforeAll(async () => {
  fake = await startFakeMastodon({ accessToken: 'jeton' });
});
afterAll(async () => {
  await fake.close();
});

async function get(
  path: string,
  token?: string,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${fake.url}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('the Mastodon recordings', () => {
  it('have the documented shape of a Status, reblogs included', () => {
    for (const status of recordedStatusList()) expect(documentedStatus.parse(status)).toBeTruthy();
  });

  it('carry, once turned to camelCase by masto.js, every attribute the source reads', () => {
    for (const status of recordedStatusList())
      expect(statusReadSchema.safeParse(asMastoHandsOver(status)).success).toBe(true);
  });

  it('keep error bodies in the documented { error } form', () => {
    for (const recorded of Object.values(recordedErrors)) {
      if (!recorded.headers['content-type']?.startsWith('application/json')) continue;
      expect(z.object({ error: z.string() }).parse(JSON.parse(recorded.body))).toBeTruthy();
    }
  });
});

describe('the fake Mastodon instance', () => {
  it('serves hashtag timelines from the recordings, unchanged, newest first', async () => {
    const { status, body } = await get('/api/v1/timelines/tag/CHUdeDemonstration?limit=40');
    expect(status).toBe(200);
    const statuses = z.array(documentedStatus).parse(body);
    const byId = new Map(recordedStatusList().map((recorded) => [recorded.id, recorded]));
    for (const served of body as { id: string }[]) expect(served).toEqual(byId.get(served.id));
    expect(statuses.map((served) => served.id.slice(-2))).toEqual(['08', '03', '02', '01']);
  });

  it('pages as documented: Link next/prev, since_id gives the newest, min_id the ones just above', async () => {
    const page = await get('/api/v1/timelines/tag/chudedemonstration?limit=2');
    const link = page.headers.get('link') ?? '';
    expect(link).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/timelines\/tag\/chudedemonstration\?limit=2&max_id=\d+>; rel="next", <[^>]+min_id=\d+>; rel="prev"$/,
    );
    const ids = (body: unknown) =>
      z
        .array(z.object({ id: z.string() }))
        .parse(body)
        .map((s) => s.id.slice(-2));
    expect(ids(page.body)).toEqual(['08', '03']);
    const oldest = recordedStatusList().find((status) => status.id.endsWith('01'))?.id;
    expect(
      ids((await get(`/api/v1/timelines/tag/chudedemonstration?limit=2&since_id=${oldest}`)).body),
    ).toEqual(['08', '03']);
    expect(
      ids((await get(`/api/v1/timelines/tag/chudedemonstration?limit=2&min_id=${oldest}`)).body),
    ).toEqual(['03', '02']);
    const empty = await get('/api/v1/timelines/tag/chudedemonstration?min_id=999999999999999999');
    expect([empty.body, empty.headers.get('link')]).toEqual([[], null]);
  });

  it('answers search with a Search object, and refuses anonymous offset paging as Mastodon does', async () => {
    const found = await get('/api/v2/search?q=CHU%20de%20D%C3%A9monstration&type=statuses', 'jeton');
    const search = z
      .object({
        accounts: z.array(z.unknown()),
        statuses: z.array(documentedStatus),
        hashtags: z.array(z.unknown()),
      })
      .parse(found.body);
    expect(new Set(search.statuses.map((status) => status.visibility))).toEqual(
      new Set(['public', 'unlisted']),
    );
    const anonymous = await get('/api/v2/search?q=CHU&type=statuses&offset=20');
    expect([anonymous.status, anonymous.body]).toEqual([
      401,
      { error: 'Search queries pagination is not supported without authentication' },
    ]);
  });

  it('refuses a wrong token with the recorded 401', async () => {
    const refused = await get('/api/v1/timelines/tag/hopital', 'autre');
    expect([refused.status, refused.body]).toEqual([401, { error: 'The access token is invalid' }]);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
  });
});
