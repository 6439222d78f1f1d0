import { randomBytes } from 'node:crypto';
import { AtpAgent } from '@atproto/api';
import { TestNetwork } from '@atproto/dev-env';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessJobs } from '../../platform/jobs/in-process/in-process-jobs.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS, TEST_POSTGRES } from '../../test-support/databases.js';
import { createBlueskyConnector } from '../connectors/bluesky/bluesky-connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { collectMetrics, METRICS_READINGS_AFTER_MS } from './collect-metrics.js';
import { collectMetricsThroughJobs, METRICS_QUEUE } from './metrics-jobs.js';
import { publishOne } from './publish-one.js';

/** A letters-only name (the AppView's schema rule) for this run's databases. */
const RUN = `metrics_${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/**
 * A post's engagement read back from a real AT Protocol network with its AppView (PLC, PDS and
 * AppView from @atproto/dev-env, on this machine's PostgreSQL and Redis): a like and a reply by
 * another account are counted, and the readings follow each other through the jobs engine.
 */
describe('engagement of a published post, from a real Bluesky AppView', () => {
  let network: TestNetwork;
  let hospital: AtpAgent;
  let reader: AtpAgent;
  let appPassword: string;
  const registry: ConnectorRegistry = new Map([['bluesky', createBlueskyConnector()]]);

  beforeAll(async () => {
    process.env.REDIS_HOST ??= '127.0.0.1:6379';
    network = await TestNetwork.create({ dbPostgresUrl: TEST_POSTGRES, dbPostgresSchema: RUN });
    hospital = new AtpAgent({ service: network.pds.url });
    await hospital.createAccount({
      handle: 'chu-metrics.test',
      email: 'com@chu.test',
      password: 'mdp-du-compte',
    });
    appPassword = (await hospital.com.atproto.server.createAppPassword({ name: 'blouse' })).data.password;
    reader = new AtpAgent({ service: network.pds.url });
    await reader.createAccount({ handle: 'patiente.test', email: 'p@exemple.test', password: 'mdp' });
  }, 60_000);

  afterAll(async () => {
    await network?.close();
    // The AppView and Ozone keep their tables in schemas of their own: drop this run's.
    const client = new pg.Client({ connectionString: TEST_POSTGRES });
    await client.connect();
    for (const schema of [`appview_${RUN}`, `ozone_${RUN}`])
      await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  describe.each(DIALECTS)('on %s', (dialect) => {
    let t: TestApp;
    let valmont: string;
    let director: SignedIn;
    let cm: SignedIn;
    let agent: SignedIn;
    const base = () => `/api/establishments/${valmont}/publishing`;

    beforeAll(async () => {
      t = await createTestApp(
        dialect,
        { secretKeys: { current: randomBytes(32), previous: [] } },
        { connectorRegistry: registry },
      );
      t.clock.set(new Date());
      valmont = await t.establishment('CHU de Valmont');
      director = await t.user({ [valmont]: 'communication' });
      cm = await t.user({ [valmont]: 'community_manager' });
      agent = await t.user({ [valmont]: 'agent' });
      await t.as(director, {
        method: 'PUT',
        url: `${base()}/accounts/bluesky`,
        payload: { serviceUrl: network.pds.url, identifier: 'chu-metrics.test', secret: appPassword },
      });
    });
    afterAll(async () => t?.close());

    async function publishedNow(text: string): Promise<string> {
      const created = (
        await t.as(cm, {
          method: 'POST',
          url: `${base()}/drafts`,
          payload: { title: 'Portes ouvertes', variants: [{ network: 'bluesky', text }] },
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
      const [publication] = (
        await t.as(cm, {
          method: 'POST',
          url: `${base()}/drafts/${created.id}/schedule`,
          payload: { revision: 1 },
        })
      ).json().items;
      expect(await publishOne(t.context, publication.id, registry)).toBe('published');
      return publication.id;
    }

    it('reads likes, reposts and replies, keeps them with the publication, and schedules the next reading', async () => {
      const jobs = new InProcessJobs({ storage: t.storage, clock: t.clock.now, pollIntervalMs: 50 });
      await collectMetricsThroughJobs(t.context, jobs, registry);
      await jobs.start();
      try {
        const id = await publishedNow(`Portes ouvertes de la maternité samedi (${dialect}).`);
        const row = await t.storage.db
          .selectFrom('publications')
          .select(['external_id', 'draft_id'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const uri = row.external_id ?? '';
        const record = await reader.com.atproto.repo.getRecord({
          repo: uri.split('/')[2] ?? '',
          collection: 'app.bsky.feed.post',
          rkey: uri.split('/').at(-1) ?? '',
        });
        const cid = record.data.cid ?? '';
        await reader.like(uri, cid);
        await reader.repost(uri, cid);
        await reader.post({ text: 'Merci, à samedi !', reply: { root: { uri, cid }, parent: { uri, cid } } });
        await network.processAll();

        // The first reading is due an hour after the publication: the engine runs it then.
        t.clock.advance((METRICS_READINGS_AFTER_MS[0] ?? 0) + 1_000);
        const deadline = Date.now() + 15_000;
        let metrics: { likes: number | null } | undefined;
        while (metrics === undefined && Date.now() < deadline) {
          metrics = await t.storage.db
            .selectFrom('publication_metrics')
            .selectAll()
            .where('publication_id', '=', id)
            .executeTakeFirst();
          if (metrics === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(metrics).toMatchObject({
          likes: 1,
          shares: 1,
          comments: 1,
          impressions: null,
          collections: 1,
        });
        const listed = await t.as(cm, {
          method: 'GET',
          url: `${base()}/drafts/${row.draft_id}/publications`,
        });
        expect(listed.json().items[0].metrics).toMatchObject({ likes: 1, shares: 1, comments: 1 });
        // The next reading waits in the jobs table, six hours after the publication.
        await expect
          .poll(
            async () =>
              (
                await t.storage.db
                  .selectFrom('jobs')
                  .select('run_after')
                  .where('queue', '=', METRICS_QUEUE)
                  .where('state', '=', 'pending')
                  .execute()
              ).length,
          )
          .toBe(1);
      } finally {
        await jobs.stop();
      }
    }, 60_000);

    it('reads the figures now when the desk asks, at most every five minutes', async () => {
      const id = await publishedNow(`Don du sang jeudi dans le hall (${dialect}).`);
      const { draft_id: draftId, external_id: uri } = await t.storage.db
        .selectFrom('publications')
        .select(['draft_id', 'external_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const record = await reader.com.atproto.repo.getRecord({
        repo: uri?.split('/')[2] ?? '',
        collection: 'app.bsky.feed.post',
        rkey: uri?.split('/').at(-1) ?? '',
      });
      await reader.like(uri ?? '', record.data.cid ?? '');
      await network.processAll();
      const url = `${base()}/drafts/${draftId}/publications/${id}/metrics`;
      expect((await t.as(agent, { method: 'POST', url })).statusCode).toBe(403);
      const now = await t.as(cm, { method: 'POST', url });
      expect(now.statusCode).toBe(200);
      expect(now.json().metrics).toMatchObject({ likes: 1, shares: 0, comments: 0 });
      const again = await t.as(cm, { method: 'POST', url });
      expect(again.statusCode).toBe(429);
      expect(again.json()).toMatchObject({
        code: 'releve_recent',
        detail: expect.stringContaining('5 minutes'),
      });
      t.clock.advance(5 * 60_000 + 1);
      expect((await t.as(cm, { method: 'POST', url })).statusCode).toBe(200);
      expect(
        (await t.as(cm, { method: 'POST', url: `${base()}/drafts/${draftId}/publications/inconnue/metrics` }))
          .statusCode,
      ).toBe(404);
    }, 30_000);

    it('says when the post is gone from the network, and when the network gives no figures', async () => {
      const id = await publishedNow(`Un post que nous retirerons (${dialect}).`);
      const uri =
        (
          await t.storage.db
            .selectFrom('publications')
            .select('external_id')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).external_id ?? '';
      await hospital.login({ identifier: 'chu-metrics.test', password: 'mdp-du-compte' });
      await hospital.deletePost(uri);
      await network.processAll();
      expect(await collectMetrics(t.context, id, registry)).toMatchObject({
        kind: 'refused',
        reason: expect.stringContaining('introuvable'),
      });
      expect(await collectMetrics(t.context, id, new Map())).toEqual({ kind: 'unsupported' });
      const { draft_id: draftId } = await t.storage.db
        .selectFrom('publications')
        .select('draft_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const refused = await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${draftId}/publications/${id}/metrics`,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('introuvable');
      expect(await collectMetrics(t.context, 'inconnue', registry)).toEqual({ kind: 'not_published' });
    }, 30_000);
  });
});
