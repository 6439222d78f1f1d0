import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inUnit } from '../http/context.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { openIncidentForReport } from './open-incident.js';
import { listEvents } from './repository.js';

const PATIENT = 'Mme Dupont, chambre 12 en cardiologie, a un cancer du pancréas, je l’ai vue hier au CHU';
const THREAT =
  'L’infirmière Sophie Martin habite au 12 rue des Lilas à Valmont, on va aller lui faire payer, elle va le regretter';
const COMPLAINT = '4 h d’attente aux urgences, c’est honteux, personne ne nous informe. Service lamentable.';
const DEFAMATION = 'Le Dr Bernard a tué mon père par négligence, c’est un boucher qui opère bourré';
const HOUR = 3_600_000;

describe.each(DIALECTS)('the incident desk on %s', (dialect) => {
  let t: TestApp;
  let eid: string;
  let other: string;
  let comm: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let admin: SignedIn;
  let outsider: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('CHU de Valmont');
    other = await t.establishment('CH de Port-Rouge');
    comm = await t.user({ [eid]: 'communication' }, { email: 'dircom@chu-valmont.fr' });
    cm = await t.user({ [eid]: 'community_manager' });
    legal = await t.user({ [eid]: 'legal' });
    agent = await t.user({ [eid]: 'agent' });
    admin = await t.user({ [eid]: 'admin' });
    outsider = await t.user({ [other]: 'communication' });
  });
  afterAll(() => t.close());

  async function open(
    excerpt: string,
    reporterId: string | null = null,
    firstPublishedAt: string | null = null,
  ) {
    const reportId = randomUUID();
    return inUnit(t.context, async (unit) => {
      await unit.trx
        .insertInto('reports')
        .values({
          id: reportId,
          establishment_id: eid,
          reporter_id: reporterId,
          follow_up_hash: null,
          url: `https://social.example/p/${reportId}`,
          network: 'Facebook',
          excerpt,
          seen_where: 'groupe local',
          note: 'vu ce matin',
          first_published_at: firstPublishedAt,
          created_at: unit.now.toISOString(),
        })
        .execute();
      return openIncidentForReport(unit, {
        establishmentId: eid,
        reportId,
        url: `https://social.example/p/${reportId}`,
        network: 'Facebook',
        excerpt,
        firstPublishedAt,
      });
    });
  }

  const url = (id = '', suffix = '') =>
    `/api/establishments/${eid}/incidents${id === '' ? '' : `/${id}`}${suffix}`;
  const get = (user: SignedIn | null, path: string) => t.as(user, { method: 'GET', url: path });
  const send = (user: SignedIn | null, method: 'POST' | 'PATCH' | 'PUT', path: string, payload: unknown) =>
    t.as(user, { method, url: path, payload: payload as Record<string, unknown> });
  const versionOf = async (id: string) =>
    Number(
      (
        await t.storage.db
          .selectFrom('incidents')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version,
    );
  const move = async (user: SignedIn, id: string, to: string) =>
    send(user, 'POST', url(id, '/transitions'), { to, version: await versionOf(id) });
  const decideAs = async (user: SignedIn, id: string, body: Record<string, unknown>) =>
    send(user, 'POST', url(id, '/decisions'), { ...body, version: await versionOf(id) });
  const audits = (action: string, targetId: string) =>
    t.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('target_id', '=', targetId)
      .execute();

  describe('opening an incident for a report', () => {
    it('proposes severity and category, numbers it, and records its creation without the excerpt', async () => {
      const first = await open(PATIENT);
      const second = await open(COMPLAINT);
      expect(first.reference).toMatch(/^INC-2026-\d{4}$/);
      expect(Number(second.reference.slice(-4))).toBe(Number(first.reference.slice(-4)) + 1);
      expect(['N3', 'N4']).toContain(first.proposedSeverity);
      expect(first.proposedCategory).toBe('secret_breach');
      const row = await t.storage.db
        .selectFrom('incidents')
        .selectAll()
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('new');
      expect(row.guard_findings).toContain('SECRET-01');
      for (const word of ['Dupont', 'pancréas', 'chambre 12']) expect(row.guard_findings).not.toContain(word);
      const events = await t.storage.db
        .selectFrom('incident_events')
        .selectAll()
        .where('incident_id', '=', first.id)
        .execute();
      expect(events.map((e) => [e.kind, e.actor_id])).toEqual([['created', null]]);
      const [audit] = await audits('incident.create', first.id);
      expect(audit?.actor_id).toBeNull();
      expect(audit?.detail).not.toContain('Dupont');
    });
    it('numbers per establishment and per year', async () => {
      const fresh = await createTestApp(dialect);
      try {
        const openIn = (e: string) =>
          inUnit(fresh.context, async (unit) => {
            const reportId = randomUUID();
            await unit.trx
              .insertInto('reports')
              .values({
                id: reportId,
                establishment_id: e,
                reporter_id: null,
                follow_up_hash: null,
                url: 'https://x.example/1',
                network: 'X',
                excerpt: COMPLAINT,
                seen_where: '',
                note: '',
                first_published_at: null,
                created_at: unit.now.toISOString(),
              })
              .execute();
            return openIncidentForReport(unit, {
              establishmentId: e,
              reportId,
              url: 'https://x.example/1',
              network: 'X',
              excerpt: COMPLAINT,
              firstPublishedAt: null,
            });
          });
        const a = await fresh.establishment();
        const b = await fresh.establishment();
        expect((await openIn(a)).reference).toBe('INC-2026-0001');
        expect((await openIn(b)).reference).toBe('INC-2026-0001');
        expect((await openIn(a)).reference).toBe('INC-2026-0002');
        fresh.clock.set(new Date('2027-01-01T00:00:00.000Z'));
        expect((await openIn(a)).reference).toBe('INC-2027-0001');
      } finally {
        await fresh.close();
      }
    });
  });

  describe('who may see the desk', () => {
    it('lets the three desk roles list incidents', async () => {
      await open(COMPLAINT);
      for (const user of [comm, cm, legal]) {
        const res = await get(user, url());
        expect(res.statusCode).toBe(200);
        expect(res.json().items.length).toBeGreaterThan(0);
      }
    });

    it('refuses agents and admins (403), outsiders (404) and strangers (401)', async () => {
      const { id } = await open(COMPLAINT);
      for (const path of [url(), url(id), url(id, '/timeline'), url(id, '/notice')]) {
        expect((await get(agent, path)).statusCode).toBe(403);
        expect((await get(admin, path)).statusCode).toBe(403);
        expect((await get(outsider, path)).statusCode).toBe(404);
        expect((await get(null, path)).statusCode).toBe(401);
      }
      const v = await versionOf(id);
      expect(
        (await send(agent, 'POST', url(id, '/transitions'), { to: 'qualified', version: v })).statusCode,
      ).toBe(403);
      expect((await send(outsider, 'POST', url(id, '/comments'), { text: 'x' })).statusCode).toBe(404);
      expect((await send(outsider, 'PATCH', url(id, '/qualification'), { version: v })).statusCode).toBe(404);
    });

    it('hides an incident behind another establishment’s address (404)', async () => {
      const { id } = await open(COMPLAINT);
      const res = await get(outsider, `/api/establishments/${other}/incidents/${id}`);
      expect(res.statusCode).toBe(404);
      const list = await get(outsider, `/api/establishments/${other}/incidents`);
      expect(list.json().items).toEqual([]);
    });
  });

  describe('the detail', () => {
    it('shows the report without an anonymous reporter, the findings and deadlines, and audits the read', async () => {
      const { id } = await open(PATIENT);
      const res = await get(legal, url(id));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.report).toMatchObject({
        excerpt: PATIENT,
        network: 'Facebook',
        seenWhere: 'groupe local',
        reporterName: null,
      });
      expect(JSON.stringify(body)).not.toContain('reporter_id');
      expect(body.guard.findings[0]).toMatchObject({ rule: 'SECRET-01', severity: 'block' });
      expect(body.guard.findings[0].explanation.length).toBeGreaterThan(10);
      expect(body.deadlines.map((d: { kind: string }) => d.kind)).toContain('qualify');
      expect(body.evidence).toEqual({ count: 0, latest: [] });
      const read = await audits('incident.read', id);
      expect(read).toHaveLength(1);
      expect(read[0]?.detail).not.toContain('Dupont');
    });

    it('names a reporter who did not stay anonymous, by display name only', async () => {
      const { id } = await open(COMPLAINT, agent.userId);
      const body = (await get(comm, url(id))).json();
      const user = await t.storage.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', agent.userId)
        .executeTakeFirstOrThrow();
      expect(body.report.reporterName).toBe(user.display_name);
      expect(JSON.stringify(body)).not.toContain(agent.userId);
      expect(JSON.stringify(body)).not.toContain(agent.email);
    });

    it('summarises the evidence written by the evidence module', async () => {
      const { id } = await open(THREAT);
      await t.storage.db
        .insertInto('evidence')
        .values({
          id: randomUUID(),
          incident_id: id,
          establishment_id: eid,
          seq: 1,
          kind: 'screenshot',
          file_name: 'capture.png',
          media_type: 'image/png',
          size: 3,
          sha256: 'ab'.repeat(32),
          content: Buffer.from('png'),
          source_url: 'https://social.example/p/1',
          captured_at: t.clock.now().toISOString(),
          captured_by: comm.userId,
          prev_hash: '0'.repeat(64),
          chain_hash: 'cd'.repeat(32),
        })
        .execute();
      const body = (await get(cm, url(id))).json();
      expect(body.evidence.count).toBe(1);
      expect(body.evidence.latest[0]).toMatchObject({
        fileName: 'capture.png',
        size: 3,
        mediaType: 'image/png',
      });
      expect(body.evidence.latest[0].content).toBeUndefined();
    });

    it('answers 404 for an unknown incident', async () => {
      expect((await get(comm, url(randomUUID()))).statusCode).toBe(404);
    });
  });

  describe('qualification', () => {
    it('lets a community manager confirm and change; the incident becomes qualified', async () => {
      const { id } = await open(COMPLAINT);
      const res = await send(cm, 'PATCH', url(id, '/qualification'), {
        severity: 'N2',
        category: 'rumour',
        version: 1,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'qualified',
        severity: 'N2',
        category: 'rumour',
        version: 2,
      });
      const timeline = (await get(cm, url(id, '/timeline'))).json().items;
      expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
        'created',
        'qualification',
        'transition',
      ]);
      expect(timeline[1].actorId).toBe(cm.userId);
      expect(timeline[1].actorName).toMatch(/^Utilisateur /);
      expect(await audits('incident.qualify', id)).toHaveLength(1);
    });

    it('refuses a stale version (409) and leaves the incident as it was', async () => {
      const { id } = await open(COMPLAINT);
      expect(
        (await send(cm, 'PATCH', url(id, '/qualification'), { severity: 'N1', version: 1 })).statusCode,
      ).toBe(200);
      const stale = await send(comm, 'PATCH', url(id, '/qualification'), { severity: 'N4', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('version_perimee');
      expect(stale.json().detail).toMatch(/modifié/);
      const row = await t.storage.db
        .selectFrom('incidents')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.severity).toBe('N1');
    });

    it('rejects unknown values and fields with 400', async () => {
      const { id } = await open(COMPLAINT);
      for (const body of [
        { severity: 'N9', version: 1 },
        { category: 'gossip', version: 1 },
        { severity: 'N1' },
        { severity: 'N1', version: '1' },
        { severity: 'N1', version: 1, status: 'closed' },
      ]) {
        const res = await send(cm, 'PATCH', url(id, '/qualification'), body);
        expect(res.statusCode).toBe(400);
        expect(res.json().detail).toMatch(/Champ|invalide/);
      }
      expect(await versionOf(id)).toBe(1);
    });
  });

  describe('transitions, per role', () => {
    it('walks new → qualified → decided → responded → closed → qualified with the allowed roles only', async () => {
      const { id } = await open(COMPLAINT);
      // Qualify: any desk role; the others are refused before.
      expect((await move(legal, id, 'qualified')).json()).toMatchObject({
        status: 'qualified',
        severity: expect.any(String),
      });
      // Decide: only communication, and only once a decision exists.
      expect((await move(comm, id, 'decided')).json().code).toBe('decision_manquante');
      expect(
        (await decideAs(comm, id, { kind: 'answer_publicly', note: 'réponse type délais' })).statusCode,
      ).toBe(200);
      expect((await move(cm, id, 'decided')).statusCode).toBe(403);
      expect((await move(legal, id, 'decided')).statusCode).toBe(403);
      expect((await move(comm, id, 'decided')).statusCode).toBe(200);
      // Respond: communication or community manager, not legal.
      expect((await move(legal, id, 'responded')).statusCode).toBe(403);
      expect((await move(cm, id, 'responded')).statusCode).toBe(200);
      // Close: communication only.
      expect((await move(cm, id, 'closed')).statusCode).toBe(403);
      expect((await move(legal, id, 'closed')).statusCode).toBe(403);
      const closed = await move(comm, id, 'closed');
      expect(closed.json()).toMatchObject({ status: 'closed' });
      expect(closed.json().deadlines.every((d: { state: string }) => d.state === 'met')).toBe(true);
      // Reopen: communication only.
      expect((await move(cm, id, 'qualified')).statusCode).toBe(403);
      expect((await move(comm, id, 'qualified')).json().status).toBe('qualified');
      const kinds = (await get(comm, url(id, '/timeline')))
        .json()
        .items.filter((e: { kind: string }) => e.kind === 'transition');
      expect(kinds.map((e: { detail: { to: string } }) => e.detail.to)).toEqual([
        'qualified',
        'decided',
        'responded',
        'closed',
        'qualified',
      ]);
      expect(await audits('incident.transition', id)).toHaveLength(5);
    });

    it('refuses impossible transitions with 409 and a French message', async () => {
      const { id } = await open(COMPLAINT);
      for (const to of ['decided', 'responded', 'closed', 'new']) {
        const res = await move(comm, id, to);
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('transition_impossible');
        expect(res.json().detail).toMatch(/ne peut pas passer/);
      }
      expect(
        (await send(comm, 'POST', url(id, '/transitions'), { to: 'archived', version: 1 })).statusCode,
      ).toBe(400);
      expect(await versionOf(id)).toBe(1);
    });

    it('refuses a stale version with 409', async () => {
      const { id } = await open(COMPLAINT);
      const res = await send(comm, 'POST', url(id, '/transitions'), { to: 'qualified', version: 7 });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('version_perimee');
    });

    it('lets communication close an incident decided « ignorer » without a response', async () => {
      const { id } = await open(COMPLAINT);
      await move(cm, id, 'qualified');
      await decideAs(comm, id, { kind: 'ignore' });
      await move(comm, id, 'decided');
      expect((await move(comm, id, 'closed')).json().status).toBe('closed');
    });
  });

  describe('decisions', () => {
    it('refuses PHAROS for defamation (422, explained), accepts it for a threat', async () => {
      const defamation = await open(DEFAMATION);
      await send(legal, 'PATCH', url(defamation.id, '/qualification'), {
        category: 'defamation',
        version: 1,
      });
      const refused = await decideAs(legal, defamation.id, { kind: 'pharos' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('pharos_hors_champ');
      expect(refused.json().detail).toMatch(/Diffamation/);
      expect(await versionOf(defamation.id)).toBe(2);

      const threat = await open(THREAT);
      await move(comm, threat.id, 'qualified');
      const accepted = await decideAs(legal, threat.id, { kind: 'pharos', note: 'signalement n° 123' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().decisions).toMatchObject([
        { kind: 'pharos', note: 'signalement n° 123', authorId: legal.userId },
      ]);
      expect(await audits('incident.decide', threat.id)).toHaveLength(1);
    });

    it('lets legal record legal decisions only, and the community manager none', async () => {
      const { id } = await open(THREAT);
      await move(comm, id, 'qualified');
      expect((await decideAs(legal, id, { kind: 'answer_publicly' })).statusCode).toBe(403);
      expect((await decideAs(cm, id, { kind: 'monitor' })).statusCode).toBe(403);
      expect((await decideAs(legal, id, { kind: 'complaint' })).statusCode).toBe(200);
      expect((await decideAs(comm, id, { kind: 'monitor' })).json().decisions).toHaveLength(2);
    });

    it('needs a qualified incident and the targeted agent for protection fonctionnelle', async () => {
      const { id } = await open(DEFAMATION);
      expect((await decideAs(comm, id, { kind: 'monitor' })).statusCode).toBe(409);
      await move(comm, id, 'qualified');
      const missing = await decideAs(legal, id, { kind: 'protection_fonctionnelle' });
      expect(missing.statusCode).toBe(422);
      expect(missing.json().detail).toMatch(/agent/);
      expect(
        (await decideAs(legal, id, { kind: 'protection_fonctionnelle', targetStaffUserId: outsider.userId }))
          .statusCode,
      ).toBe(422);
      const ok = await decideAs(legal, id, {
        kind: 'protection_fonctionnelle',
        targetStaffName: 'Dr Bernard',
      });
      expect(ok.json().decisions[0]).toMatchObject({
        kind: 'protection_fonctionnelle',
        targetStaffName: 'Dr Bernard',
      });
      expect((await decideAs(comm, id, { kind: 'summon_the_press' })).statusCode).toBe(400);
      expect((await decideAs(comm, id, { kind: 'monitor', note: 'x'.repeat(2001) })).statusCode).toBe(400);
    });
  });

  describe('owner, comments and timeline', () => {
    it('assigns a desk member as owner and refuses others', async () => {
      const { id } = await open(COMPLAINT);
      const res = await send(cm, 'PUT', url(id, '/owner'), { ownerId: legal.userId, version: 1 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        ownerId: legal.userId,
        ownerName: expect.stringMatching(/^Utilisateur /),
      });
      for (const ownerId of [agent.userId, outsider.userId, randomUUID()]) {
        const refused = await send(cm, 'PUT', url(id, '/owner'), { ownerId, version: 2 });
        expect(refused.statusCode).toBe(422);
      }
      expect(
        (await get(comm, url('', `?owner=${legal.userId}`))).json().items.map((i: { id: string }) => i.id),
      ).toContain(id);
      expect(
        (await send(cm, 'PUT', url(id, '/owner'), { ownerId: null, version: 2 })).json().ownerId,
      ).toBeNull();
    });

    it('stores comments verbatim, bounded, and returns them in order with names', async () => {
      const { id } = await open(COMPLAINT);
      const nasty = `<script>alert(1)</script>'; DROP TABLE incidents; --`;
      expect((await send(cm, 'POST', url(id, '/comments'), { text: nasty })).statusCode).toBe(201);
      t.clock.advance(1000);
      expect((await send(legal, 'POST', url(id, '/comments'), { text: 'Constat demandé.' })).statusCode).toBe(
        201,
      );
      expect((await send(cm, 'POST', url(id, '/comments'), { text: 'x'.repeat(5001) })).statusCode).toBe(400);
      expect((await send(cm, 'POST', url(id, '/comments'), { text: '   ' })).statusCode).toBe(400);
      expect((await send(cm, 'POST', url(id, '/comments'), {})).statusCode).toBe(400);
      const items = (await get(comm, url(id, '/timeline'))).json().items;
      const comments = items.filter((e: { kind: string }) => e.kind === 'comment');
      expect(comments.map((e: { detail: { text: string } }) => e.detail.text)).toEqual([
        nasty,
        'Constat demandé.',
      ]);
      expect(comments[1].actorId).toBe(legal.userId);
      const audit = await audits('incident.comment', id);
      expect(audit).toHaveLength(2);
      expect(audit[0]?.detail).not.toContain('DROP');
    });
  });

  describe('sensitive reads and unsafe text', () => {
    it('audits every read of the timeline (comments and decisions), never a refused one', async () => {
      const { id, reference } = await open(COMPLAINT);
      expect((await send(cm, 'POST', url(id, '/comments'), { text: 'Commentaire interne' })).statusCode).toBe(
        201,
      );
      expect((await get(legal, url(id, '/timeline'))).statusCode).toBe(200);
      expect((await get(cm, url(id, '/timeline'))).statusCode).toBe(200);
      expect((await get(agent, url(id, '/timeline'))).statusCode).toBe(403);
      expect((await get(outsider, url(id, '/timeline'))).statusCode).toBe(404);
      const rows = await audits('incident.timeline.read', id);
      expect(rows.map((row) => row.actor_id).sort()).toEqual([cm.userId, legal.userId].sort());
      expect(rows.every((row) => row.establishment_id === eid)).toBe(true);
      expect(JSON.parse(rows[0]?.detail ?? '{}')).toEqual({ reference, events: 2 });
      // What was read is not copied into the audit log.
      for (const row of rows) expect(row.detail).not.toContain('Commentaire interne');
      expect((await get(comm, url('inconnu', '/timeline'))).statusCode).toBe(404);
      expect(await audits('incident.timeline.read', 'inconnu')).toHaveLength(0);
    });

    it('refuses NUL and lone surrogates in comments, decisions and ids with a French 400', async () => {
      const { id } = await open(THREAT);
      await send(cm, 'PATCH', url(id, '/qualification'), { version: await versionOf(id) });
      const eventsBefore = (await get(comm, url(id, '/timeline'))).json().items.length;
      for (const text of ['avant\u0000après', 'demi \ud83d', '\udc00']) {
        const response = await send(cm, 'POST', url(id, '/comments'), { text });
        expect(response.statusCode).toBe(400);
        expect(response.json().detail).toContain('caractère interdit');
      }
      for (const extra of [{ note: 'n\u0000' }, { note: 'n\ud800' }, { targetStaffName: 'X\u0000' }]) {
        const response = await decideAs(comm, id, { kind: 'monitor', ...extra });
        expect(response.statusCode).toBe(400);
      }
      expect((await get(comm, url('%00', '/timeline'))).statusCode).toBe(400);
      expect((await get(comm, `${url()}?owner=%00`)).statusCode).toBe(400);
      expect((await get(comm, url(id, '/timeline'))).json().items.length).toBe(eventsBefore);
      expect(await audits('incident.comment', id)).toHaveLength(0);
      expect(await audits('incident.decide', id)).toHaveLength(0);
    });

    it('reads only the listed incidents’ events for the list', async () => {
      const first = await open(COMPLAINT);
      const second = await open(DEFAMATION);
      const events = await listEvents(t.storage.db, eid, [first.id]);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((event) => event.incidentId === first.id)).toBe(true);
      expect(await listEvents(t.storage.db, eid, [])).toEqual([]);
      // Scoped by establishment too: another establishment's id gives nothing.
      expect(await listEvents(t.storage.db, other, [first.id, second.id])).toEqual([]);
      const list = (await get(comm, url())).json().items as Array<{ id: string }>;
      expect(list.map((item) => item.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    });
  });

  describe('dates and deadlines', () => {
    it('starts the press-law clock from the first publication date of a defamation', async () => {
      const { id } = await open(DEFAMATION);
      await send(legal, 'PATCH', url(id, '/qualification'), {
        category: 'defamation',
        severity: 'N3',
        version: 1,
      });
      const res = await send(legal, 'PATCH', url(id, '/dates'), {
        firstPublishedAt: '2026-10-20T10:00:00+02:00',
        version: 2,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().firstPublishedAt).toBe('2026-10-20T08:00:00.000Z');
      const prescription = res
        .json()
        .deadlines.find((d: { kind: string }) => d.kind === 'press_prescription');
      expect(prescription).toMatchObject({ dueAt: '2027-01-20T08:00:00.000Z', state: 'ok' });
    });

    it('starts the 72-hour clock for a secret breach and shows it passed later', async () => {
      const { id } = await open(PATIENT);
      await move(comm, id, 'qualified');
      // Aware 73 hours ago (the shared clock is not moved: sessions would expire).
      const aware = new Date(t.clock.now().getTime() - 73 * HOUR).toISOString();
      expect(
        (await send(legal, 'PATCH', url(id, '/dates'), { breachAwareAt: aware, version: 2 })).statusCode,
      ).toBe(200);
      const detail = (await get(legal, url(id))).json();
      expect(detail.deadlines.find((d: { kind: string }) => d.kind === 'gdpr_notification').state).toBe(
        'passed',
      );
      expect(detail.overdue).toBe(true);
    });

    it('refuses future and malformed dates', async () => {
      const { id } = await open(PATIENT);
      const future = new Date(t.clock.now().getTime() + 48 * HOUR).toISOString();
      expect(
        (await send(legal, 'PATCH', url(id, '/dates'), { breachAwareAt: future, version: 1 })).statusCode,
      ).toBe(422);
      expect(
        (await send(legal, 'PATCH', url(id, '/dates'), { breachAwareAt: 'hier', version: 1 })).statusCode,
      ).toBe(400);
      expect((await send(legal, 'PATCH', url(id, '/dates'), { version: 1 })).statusCode).toBe(422);
      expect(
        (await send(agent, 'PATCH', url(id, '/dates'), { breachAwareAt: null, version: 1 })).statusCode,
      ).toBe(403);
      expect(await versionOf(id)).toBe(1);
    });

    it('filters overdue incidents and sorts by the next deadline', async () => {
      const fresh = await createTestApp(dialect);
      try {
        const e = await fresh.establishment();
        const user = await fresh.user({ [e]: 'communication' });
        const make = (excerpt: string) =>
          inUnit(fresh.context, async (unit) => {
            const reportId = randomUUID();
            await unit.trx
              .insertInto('reports')
              .values({
                id: reportId,
                establishment_id: e,
                reporter_id: null,
                follow_up_hash: null,
                url: 'https://x.example/1',
                network: 'X',
                excerpt,
                seen_where: '',
                note: '',
                first_published_at: null,
                created_at: unit.now.toISOString(),
              })
              .execute();
            return openIncidentForReport(unit, {
              establishmentId: e,
              reportId,
              url: 'https://x.example/1',
              network: 'X',
              excerpt,
              firstPublishedAt: null,
            });
          });
        const low = await make(COMPLAINT); // N0: no targets
        const high = await make(THREAT); // N4: qualify within 15 minutes
        const list = (q: string) =>
          fresh
            .as(user, { method: 'GET', url: `/api/establishments/${e}/incidents${q}` })
            .then((r) => r.json().items.map((i: { id: string }) => i.id));
        expect(await list('?sort=deadline')).toEqual([high.id, low.id]);
        expect(await list('?overdue=true')).toEqual([]);
        fresh.clock.advance(20 * 60_000);
        expect(await list('?overdue=true')).toEqual([high.id]);
        expect(await list('?severity=N4')).toEqual([high.id]);
        expect(await list('?status=new&category=complaint')).toEqual([low.id]);
        expect(
          (await fresh.as(user, { method: 'GET', url: `/api/establishments/${e}/incidents?status=lost` }))
            .statusCode,
        ).toBe(400);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('the platform notice', () => {
    it('carries the four DSA elements, signed by the signed-in user, and is audited', async () => {
      const { id } = await open(THREAT);
      const res = await get(comm, url(id, '/notice'));
      expect(res.statusCode).toBe(200);
      const { text, elements } = res.json();
      const row = await t.storage.db
        .selectFrom('incidents')
        .innerJoin('reports', 'reports.id', 'incidents.report_id')
        .select('reports.url')
        .where('incidents.id', '=', id)
        .executeTakeFirstOrThrow();
      expect(elements.url).toBe(row.url);
      expect(elements.notifierEmail).toBe('dircom@chu-valmont.fr');
      expect(elements.notifierName).toMatch(/^Utilisateur /);
      expect(elements.explanation).toMatch(/Code pénal/);
      expect(elements.goodFaithStatement).toMatch(/bonne foi/);
      for (const part of [row.url, 'dircom@chu-valmont.fr', 'bonne foi', 'CHU de Valmont'])
        expect(text).toContain(part);
      expect(await audits('incident.notice', id)).toHaveLength(1);
    });

    it('is refused for a lawful complaint', async () => {
      const { id } = await open(COMPLAINT);
      const res = await get(comm, url(id, '/notice'));
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('signalement_sans_fondement');
    });
  });
});
