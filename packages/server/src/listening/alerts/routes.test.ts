import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_GENESIS, evidenceChainHash } from '../../evidence/evidence-chain.js';
import { afterCommitIdle } from '../../http/context.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { alertOnMentions } from './alert-on-mentions.js';
import { DEFAULT_DELIVERY_OPTIONS, useDeliveryOptions } from './delivery.js';
import { BREACH, type MentionSpec, storeMention } from './test-kit.js';

describe.each(DIALECTS)('listening alert routes on %s', (dialect) => {
  let t: TestApp;
  let eid: string;
  let otherEid: string;
  let admin: SignedIn;
  let comm: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let stranger: SignedIn;
  const base = () => `/api/establishments/${eid}/listening`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('CHU de Valmont');
    otherEid = await t.establishment('CH de Montclair');
    admin = await t.user({ [eid]: 'admin' });
    comm = await t.user({ [eid]: 'communication' });
    cm = await t.user({ [eid]: 'community_manager' });
    legal = await t.user({ [eid]: 'legal' });
    agent = await t.user({ [eid]: 'agent' });
    stranger = await t.user({ [otherEid]: 'communication' });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (user: SignedIn, url: string) => t.as(user, { method: 'GET', url });
  const post = (user: SignedIn, url: string, payload?: unknown) =>
    t.as(user, { method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function alertFrom(establishmentId: string, ...specs: MentionSpec[]) {
    const mentions = [];
    for (const spec of specs)
      mentions.push(await storeMention(t.storage.db, establishmentId, t.clock.now(), spec));
    await alertOnMentions(t.context, mentions);
    await afterCommitIdle(t.context);
    const row = await t.storage.db
      .selectFrom('listening_alerts')
      .select('id')
      .where('establishment_id', '=', establishmentId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return { alertId: row.id, mentions };
  }

  describe('routes', () => {
    it('lets admin and communication configure, the others read or nothing', async () => {
      const email = { tier: 'immediate', channel: 'email', target: 'dircom@chu-valmont.fr' };
      for (const user of [admin, comm])
        expect((await post(user, `${base()}/routes`, email)).statusCode).toBe(201);
      for (const user of [cm, legal]) {
        expect((await post(user, `${base()}/routes`, email)).statusCode).toBe(403);
        expect((await get(user, `${base()}/routes`)).statusCode).toBe(200);
      }
      expect((await get(agent, `${base()}/routes`)).statusCode).toBe(403);
      expect((await post(agent, `${base()}/routes`, email)).statusCode).toBe(403);
      expect((await get(stranger, `${base()}/routes`)).statusCode).toBe(404);
      const items = (await get(comm, `${base()}/routes`)).json().items as { id: string }[];
      expect(items).toHaveLength(2);
      // Another establishment's route is not found from there.
      const theirs = `/api/establishments/${otherEid}/listening/routes`;
      expect(
        (
          await t.as(stranger, {
            method: 'PATCH',
            url: `${theirs}/${items[0]?.id}`,
            payload: { enabled: false },
          })
        ).statusCode,
      ).toBe(404);
      expect((await t.as(cm, { method: 'DELETE', url: `${base()}/routes/${items[0]?.id}` })).statusCode).toBe(
        403,
      );
    });

    it('shows a webhook’s secret once, at creation, and audits every change', async () => {
      const target = 'https://hooks.chu-valmont.fr/blouse?token=abc';
      const created = await post(comm, `${base()}/routes`, {
        tier: 'volume',
        channel: 'webhook',
        target,
        quietFrom: '22:00',
        quietUntil: '07:00',
      });
      expect(created.statusCode).toBe(201);
      const route = created.json() as { id: string; secret: string; hasSecret: boolean };
      expect(route.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(route.hasSecret).toBe(true);
      const stored = await t.storage.db
        .selectFrom('alert_routes')
        .select('secret')
        .where('id', '=', route.id)
        .executeTakeFirstOrThrow();
      expect(stored.secret).toBe(route.secret);
      const listed = (await get(comm, `${base()}/routes`)).json().items as Record<string, unknown>[];
      const shown = listed.find((r) => r.id === route.id);
      expect(shown).toMatchObject({ hasSecret: true, quietFrom: '22:00', quietUntil: '07:00' });
      expect(JSON.stringify(listed)).not.toContain(route.secret);

      const patched = await t.as(comm, {
        method: 'PATCH',
        url: `${base()}/routes/${route.id}`,
        payload: { quietFrom: null, quietUntil: null, enabled: false },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ quietFrom: null, enabled: false, hasSecret: true });
      expect(JSON.stringify(patched.json())).not.toContain(route.secret);
      expect((await t.as(admin, { method: 'DELETE', url: `${base()}/routes/${route.id}` })).statusCode).toBe(
        204,
      );
      expect((await t.as(admin, { method: 'DELETE', url: `${base()}/routes/${route.id}` })).statusCode).toBe(
        404,
      );

      const audit = await t.storage.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('target_id', '=', route.id)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'listening.route.create',
        'listening.route.update',
        'listening.route.delete',
      ]);
      // Neither the secret nor the webhook's token reaches the audit log.
      for (const entry of audit) {
        expect(entry.detail).not.toContain(route.secret);
        expect(entry.detail).not.toContain('token=abc');
      }
    });

    it('refuses bad routes with French explanations', async () => {
      const cases: [unknown, number, string][] = [
        [
          { tier: 'immediate', channel: 'email', target: 'pas-une-adresse' },
          422,
          'Adresse électronique invalide.',
        ],
        [{ tier: 'volume', channel: 'webhook', target: 'http://hooks.chu-valmont.fr/x' }, 422, 'https://'],
        [{ tier: 'volume', channel: 'webhook', target: 'http://127.0.0.1:9/x' }, 422, 'https://'],
        [
          { tier: 'volume', channel: 'webhook', target: 'https://u:p@hooks.chu-valmont.fr/' },
          422,
          'identifiants',
        ],
        [
          {
            tier: 'immediate',
            channel: 'email',
            target: 'a@chu.fr',
            quietFrom: '22:00',
            quietUntil: '07:00',
          },
          422,
          'jamais retenues',
        ],
        [
          { tier: 'volume', channel: 'email', target: 'a@chu.fr', quietFrom: '22:00' },
          422,
          'début et une fin',
        ],
        [
          { tier: 'volume', channel: 'email', target: 'a@chu.fr', quietFrom: '25:00', quietUntil: '07:00' },
          400,
          '',
        ],
        [{ tier: 'urgent', channel: 'email', target: 'a@chu.fr' }, 400, ''],
        [{ tier: 'volume', channel: 'email', target: 'a@chu.fr', secret: 'x' }, 400, ''],
      ];
      for (const [payload, status, words] of cases) {
        const response = await post(comm, `${base()}/routes`, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(status);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().detail).toContain(words);
      }
      // Plain http to loopback is only for tests that say so.
      useDeliveryOptions(t.context, {
        ...DEFAULT_DELIVERY_OPTIONS,
        webhook: { allowLoopbackHttp: true, timeoutMs: 1000 },
      });
      const loopback = { tier: 'volume', channel: 'webhook', target: 'http://127.0.0.1:9/x' };
      expect((await post(comm, `${base()}/routes`, loopback)).statusCode).toBe(201);
      useDeliveryOptions(t.context, DEFAULT_DELIVERY_OPTIONS);
    });
  });

  describe('alerts', () => {
    it('lists alerts newest first, page by page, filtered by tier, to the readers only', async () => {
      const eidPaged = await t.establishment();
      const reader = await t.user({ [eidPaged]: 'legal' });
      const ids: string[] = [];
      for (const spec of [
        { category: 'threat' },
        { category: 'doxxing' },
        { authorKind: 'press' as const },
      ]) {
        t.clock.advance(60_000);
        ids.push((await alertFrom(eidPaged, spec)).alertId);
      }
      const url = `/api/establishments/${eidPaged}/listening/alerts`;
      const first = await get(reader, `${url}?limit=2`);
      expect(first.statusCode).toBe(200);
      const page = first.json() as { items: { id: string }[]; nextCursor: string };
      expect(page.items.map((a) => a.id)).toEqual([ids[2], ids[1]]);
      const second = (await get(reader, `${url}?limit=2&cursor=${page.nextCursor}`)).json();
      expect(second).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
      expect((await get(reader, `${url}?tier=volume`)).json()).toEqual({ items: [], nextCursor: null });
      // A cursor made for one filter does not continue another, nor a forged one.
      expect((await get(reader, `${url}?tier=immediate&cursor=${page.nextCursor}`)).statusCode).toBe(400);
      expect((await get(reader, `${url}?cursor=bm9wZQ`)).json().code).toBe('curseur_invalide');
      expect((await get(reader, `${url}?limit=101`)).statusCode).toBe(400);

      const one = await get(reader, `${url}/${ids[0]}`);
      expect(one.json()).toMatchObject({ id: ids[0], tier: 'immediate', reason: 'threat', incidentId: null });
      const outsider = await t.user({ [eidPaged]: 'agent' });
      expect((await get(outsider, url)).statusCode).toBe(403);
      expect((await get(comm, `${url}/${ids[0]}`)).statusCode).toBe(404);
      expect((await get(comm, `${base()}/alerts/${ids[0]}`)).statusCode).toBe(404);
    });

    it('opens one incident from an alert, its mentions sealed as evidence, once even under two clicks at once', async () => {
      const { alertId, mentions } = await alertFrom(eid, BREACH, {
        ...BREACH,
        authorHandle: 'second.bsky.social',
      });
      const url = `${base()}/alerts/${alertId}/incident`;
      for (const user of [admin, agent]) expect((await post(user, url)).statusCode).toBe(403);
      expect((await post(stranger, url)).statusCode).toBe(404);

      const [a, b] = await Promise.all([post(comm, url), post(legal, url)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
      expect(a.json()).toEqual(b.json());
      const { incidentId, reference } = a.json() as { incidentId: string; reference: string };
      expect(reference).toMatch(/^INC-\d{4}-\d{4}$/);
      const again = await post(cm, url);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ incidentId, reference });

      const incidents = await t.storage.db
        .selectFrom('incidents')
        .selectAll()
        .where('establishment_id', '=', eid)
        .execute();
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({
        id: incidentId,
        report_id: null,
        proposed_category: 'secret_breach',
      });
      expect(['N3', 'N4']).toContain(incidents[0]?.proposed_severity);
      const desk = await get(comm, `/api/establishments/${eid}/incidents/${incidentId}`);
      expect(desk.statusCode).toBe(200);

      const alert = (await get(cm, `${base()}/alerts/${alertId}`)).json();
      expect(alert.incidentId).toBe(incidentId);
      const linked = await t.storage.db
        .selectFrom('mentions')
        .select('incident_id')
        .where(
          'id',
          'in',
          mentions.map((m) => m.id),
        )
        .execute();
      expect(linked.map((m) => m.incident_id)).toEqual([incidentId, incidentId]);

      const evidence = await t.storage.db
        .selectFrom('evidence')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('seq')
        .execute();
      expect(evidence).toHaveLength(2);
      let prev = EVIDENCE_GENESIS;
      for (const [index, piece] of evidence.entries()) {
        const mention = mentions[index];
        const document = JSON.parse(Buffer.from(piece.content).toString('utf8'));
        expect(document).toMatchObject({
          mentionId: mention?.id,
          text: BREACH.text,
          url: mention?.url,
          authorHandle: mention?.authorHandle,
          publishedAt: mention?.publishedAt,
          heardAt: t.clock.now().toISOString(),
        });
        expect(piece).toMatchObject({
          kind: 'text',
          media_type: 'application/json',
          source_url: mention?.url,
        });
        expect(piece.sha256).toBe(createHash('sha256').update(piece.content).digest('hex'));
        expect(piece.prev_hash).toBe(prev);
        expect(piece.chain_hash).toBe(
          evidenceChainHash(prev, {
            seq: piece.seq,
            incidentId,
            kind: piece.kind,
            fileName: piece.file_name,
            mediaType: piece.media_type,
            size: piece.size,
            sha256: piece.sha256,
            sourceUrl: piece.source_url,
            capturedAt: piece.captured_at,
            capturedBy: piece.captured_by,
          }),
        );
        prev = piece.chain_hash;
      }

      // A mention of that alert already belongs to its incident.
      const fromMention = await post(cm, `${base()}/mentions/${mentions[0]?.id}/incident`);
      expect(fromMention.statusCode).toBe(200);
      expect(fromMention.json()).toEqual({ incidentId, reference });
    });

    it('opens an incident from one mention, once, with the category its guard gave', async () => {
      const mention = await storeMention(t.storage.db, eid, t.clock.now(), {
        category: 'threat',
        verdict: 'block',
        findings: [
          {
            rule: 'HARASS-01',
            severity: 'block',
            explanation: 'Menace envers une soignante.',
            raisedBy: 'model',
          },
        ],
        text: 'On va l’attendre à la sortie du service.',
      });
      const url = `${base()}/mentions/${mention.id}/incident`;
      expect((await post(agent, url)).statusCode).toBe(403);
      expect(
        (await post(stranger, `/api/establishments/${otherEid}/listening/mentions/${mention.id}/incident`))
          .statusCode,
      ).toBe(404);
      const [a, b] = await Promise.all([post(cm, url), post(comm, url)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
      expect(a.json()).toEqual(b.json());
      const row = await t.storage.db
        .selectFrom('incidents')
        .selectAll()
        .where('id', '=', (a.json() as { incidentId: string }).incidentId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ proposed_category: 'threat', proposed_severity: 'N4' });
      expect(row.title).toBe('Menaces — Bluesky');
      expect((await post(cm, `${base()}/mentions/inconnue/incident`)).statusCode).toBe(404);
    });

    it('explains that an alert whose mentions retention has deleted cannot open an incident', async () => {
      t.clock.advance(60_000);
      const { alertId, mentions } = await alertFrom(eid, { category: 'doxxing' });
      const ids = mentions.map((m) => m.id);
      await t.storage.db.deleteFrom('mentions').where('id', 'in', ids).execute();
      const response = await post(cm, `${base()}/alerts/${alertId}/incident`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'mentions_expirees' });
      expect(response.json().detail).toContain('durée de conservation');
    });
  });
});
