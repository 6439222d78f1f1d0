import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../reports/multipart-body.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { readRecorded, startReplayNetwork } from '../../test-support/replay-network.js';
import { createFacebookConnector, GRAPH_API_VERSION } from '../connectors/facebook/facebook-connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { testMp4 } from '../media/mp4-test-file.js';
import { publishOne } from './publish-one.js';

const recorded = (name: string) =>
  readRecorded(new URL(`../connectors/facebook/recorded/${name}.json`, import.meta.url));
const PAGE = '104573968740256';
/** The text of the recorded feed's post: the one an earlier attempt made. */
const TEXT =
  'Novembre, c’est le Mois sans tabac ! Nos consultations d’aide à l’arrêt sont gratuites, du lundi au vendredi.';

/**
 * Once, on a network with no idempotency key: Facebook's answers are replayed from its
 * documentation (connectors/facebook/recorded). The first attempt's answer is lost (a 502 from
 * a proxy after Meta created the post); the retry finds the post on the Page and does not post
 * it again.
 */
describe.each(DIALECTS)('publishing once on Facebook (recorded answers), on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let director: SignedIn;
  let cm: SignedIn;
  let graph: Awaited<ReturnType<typeof startReplayNetwork>>;
  const registry: ConnectorRegistry = new Map([['facebook', createFacebookConnector()]]);
  const base = () => `/api/establishments/${valmont}/publishing`;

  beforeAll(async () => {
    graph = await startReplayNetwork([
      {
        method: 'POST',
        path: new RegExp(`^/${GRAPH_API_VERSION}/${PAGE}/feed$`),
        answers: [{ source: 'a proxy between us and Meta', status: 502 }, recorded('feed-post-created')],
      },
      {
        method: 'GET',
        path: new RegExp(`^/${GRAPH_API_VERSION}/${PAGE}/feed$`),
        answers: [recorded('feed-recent')],
      },
    ]);
    t = await createTestApp(
      dialect,
      { secretKeys: { current: randomBytes(32), previous: [] } },
      { connectorRegistry: registry },
    );
    t.clock.set(new Date('2026-11-02T08:50:00Z'));
    valmont = await t.establishment('CHU de Valmont');
    director = await t.user({ [valmont]: 'communication' });
    cm = await t.user({ [valmont]: 'community_manager' });
    await t.as(director, {
      method: 'PUT',
      url: `${base()}/accounts/facebook`,
      payload: { serviceUrl: graph.url, identifier: PAGE, secret: 'page-token' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await graph?.close();
  });

  it('retries after a lost answer and finds the post instead of publishing it twice', async () => {
    const created = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts`,
        payload: { title: 'Mois sans tabac', variants: [{ network: 'facebook', text: TEXT }] },
      })
    ).json();
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 1 },
    });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/decisions`,
      payload: { revision: 1, decision: 'approved' },
    });
    const scheduled = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/schedule`,
      payload: { revision: 1, at: '2026-11-02T09:00:00.000Z' },
    });
    expect(scheduled.statusCode).toBe(201);
    const [publication] = scheduled.json().items;
    t.clock.set(new Date('2026-11-02T09:00:05Z'));

    expect(await publishOne(t.context, publication.id, registry)).toBe('retry');
    expect(await publishOne(t.context, publication.id, registry)).toBe('published');
    const posts = graph.received.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const row = await t.storage.db
      .selectFrom('publications')
      .select(['status', 'external_id', 'url', 'attempts'])
      .where('id', '=', publication.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'published',
      external_id: '104573968740256_122118927482034516',
      url: 'https://www.facebook.com/104573968740256/posts/122118927482034516',
      attempts: 2,
    });
  });

  it('refuses to schedule a video on a network Blouse does not send videos to yet', async () => {
    const created = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts`,
        // LinkedIn: Blouse does not send videos there yet.
        payload: { title: 'Vidéo', variants: [{ network: 'linkedin', text: 'Nos tabacologues répondent.' }] },
      })
    ).json();
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/media`,
      ...multipartBody({ alt_text: 'Deux tabacologues', revision: '1' }, [
        { name: 'v.mp4', bytes: testMp4(), field: 'file' },
      ]),
    });
    await t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${created.id}/people`,
      payload: { revision: 2, consentIds: [], nobodyShown: true },
    });
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 3 },
    });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/decisions`,
      payload: { revision: 3, decision: 'approved' },
    });
    const refused = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/schedule`,
      payload: { revision: 3 },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'video_non_prise_en_charge',
      errors: [{ field: 'linkedin.media' }],
    });
  });
});
