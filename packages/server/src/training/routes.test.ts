import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { DEFAULT_CHARTER_FR } from './default-charter.js';
import { QUIZ_LENGTH, QUIZ_STATEMENTS } from './quiz-statements.js';
import { OPT_OUT_LIFETIME_MS, optOutToken } from './reminder-token.js';
import { MAX_CHARTER_CHARS } from './schemas.js';

const ROLES: readonly Role[] = ['admin', 'direction', 'communication', 'community_manager', 'legal', 'agent'];
const ANSWERS = new Map(QUIZ_STATEMENTS.map((statement) => [statement.id, statement.answer]));
const SERVICES = ['Urgences adultes', 'Pédiatrie', 'Pharmacie', 'Radiologie'];

describe.each(DIALECTS)('« Formation » on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let bourg: string;
  const people = new Map<Role, SignedIn>();
  let outsider: SignedIn;
  const base = (establishment = valmont) => `/api/establishments/${establishment}/training`;
  const as = (user: SignedIn | null, options: InjectOptions) => t.as(user, options);
  const charterOf = async (user: SignedIn, establishment = valmont) =>
    (await as(user, { method: 'GET', url: `${base(establishment)}/charter` })).json();
  const acknowledge = (user: SignedIn, version: number, sha256: string, establishment = valmont) =>
    as(user, {
      method: 'POST',
      url: `${base(establishment)}/charter/acknowledgements`,
      payload: { version, sha256 },
    });
  const agent = () => people.get('agent') as SignedIn;
  const communication = () => people.get('communication') as SignedIn;
  const admin = () => people.get('admin') as SignedIn;

  beforeAll(async () => {
    t = await createTestApp(dialect, { secretKeys: { current: randomBytes(32), previous: [] } });
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    await t.storage.db
      .updateTable('establishments')
      .set({ guard_lists: JSON.stringify({ services: SERVICES }) })
      .where('id', '=', valmont)
      .execute();
    for (const role of ROLES) people.set(role, await t.user({ [valmont]: role }));
    outsider = await t.user({ [bourg]: 'admin' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves Blouse’s default charter as version 1, and reading it writes nothing', async () => {
    const charter = await charterOf(agent());
    expect(charter).toMatchObject({
      version: 1,
      body: DEFAULT_CHARTER_FR,
      isDefault: true,
      publishedAt: null,
      acknowledgedAt: null,
      previousVersion: null,
    });
    expect(charter.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(charter.body).toContain('ces propos n’engagent que moi');
    const stored = await t.storage.db.selectFrom('charter_versions').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('records the acknowledgement of the version read, once, and refuses a stale one in French', async () => {
    const charter = await charterOf(agent());
    const stale = await acknowledge(agent(), charter.version, '0'.repeat(64));
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ code: 'charte_perimee', title: 'Conflit' });
    expect(stale.json().detail).toContain('relisez-la');
    const ok = await acknowledge(agent(), charter.version, charter.sha256);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, acknowledgedAt: t.clock.now().toISOString() });
    const first = ok.json().acknowledgedAt;
    t.clock.advance(60_000);
    const again = await acknowledge(agent(), charter.version, charter.sha256);
    expect(again.json().acknowledgedAt).toBe(first);
    const rows = await t.storage.db
      .selectFrom('charter_acknowledgements')
      .selectAll()
      .where('user_id', '=', agent().userId)
      .execute();
    expect(rows).toEqual([
      {
        user_id: agent().userId,
        establishment_id: valmont,
        version: 1,
        sha256: charter.sha256,
        acknowledged_at: first,
        channel: 'web',
        language: 'fr',
      },
    ]);
  });

  it('publishes a new version that asks everyone again, keeps version 1, and audits it', async () => {
    const v1 = await charterOf(agent());
    const body = `${DEFAULT_CHARTER_FR}\n## 8. Contact\n\nLa direction de la communication : poste 4321.\n`;
    const published = await as(communication(), {
      method: 'POST',
      url: `${base()}/charter/versions`,
      payload: { body },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ version: 2, body, isDefault: false });
    const status = await charterOf(agent());
    expect(status).toMatchObject({ version: 2, acknowledgedAt: null, previousVersion: 1, isDefault: false });
    // The page left open on version 1 cannot acknowledge it any more.
    expect((await acknowledge(agent(), 1, v1.sha256)).json().code).toBe('charte_perimee');
    expect((await acknowledge(agent(), 2, status.sha256)).statusCode).toBe(200);
    const versions = await t.storage.db
      .selectFrom('charter_versions')
      .select(['version', 'published_by', 'sha256'])
      .where('establishment_id', '=', valmont)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, published_by: null, sha256: v1.sha256 },
      { version: 2, published_by: communication().userId, sha256: status.sha256 },
    ]);
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .where('action', '=', 'training.charter.publish')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(communication().userId);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ version: 2, sha256: status.sha256 });
    expect(audit[0]?.detail).not.toContain('poste 4321');
    const same = await as(admin(), { method: 'POST', url: `${base()}/charter/versions`, payload: { body } });
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('charte_inchangee');
  });

  it('numbers versions once when two are published at the same time', async () => {
    const hospital = await t.establishment('CH des Versions');
    const director = await t.user({ [hospital]: 'communication' });
    const manager = await t.user({ [hospital]: 'admin' });
    const [a, b] = await Promise.all(
      [director, manager].map((user, index) =>
        as(user, {
          method: 'POST',
          url: `${base(hospital)}/charter/versions`,
          payload: { body: `# Charte\n\nRédaction ${index + 1}.` },
        }),
      ),
    );
    const statuses = [a?.statusCode, b?.statusCode].sort();
    // One after the other (SQLite writes one at a time), or one refused (PostgreSQL, truly at once).
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    if (statuses[1] === 409)
      expect([a, b].find((r) => r?.statusCode === 409)?.json().code).toBe('publication_concurrente');
    const versions = await t.storage.db
      .selectFrom('charter_versions')
      .select('version')
      .where('establishment_id', '=', hospital)
      .orderBy('version')
      .execute();
    expect(versions.map((row) => row.version)).toEqual(statuses[1] === 201 ? [1, 2, 3] : [1, 2]);
  });

  it('refuses an oversized, empty or unsafe charter and bad acknowledgements, storing nothing', async () => {
    const before = await t.storage.db.selectFrom('charter_versions').select('id').execute();
    const bodies: Record<string, unknown>[] = [
      { body: 'x'.repeat(MAX_CHARTER_CHARS + 1) },
      { body: '   \n  ' },
      { body: '' },
      { body: 'Charte\u0000cachée' },
      { body: 'Charte \ud800 coupée' },
      { body: 'Charte', extra: true },
      { text: 'Charte' },
      {},
    ];
    for (const payload of bodies) {
      const response = await as(admin(), { method: 'POST', url: `${base()}/charter/versions`, payload });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('donnees_invalides');
    }
    expect(await t.storage.db.selectFrom('charter_versions').select('id').execute()).toHaveLength(
      before.length,
    );
    const acknowledgements: Record<string, unknown>[] = [
      { version: 0, sha256: 'a'.repeat(64) },
      { version: 1.5, sha256: 'a'.repeat(64) },
      { version: '2', sha256: 'a'.repeat(64) },
      { version: 2, sha256: 'A'.repeat(64) },
      { version: 2, sha256: 'a'.repeat(63) },
      { version: 2, sha256: `${'a'.repeat(63)}\u0000` },
      { version: 2, sha256: 'a'.repeat(64), language: 'de' },
      { version: 2, sha256: 'a'.repeat(64), channel: 'kiosque' },
    ];
    for (const payload of acknowledgements) {
      const response = await as(agent(), {
        method: 'POST',
        url: `${base()}/charter/acknowledgements`,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const wrongVersion = await acknowledge(agent(), 7, (await charterOf(agent())).sha256);
    expect(wrongVersion.statusCode).toBe(409);
  });

  it('draws the quiz at random without its answers, checks each answer and explains it', async () => {
    const user = people.get('legal') as SignedIn;
    const started = await as(user, { method: 'POST', url: `${base()}/quiz/attempts` });
    expect(started.statusCode).toBe(201);
    const attempt = started.json();
    expect(attempt.questions).toHaveLength(QUIZ_LENGTH);
    expect(new Set(attempt.questions.map((q: { id: string }) => q.id)).size).toBe(QUIZ_LENGTH);
    // The client learns nothing of the answers before it answers.
    for (const question of attempt.questions)
      expect(Object.keys(question).sort()).toEqual(['id', 'statement']);
    expect(started.payload).not.toContain('explanation');
    let expected = 0;
    let last: Record<string, unknown> = {};
    for (const [index, question] of attempt.questions.entries()) {
      const right = ANSWERS.get(question.id) as boolean;
      // Wrong on purpose every third question.
      const given = index % 3 === 2 ? !right : right;
      if (given === right) expected++;
      const answered = await as(user, {
        method: 'POST',
        url: `${base()}/quiz/attempts/${attempt.id}/answers`,
        payload: { questionId: question.id, answer: given },
      });
      expect(answered.statusCode).toBe(200);
      last = answered.json();
      expect(last).toMatchObject({
        questionId: question.id,
        correct: given === right,
        answer: right,
        answered: index + 1,
        total: QUIZ_LENGTH,
        score: expected,
        finished: index + 1 === QUIZ_LENGTH,
      });
      expect(String(last.explanation).length).toBeGreaterThan(20);
      expect(String(last.basis).length).toBeGreaterThan(2);
    }
    expect(last.finished).toBe(true);
    const me = (await as(user, { method: 'GET', url: `${base()}/me` })).json();
    expect(me.quiz).toEqual({ score: expected, total: QUIZ_LENGTH, takenAt: t.clock.now().toISOString() });
    // Only the score is kept: the attempt and which questions were missed are gone.
    expect(
      await t.storage.db.selectFrom('quiz_attempts').selectAll().where('user_id', '=', user.userId).execute(),
    ).toEqual([]);
    // Retaken freely: the new score replaces the old one.
    t.clock.advance(5 * 60_000);
    const again = (await as(user, { method: 'POST', url: `${base()}/quiz/attempts` })).json();
    for (const question of again.questions)
      await as(user, {
        method: 'POST',
        url: `${base()}/quiz/attempts/${again.id}/answers`,
        payload: { questionId: question.id, answer: ANSWERS.get(question.id) },
      });
    const results = await t.storage.db
      .selectFrom('quiz_results')
      .selectAll()
      .where('user_id', '=', user.userId)
      .execute();
    expect(results).toEqual([
      {
        user_id: user.userId,
        establishment_id: valmont,
        score: QUIZ_LENGTH,
        total: QUIZ_LENGTH,
        taken_at: t.clock.now().toISOString(),
      },
    ]);
  });

  it('asks other questions in another order from one attempt to the next', async () => {
    const orders = new Set<string>();
    for (let index = 0; index < 4; index++) {
      const attempt = (await as(agent(), { method: 'POST', url: `${base()}/quiz/attempts` })).json();
      orders.add(attempt.questions.map((q: { id: string }) => q.id).join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
    // Starting again replaced the unfinished attempts: one is open.
    const open = await t.storage.db
      .selectFrom('quiz_attempts')
      .select('id')
      .where('user_id', '=', agent().userId)
      .execute();
    expect(open).toHaveLength(1);
  });

  it('refuses an unknown question, a second answer, someone else’s attempt and an expired one', async () => {
    const attempt = (await as(agent(), { method: 'POST', url: `${base()}/quiz/attempts` })).json();
    const url = `${base()}/quiz/attempts/${attempt.id}/answers`;
    const first = attempt.questions[0].id as string;
    const notDrawn = QUIZ_STATEMENTS.find(
      (s) => !attempt.questions.some((q: { id: string }) => q.id === s.id),
    );
    for (const questionId of ['zz-99', notDrawn?.id]) {
      const unknown = await as(agent(), { method: 'POST', url, payload: { questionId, answer: true } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().code).toBe('question_inconnue');
    }
    expect(
      (await as(agent(), { method: 'POST', url, payload: { questionId: first, answer: true } })).statusCode,
    ).toBe(200);
    const twice = await as(agent(), { method: 'POST', url, payload: { questionId: first, answer: false } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      code: 'deja_repondu',
      detail: 'Vous avez déjà répondu à cette question.',
    });
    for (const payload of [
      { questionId: first, answer: 'vrai' },
      { questionId: first },
      { questionId: 'vf\u000001', answer: true },
      { questionId: first, answer: true, score: 10 },
    ]) {
      const bad = await as(agent(), { method: 'POST', url, payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().code).toBe('donnees_invalides');
    }
    const second = attempt.questions[1].id as string;
    const theirs = await as(people.get('legal') as SignedIn, {
      method: 'POST',
      url,
      payload: { questionId: second, answer: true },
    });
    expect(theirs.statusCode).toBe(404);
    const foreign = await as(outsider, {
      method: 'POST',
      url: `${base(bourg)}/quiz/attempts/${attempt.id}/answers`,
      payload: { questionId: second, answer: true },
    });
    expect(foreign.statusCode).toBe(404);
    const badId = await as(agent(), {
      method: 'POST',
      url: `${base()}/quiz/attempts/not%20an%20id/answers`,
      payload: { questionId: second, answer: true },
    });
    expect(badId.statusCode).toBe(400);
    t.clock.advance(61 * 60_000);
    const expired = await as(agent(), { method: 'POST', url, payload: { questionId: second, answer: true } });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().code).toBe('questionnaire_expire');
    expect(expired.json().detail).toContain('recommencez');
  });

  it('lets a member choose their service from the establishment’s list, and the admin set anyone’s', async () => {
    const me = (await as(agent(), { method: 'GET', url: `${base()}/me` })).json();
    expect(me).toMatchObject({
      service: null,
      services: SERVICES,
      reminders: { optedOut: false, lastSentAt: null },
    });
    const set = await as(agent(), {
      method: 'PUT',
      url: `${base()}/me/service`,
      payload: { service: 'Pédiatrie' },
    });
    expect(set.json()).toEqual({ service: 'Pédiatrie' });
    const unknown = await as(agent(), {
      method: 'PUT',
      url: `${base()}/me/service`,
      payload: { service: 'Cuisine' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('service_inconnu');
    const unsafe = await as(agent(), {
      method: 'PUT',
      url: `${base()}/me/service`,
      payload: { service: 'Pédi\u202eatrie' },
    });
    expect(unsafe.json().code).toBe('donnees_invalides');
    const byAdmin = await as(admin(), {
      method: 'PUT',
      url: `${base()}/members/${agent().userId}/service`,
      payload: { service: 'Radiologie' },
    });
    expect(byAdmin.json()).toEqual({ service: 'Radiologie' });
    const notMember = await as(admin(), {
      method: 'PUT',
      url: `${base()}/members/${outsider.userId}/service`,
      payload: { service: 'Radiologie' },
    });
    expect(notMember.statusCode).toBe(404);
    const cleared = await as(agent(), {
      method: 'PUT',
      url: `${base()}/me/service`,
      payload: { service: null },
    });
    expect(cleared.json()).toEqual({ service: null });
  });

  it('gives rates per service without names, and never a figure for fewer than three people', async () => {
    const hospital = await t.establishment('CH des Rates');
    await t.storage.db
      .updateTable('establishments')
      .set({ guard_lists: JSON.stringify({ services: SERVICES }) })
      .where('id', '=', hospital)
      .execute();
    const director = await t.user({ [hospital]: 'communication' });
    const charter = await charterOf(director, hospital);
    // Urgences: 4 people, 3 acknowledged, 3 took the quiz; Pédiatrie: 3; Pharmacie: 1; 1 unassigned.
    const plan: [string | null, boolean, boolean][] = [
      ['Urgences adultes', true, true],
      ['Urgences adultes', true, true],
      ['Urgences adultes', true, true],
      ['Urgences adultes', false, false],
      ['Pédiatrie', true, false],
      ['Pédiatrie', false, false],
      ['Pédiatrie', false, false],
      ['Pharmacie', true, true],
    ];
    for (const [service, acknowledges, quiz] of plan) {
      const member = await t.user({ [hospital]: 'agent' });
      await as(member, { method: 'PUT', url: `${base(hospital)}/me/service`, payload: { service } });
      if (acknowledges) await acknowledge(member, charter.version, charter.sha256, hospital);
      if (quiz) {
        const attempt = (await as(member, { method: 'POST', url: `${base(hospital)}/quiz/attempts` })).json();
        for (const question of attempt.questions)
          await as(member, {
            method: 'POST',
            url: `${base(hospital)}/quiz/attempts/${attempt.id}/answers`,
            payload: { questionId: question.id, answer: ANSWERS.get(question.id) },
          });
      }
    }
    const response = await as(director, { method: 'GET', url: `${base(hospital)}/rates` });
    expect(response.statusCode).toBe(200);
    const rates = response.json();
    // Pharmacie (1) and the two without a service (the director and no one else: 1 + 1) make 2:
    // too few, so the smallest shown service (Pédiatrie, 3) joins them.
    expect(rates).toEqual({
      charterVersion: 1,
      groups: [
        {
          kind: 'service',
          service: 'Urgences adultes',
          members: 4,
          acknowledged: 3,
          quizTaken: 3,
          averageScore: 100,
          suppressed: false,
        },
        {
          kind: 'others',
          service: null,
          members: 5,
          acknowledged: 2,
          quizTaken: 1,
          averageScore: null,
          suppressed: false,
        },
      ],
      total: {
        kind: 'total',
        service: null,
        members: 9,
        acknowledged: 5,
        quizTaken: 4,
        averageScore: 100,
        suppressed: false,
      },
    });
    expect(response.payload).not.toMatch(/Utilisateur|@chu-test\.fr|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('switches the privacy reminders off and on, and off again from the e-mail’s link', async () => {
    const off = await as(agent(), {
      method: 'PUT',
      url: `${base()}/me/reminders`,
      payload: { optedOut: true },
    });
    expect(off.json()).toEqual({ optedOut: true, lastSentAt: null });
    const on = await as(agent(), {
      method: 'PUT',
      url: `${base()}/me/reminders`,
      payload: { optedOut: false },
    });
    expect(on.json()).toEqual({ optedOut: false, lastSentAt: null });
    const token = optOutToken(t.context, agent().userId) as string;
    const url = '/api/training/reminders/opt-out';
    // Without a session: the link is opened from a mail app.
    const fromMail = await as(null, { method: 'POST', url, payload: { token } });
    expect(fromMail.statusCode).toBe(200);
    expect(fromMail.json()).toEqual({ optedOut: true, lastSentAt: null });
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const forged = [
      `${outsider.userId}.${expiry}.${signature}`,
      `${id}.${Number(expiry) + 1000}.${signature}`,
      `${id}.${expiry}.${signature.slice(0, -2)}AA`,
      'nimporte-quoi',
    ];
    for (const bad of forged) {
      const refused = await as(null, { method: 'POST', url, payload: { token: bad } });
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().code).toBe('lien_invalide');
      expect(refused.json().detail).toContain('lien');
    }
    const nul = await as(null, { method: 'POST', url, payload: { token: `${token}\u0000` } });
    expect(nul.statusCode).toBe(400);
    t.clock.advance(OPT_OUT_LIFETIME_MS + 60_000);
    const expired = await as(null, { method: 'POST', url, payload: { token } });
    expect(expired.statusCode).toBe(409);
    expect(expired.json()).toMatchObject({ code: 'lien_expire' });
    expect(expired.json().detail).toContain('espace Formation');
  });

  describe('roles, on every route', () => {
    /** Who may call each route; everyone else with a role here gets 403. */
    const everyone = ROLES;
    const managers: readonly Role[] = ['admin', 'communication'];

    it('answers each role as its role allows, hides the establishment from others, asks for a session', async () => {
      const hospital = await t.establishment('CH des Rôles');
      await t.storage.db
        .updateTable('establishments')
        .set({ guard_lists: JSON.stringify({ services: SERVICES }) })
        .where('id', '=', hospital)
        .execute();
      const members = new Map<Role, SignedIn>();
      for (const role of ROLES) members.set(role, await t.user({ [hospital]: role }));
      const target = members.get('agent') as SignedIn;
      // Signed in now: the tests above moved the clock beyond the first sessions' end.
      const stranger = await t.user({ [bourg]: 'admin' });
      const url = base(hospital);
      let published = 0;
      const routes: {
        name: string;
        allowed: readonly Role[];
        request: (user: SignedIn | null) => Promise<InjectOptions>;
        ok: number;
      }[] = [
        {
          name: 'GET charter',
          allowed: everyone,
          ok: 200,
          request: async () => ({ method: 'GET', url: `${url}/charter` }),
        },
        {
          name: 'POST acknowledgement',
          allowed: everyone,
          ok: 200,
          request: async (user) => {
            const current =
              user === null
                ? { version: 1, sha256: 'a'.repeat(64) }
                : await charterOf(user, hospital).catch(() => ({}));
            return {
              method: 'POST',
              url: `${url}/charter/acknowledgements`,
              payload: { version: current.version ?? 1, sha256: current.sha256 ?? 'a'.repeat(64) },
            };
          },
        },
        {
          name: 'POST charter version',
          allowed: managers,
          ok: 201,
          request: async () => ({
            method: 'POST',
            url: `${url}/charter/versions`,
            payload: { body: `# Charte\n\nVersion d’essai ${++published}.` },
          }),
        },
        {
          name: 'GET me',
          allowed: everyone,
          ok: 200,
          request: async () => ({ method: 'GET', url: `${url}/me` }),
        },
        {
          name: 'PUT my service',
          allowed: everyone,
          ok: 200,
          request: async () => ({
            method: 'PUT',
            url: `${url}/me/service`,
            payload: { service: 'Pharmacie' },
          }),
        },
        {
          name: 'PUT a member’s service',
          allowed: ['admin'],
          ok: 200,
          request: async () => ({
            method: 'PUT',
            url: `${url}/members/${target.userId}/service`,
            payload: { service: 'Radiologie' },
          }),
        },
        {
          name: 'PUT my reminders',
          allowed: everyone,
          ok: 200,
          request: async () => ({ method: 'PUT', url: `${url}/me/reminders`, payload: { optedOut: false } }),
        },
        {
          name: 'POST quiz attempt',
          allowed: everyone,
          ok: 201,
          request: async () => ({ method: 'POST', url: `${url}/quiz/attempts` }),
        },
        {
          name: 'POST quiz answer',
          allowed: everyone,
          ok: 200,
          request: async (user) => {
            // The caller's own attempt; the agent's for callers from elsewhere or without a session.
            const owner = user ?? target;
            const attempt = (await as(owner, { method: 'POST', url: `${url}/quiz/attempts` })).json();
            return {
              method: 'POST',
              url: `${url}/quiz/attempts/${attempt.id}/answers`,
              payload: { questionId: attempt.questions[0].id, answer: true },
            };
          },
        },
        {
          name: 'GET rates',
          allowed: managers,
          ok: 200,
          request: async () => ({ method: 'GET', url: `${url}/rates` }),
        },
      ];
      for (const route of routes) {
        for (const role of ROLES) {
          const user = members.get(role) as SignedIn;
          const response = await as(user, await route.request(user));
          const expected = route.allowed.includes(role) ? route.ok : 403;
          expect(response.statusCode, `${route.name} as ${role}: ${response.payload.slice(0, 200)}`).toBe(
            expected,
          );
          if (expected === 403) expect(response.json().code).toBe('interdit');
        }
        const foreign = await as(stranger, await route.request(null));
        expect(foreign.statusCode, `${route.name} from another establishment`).toBe(404);
        const anonymous = await as(null, await route.request(null));
        expect(anonymous.statusCode, `${route.name} without a session`).toBe(401);
      }
    });
  });
});
