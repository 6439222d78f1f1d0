import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { ingestBatch } from './ingest/ingest-batch.js';
import { PostShelf, shelfRegistry } from './sources/test-sources.js';
import { addTestTerm, testPost } from './test-kit.js';
import { termsChanged } from './watch-terms/matcher-cache.js';

const BREACH =
  'Mme Dupont, 92 ans, chambre 214 au CHU de Valmont, a un cancer du pancréas, je l’ai vue ce matin';

describe.each(DIALECTS)('listening routes on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let bourg: string;
  let admin: SignedIn;
  let communication: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let outsider: SignedIn;
  let bourgMentionId: string;
  const base = () => `/api/establishments/${valmont}/listening`;

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {},
      { sourceRegistry: shelfRegistry(new Map([['x', new PostShelf()]])) },
    );
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    admin = await t.user({ [valmont]: 'admin' });
    communication = await t.user({ [valmont]: 'communication' });
    cm = await t.user({ [valmont]: 'community_manager' });
    legal = await t.user({ [valmont]: 'legal' });
    agent = await t.user({ [valmont]: 'agent' });
    outsider = await t.user({ [bourg]: 'communication' });
    await addTestTerm(t.storage.db, valmont, 'CHU de Valmont');
    await addTestTerm(t.storage.db, valmont, '#ChuValmont', 'hashtag');
    await addTestTerm(t.storage.db, bourg, 'CH de Bourg');
    termsChanged(t.context);
    // 60 mentions an hour apart from 2026-11-01T00:00 (the last at 11:00 on the 3rd), one breach,
    // one praise on mastodon, and one for Bourg.
    const posts = Array.from({ length: 60 }, (_, i) =>
      testPost({
        externalId: `m${i}`,
        text:
          i === 7
            ? BREACH
            : i === 8
              ? 'Merci au CHU de Valmont, équipe formidable !'
              : `Message ${i} : au CHU de Valmont, l’Épidémie ${i % 2 === 0 ? 'paire' : 'impaire'}`,
        source: i === 8 ? 'mastodon' : 'rss',
        publishedAt: new Date(Date.UTC(2026, 10, 1, 0) + i * 3_600_000).toISOString(),
        reach: i === 8 ? 1200 : null,
      }),
    );
    posts.push(testPost({ externalId: 'bourg', text: 'Le CH de Bourg recrute' }));
    const result = await ingestBatch(t.context, { sourceId: null, establishmentId: null }, posts, null, []);
    bourgMentionId = result.mentions.find((m) => m.establishmentId === bourg)?.id ?? '';
  });
  afterAll(async () => t.close());

  const get = (user: SignedIn | null, path: string) => t.as(user, { method: 'GET', url: `${base()}${path}` });

  describe('who may do what', () => {
    it('lets every reading role read, refuses agents (403) and other establishments (404)', async () => {
      for (const user of [admin, communication, cm, legal]) {
        for (const path of ['/mentions', '/volume', '/terms', '/sources']) {
          expect((await get(user, path)).statusCode, path).toBe(200);
        }
      }
      for (const path of ['/mentions', '/volume', '/terms', '/sources']) {
        const refused = await get(agent, path);
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({ code: 'interdit', detail: expect.stringContaining('rôle') });
        expect((await get(outsider, path)).statusCode).toBe(404);
        expect((await get(null, path)).statusCode).toBe(401);
      }
    });

    it('lets only admin and communication configure; legal and community managers read only', async () => {
      for (const user of [cm, legal, agent]) {
        const term = await t.as(user, {
          method: 'POST',
          url: `${base()}/terms`,
          payload: { kind: 'alias', term: 'Valmont' },
        });
        expect(term.statusCode).toBe(403);
        const source = await t.as(user, {
          method: 'POST',
          url: `${base()}/sources`,
          payload: { kind: 'rss', name: 'Presse', settings: { shelf: 'x' } },
        });
        expect(source.statusCode).toBe(403);
      }
      const outside = await t.as(outsider, {
        method: 'POST',
        url: `${base()}/terms`,
        payload: { kind: 'alias', term: 'V' },
      });
      expect(outside.statusCode).toBe(404);
    });

    it('answers 404 for another establishment’s mention, term and source', async () => {
      expect((await get(admin, `/mentions/${bourgMentionId}`)).statusCode).toBe(404);
      const bourgTerm = (
        await t.as(outsider, { method: 'GET', url: `/api/establishments/${bourg}/listening/terms` })
      ).json().items[0].id;
      const removed = await t.as(admin, { method: 'DELETE', url: `${base()}/terms/${bourgTerm}` });
      expect(removed.statusCode).toBe(404);
      const bourgSource = await t.as(outsider, {
        method: 'POST',
        url: `/api/establishments/${bourg}/listening/sources`,
        payload: { kind: 'rss', name: 'Bourg', settings: { shelf: 'x' } },
      });
      expect(bourgSource.statusCode).toBe(201);
      const id = bourgSource.json().id;
      expect(
        (await t.as(admin, { method: 'PATCH', url: `${base()}/sources/${id}`, payload: { enabled: false } }))
          .statusCode,
      ).toBe(404);
      expect((await t.as(admin, { method: 'DELETE', url: `${base()}/sources/${id}` })).statusCode).toBe(404);
    });
  });

  describe('mentions', () => {
    it('pages through every mention newest first, without a duplicate or a gap', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await get(cm, `/mentions?limit=25${cursor === null ? '' : `&cursor=${cursor}`}`);
        expect(page.statusCode).toBe(200);
        const body = page.json() as {
          items: { id: string; publishedAt: string }[];
          nextCursor: string | null;
        };
        seen.push(...body.items.map((item) => item.id));
        const times = body.items.map((item) => item.publishedAt);
        expect(times).toEqual([...times].sort().reverse());
        cursor = body.nextCursor;
        pages++;
      } while (cursor !== null);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(60);
      expect(new Set(seen).size).toBe(60);
    });

    it('filters in SQL by source, category, verdict, term, period and folded text', async () => {
      const items = async (query: string) =>
        (await get(cm, `/mentions?${query}`)).json().items as Record<string, unknown>[];
      expect(await items('source=mastodon')).toEqual([
        expect.objectContaining({ source: 'mastodon', category: 'praise', verdict: 'ok', reach: 1200 }),
      ]);
      const breaches = await items('category=privacy_breach&verdict=block');
      expect(breaches).toHaveLength(1);
      expect(breaches[0]).toMatchObject({ matchedTerms: ['CHU de Valmont'], incidentId: null });
      expect(await items('term=%23ChuValmont')).toEqual([]);
      expect(await items('term=CHU%20de%20Valmont&limit=100')).toHaveLength(60);
      expect(await items('from=2026-11-01T00:00:00Z&to=2026-11-01T03:00:00Z')).toHaveLength(3);
      // « EPIDEMIE » finds « l’Épidémie » (folded on both sides); the phrase keeps its word order.
      expect(await items('q=EPIDEMIE%20paire&limit=100')).toHaveLength(29);
      expect(await items('q=epidemie%20impaire&limit=100')).toHaveLength(29);
      expect(await items('q=100%25')).toEqual([]);
    });

    it('gives one mention’s text and findings, never spans', async () => {
      const [summary] = (await get(legal, '/mentions?category=privacy_breach')).json().items;
      const detail = await get(legal, `/mentions/${summary.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({
        ...summary,
        text: BREACH,
        // The learned layer may add its own findings (a comment to hide, MOD-01): the breach is there.
        findings: expect.arrayContaining([
          {
            rule: 'SECRET-01',
            severity: 'block',
            explanation: expect.stringMatching(/\p{L}/u),
            raisedBy: 'rule',
          },
        ]),
      });
      for (const finding of detail.json().findings) expect(['rule', 'model']).toContain(finding.raisedBy);
      expect(JSON.stringify(detail.json().findings)).not.toMatch(/span|start|end/);
      expect((await get(legal, '/mentions/inconnue')).statusCode).toBe(404);
    });

    it('reads the findings stored before they said who raised them as raised by someone unknown', async () => {
      const [summary] = (await get(legal, '/mentions?category=privacy_breach')).json().items;
      const old = [{ rule: 'SECRET-01', severity: 'block', explanation: 'Un patient est reconnaissable.' }];
      await t.storage.db
        .updateTable('mentions')
        .set({ findings: JSON.stringify(old) })
        .where('id', '=', summary.id)
        .execute();
      const detail = await get(legal, `/mentions/${summary.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().findings).toEqual([{ ...old[0], raisedBy: null }]);
    });

    it('refuses unknown filter values and cursors it did not make, in French', async () => {
      for (const query of [
        'category=rumeur',
        'verdict=maybe',
        'source=myspace',
        'limit=101',
        'limit=0',
        'from=hier',
        'colour=red',
      ]) {
        const response = await get(cm, `/mentions?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      const first = (await get(cm, '/mentions?limit=5')).json();
      const other = await get(cm, `/mentions?limit=5&source=rss&cursor=${first.nextCursor}`);
      expect(other.statusCode).toBe(400);
      expect(other.json()).toMatchObject({
        code: 'curseur_invalide',
        detail: expect.stringContaining('curseur'),
      });
      expect((await get(cm, '/mentions?cursor=n%27importe%20quoi')).statusCode).toBe(400);
      expect(
        (await get(cm, `/mentions?cursor=${Buffer.from('{"v":1}').toString('base64url')}`)).statusCode,
      ).toBe(400);
    });
  });

  describe('volume', () => {
    it('counts mentions per hour with every hour present', async () => {
      const response = await get(admin, '/volume?from=2026-11-01T22:30:00Z&to=2026-11-02T02:00:00Z');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        buckets: [
          { start: '2026-11-01T22:00:00.000Z', count: 1 },
          { start: '2026-11-01T23:00:00.000Z', count: 1 },
          { start: '2026-11-02T00:00:00.000Z', count: 1 },
          { start: '2026-11-02T01:00:00.000Z', count: 1 },
        ],
        alerts: [],
      });
      const quiet = (await get(admin, '/volume?from=2026-10-01T00:00:00Z&to=2026-10-01T02:00:00Z')).json();
      expect(quiet.buckets.map((b: { count: number }) => b.count)).toEqual([0, 0]);
    });

    it('shows the alerts of the period', async () => {
      await t.storage.db
        .insertInto('listening_alerts')
        .values({
          id: 'alerte-1',
          establishment_id: valmont,
          tier: 'immediate',
          reason: 'privacy_breach',
          series_key: null,
          explanation: 'Atteinte au secret',
          details: '{}',
          mention_ids: '[]',
          created_at: '2026-11-01T07:05:00.000Z',
          incident_id: null,
        })
        .execute();
      const body = (await get(admin, '/volume?from=2026-11-01T07:00:00Z&to=2026-11-01T08:00:00Z')).json();
      expect(body.alerts).toEqual([
        {
          id: 'alerte-1',
          tier: 'immediate',
          reason: 'privacy_breach',
          createdAt: '2026-11-01T07:05:00.000Z',
        },
      ]);
    });

    it('by default shows the last 48 hours, and refuses a reversed or too long period', async () => {
      expect((await get(admin, '/volume')).json().buckets).toHaveLength(48);
      const reversed = await get(admin, '/volume?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z');
      expect(reversed.json()).toMatchObject({ status: 400, code: 'periode_invalide' });
      const long = await get(admin, '/volume?from=2026-09-01T00:00:00Z&to=2026-11-01T00:00:00Z');
      expect(long.json()).toMatchObject({
        status: 400,
        code: 'periode_trop_longue',
        detail: expect.stringContaining('31 jours'),
      });
      expect((await get(admin, '/volume?from=demain')).statusCode).toBe(400);
    });
  });

  describe('watch terms', () => {
    const add = (user: SignedIn, payload: Record<string, unknown>) =>
      t.as(user, { method: 'POST', url: `${base()}/terms`, payload });

    it('adds, lists and removes terms, audited', async () => {
      const added = await add(communication, { kind: 'hashtag', term: '  HopitalValmont ' });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ kind: 'hashtag', term: '#HopitalValmont' });
      const list = (await get(cm, '/terms')).json().items as { id: string; term: string }[];
      expect(list.map((term) => term.term)).toContain('#HopitalValmont');
      const removed = await t.as(admin, { method: 'DELETE', url: `${base()}/terms/${added.json().id}` });
      expect(removed.statusCode).toBe(204);
      expect(
        (await t.as(admin, { method: 'DELETE', url: `${base()}/terms/${added.json().id}` })).statusCode,
      ).toBe(404);
      const audit = await t.storage.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'detail'])
        .where('target_id', '=', added.json().id)
        .orderBy('seq')
        .execute();
      expect(audit.map((row) => [row.action, row.actor_id])).toEqual([
        ['listening.term.add', communication.userId],
        ['listening.term.remove', admin.userId],
      ]);
    });

    it('refuses a duplicate however written (409, French), empty or too long terms, unknown kinds', async () => {
      const duplicate = await add(admin, { kind: 'name', term: 'chu  de VALMONT' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({
        code: 'terme_en_double',
        detail: expect.stringContaining('déjà surveillé'),
      });
      // The same words as another kind are another term (an exclusion is not a name).
      expect((await add(admin, { kind: 'alias', term: 'CHU de Valmont' })).statusCode).toBe(201);
      expect((await add(admin, { kind: 'name', term: '' })).statusCode).toBe(400);
      expect((await add(admin, { kind: 'name', term: ' – ' })).json()).toMatchObject({ code: 'terme_vide' });
      expect((await add(admin, { kind: 'hashtag', term: '#' })).json()).toMatchObject({ code: 'terme_vide' });
      expect((await add(admin, { kind: 'name', term: 'x'.repeat(101) })).statusCode).toBe(400);
      expect((await add(admin, { kind: 'personne', term: 'Valmont' })).statusCode).toBe(400);
      expect((await add(admin, { kind: 'name', term: 'a\u0000b' })).statusCode).toBe(400);
    });

    it('makes a new term match the next posts', async () => {
      await add(admin, { kind: 'alias', term: 'maternité des Tilleuls' });
      const result = await ingestBatch(
        t.context,
        { sourceId: null, establishmentId: null },
        [testPost({ text: 'La Maternite des tilleuls ferme cet été ?' })],
        null,
        [],
      );
      expect(result.mentions.map((m) => [m.establishmentId, m.matchedTerms])).toEqual([
        [valmont, ['maternité des Tilleuls']],
      ]);
    });
  });

  describe('sources', () => {
    const create = (user: SignedIn, payload: Record<string, unknown>) =>
      t.as(user, { method: 'POST', url: `${base()}/sources`, payload });

    it('creates, shows the reading state, edits, disables and deletes a source, audited', async () => {
      const created = await create(admin, { kind: 'rss', name: ' Presse locale ', settings: { shelf: 'x' } });
      expect(created.statusCode).toBe(201);
      const source = created.json();
      expect(source).toMatchObject({
        kind: 'rss',
        name: 'Presse locale',
        settings: { shelf: 'x', page: 3 },
        enabled: true,
        failures: 0,
        lastError: null,
        lastReadAt: null,
      });
      await t.storage.db
        .updateTable('listening_sources')
        .set({ failures: 3, last_error: 'Le flux ne répond pas.', cursor: '12' })
        .where('id', '=', source.id)
        .execute();
      const listed = (await get(legal, '/sources'))
        .json()
        .items.find((s: { id: string }) => s.id === source.id);
      expect(listed).toMatchObject({ failures: 3, lastError: 'Le flux ne répond pas.' });

      const edited = await t.as(communication, {
        method: 'PATCH',
        url: `${base()}/sources/${source.id}`,
        payload: { settings: { shelf: 'x', page: 5 } },
      });
      expect(edited.json()).toMatchObject({ settings: { page: 5 }, failures: 0, lastError: null });
      const row = await t.storage.db
        .selectFrom('listening_sources')
        .selectAll()
        .where('id', '=', source.id)
        .executeTakeFirstOrThrow();
      expect(row.cursor).toBeNull();

      const disabled = await t.as(admin, {
        method: 'PATCH',
        url: `${base()}/sources/${source.id}`,
        payload: { enabled: false },
      });
      expect(disabled.json()).toMatchObject({ enabled: false });
      expect(
        (await t.as(admin, { method: 'DELETE', url: `${base()}/sources/${source.id}` })).statusCode,
      ).toBe(204);
      const audit = await t.storage.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', source.id)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'listening.source.create',
        'listening.source.update',
        'listening.source.update',
        'listening.source.delete',
      ]);
    });

    it('never shows a secret setting back, and keeps it when the mask is sent back', async () => {
      const created = await create(admin, {
        kind: 'bluesky',
        name: 'Compte',
        settings: { shelf: 'x', token: 'jeton-secret' },
      });
      expect(created.json().settings).toEqual({ shelf: 'x', page: 3, token: '••••••••' });
      expect((await get(cm, '/sources')).body).not.toContain('jeton-secret');
      const renamed = await t.as(admin, {
        method: 'PATCH',
        url: `${base()}/sources/${created.json().id}`,
        payload: { settings: { ...created.json().settings, page: 4 } },
      });
      expect(renamed.statusCode).toBe(200);
      const row = await t.storage.db
        .selectFrom('listening_sources')
        .select('settings')
        .where('id', '=', created.json().id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.settings)).toEqual({ shelf: 'x', page: 4, token: 'jeton-secret' });
      const audit = await t.storage.db
        .selectFrom('audit_log')
        .select('detail')
        .where('target_id', '=', created.json().id)
        .execute();
      expect(JSON.stringify(audit)).not.toContain('jeton-secret');
    });

    it('refuses settings the source’s own schema refuses, kinds not available, and unknown fields', async () => {
      const bad = await create(admin, { kind: 'rss', name: 'Presse', settings: { shelf: '', page: 0 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'reglages_invalides' });
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
        'settings.shelf',
        'settings.page',
      ]);
      const unavailable = await create(admin, { kind: 'youtube', name: 'Chaîne', settings: {} });
      expect(unavailable.json()).toMatchObject({ status: 400, code: 'source_indisponible' });
      expect((await create(admin, { kind: 'myspace', name: 'x', settings: {} })).statusCode).toBe(400);
      expect(
        (await create(admin, { kind: 'rss', name: 'x', settings: { shelf: 'x' }, colour: 1 })).statusCode,
      ).toBe(400);
      expect((await create(admin, { kind: 'rss', name: '', settings: { shelf: 'x' } })).statusCode).toBe(400);
      const created = (await create(admin, { kind: 'rss', name: 'Presse', settings: { shelf: 'x' } })).json();
      const patch = await t.as(admin, {
        method: 'PATCH',
        url: `${base()}/sources/${created.id}`,
        payload: { settings: { shelf: 'x', page: 'beaucoup' } },
      });
      expect(patch.json()).toMatchObject({ status: 400, code: 'reglages_invalides' });
    });
  });
});
