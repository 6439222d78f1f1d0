import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { hashPassword } from './passwords.js';
import { MAX_PENDING_PER_ADDRESS, MAX_PENDING_PER_ESTABLISHMENT } from './sso-service.js';

/*
 * Single sign-on END TO END, nothing mocked: a real oidc-provider 8 runs on a loopback port with
 * its development login and consent pages; the real Blouse application discovers it, redirects to
 * it with PKCE, state and nonce, and exchanges the code over HTTP with openid-client. The test
 * plays the browser: it follows the redirects with fetch and a small cookie jar, submits the
 * login and consent forms, and hands the provider's final redirect to the Blouse callback with
 * inject() (the registered redirect URI is the test app's public address, http://localhost:8080).
 */

const CLIENT = { id: 'blouse-test', secret: 'un-secret-de-test-assez-long-pour-HS256-et-au-dela-0123456789' };
const PEOPLE: Record<string, { email: string; name: string; verified?: boolean }> = {
  alice: { email: 'alice@chu-test.fr', name: 'Alice Martin' },
  bob: { email: 'bob@chu-test.fr', name: 'Bob Durand' },
  mallory: { email: 'cible@autre-chu.fr', name: 'Mallory' },
  carol: { email: 'carol@chu-test.fr', name: 'Carol (mot de passe)' },
  dave: { email: 'dave@chu-test.fr', name: 'Dave (deux établissements)' },
  nomail: { email: 'nomail@chu-test.fr', name: 'Sans courriel', verified: false },
  trojan: { email: 'trojan@chu-test.fr', name: 'Eve\u202Egpj.exe\u0000 \u2066Martin\u2069' },
};

let issuerServer: Server;
let issuer: string;

beforeAll(async () => {
  issuerServer = createServer();
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: ['http://localhost:8080/api/sso/callback'],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const person = PEOPLE[id];
      if (person === undefined) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: `sub-${id}`,
            email: person.email,
            email_verified: person.verified ?? true,
            name: person.name,
          };
        },
      };
    },
  });
  issuerServer.on('request', provider.callback());
});

afterAll(async () => {
  await new Promise((resolve) => issuerServer.close(resolve));
});

/** A loopback port nobody listens on: one the system gave and that was closed again. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Plays the browser at the provider: redirects, login form, consent form; returns the callback URL. */
async function browseProvider(start: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body === undefined ? {} : { body }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = (pair ?? '').indexOf('=');
      jar.set((pair ?? '').slice(0, index), (pair ?? '').slice(index + 1));
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const next = new URL(location, url);
      if (next.href.startsWith('http://localhost:8080/api/sso/callback')) return next;
      url = next.href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (form === null)
      throw new Error(
        `page inattendue du fournisseur (${response.status}) : ${html.replace(/<style[\s\S]*?<\/style>/, '').slice(0, 1500)}`,
      );
    const fields = new URLSearchParams();
    for (const input of (form[2] ?? '').matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
      const name = input[1] ?? '';
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      fields.set(name, name === 'login' ? login : name === 'password' ? 'peu importe' : value);
    }
    url = new URL(form[1] ?? '', url).href;
    method = 'POST';
    body = fields.toString();
  }
  throw new Error('trop de redirections chez le fournisseur');
}

describe.each(DIALECTS)('single sign-on with a real OpenID Connect provider (%s)', (dialect) => {
  let t: TestApp;
  let establishmentId: string;
  let admin: SignedIn;

  beforeEach(async () => {
    t = await createTestApp(dialect);
    // The provider checks token lifetimes against the real time.
    t.clock.set(new Date());
    establishmentId = await t.establishment('CH de Valmont');
    admin = await t.user({ [establishmentId]: 'admin' });
    const configured = await t.as(admin, {
      method: 'PUT',
      url: `/api/establishments/${establishmentId}/sso`,
      payload: { issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, defaultRole: 'agent' },
    });
    expect(configured.statusCode).toBe(200);
  });
  afterEach(() => t.close());

  async function start(): Promise<{ location: URL; cookie: string }> {
    const response = await t.app.inject({ method: 'GET', url: `/api/sso/${establishmentId}/start` });
    expect(response.statusCode, response.body).toBe(302);
    const cookie = response.cookies.find((c) => c.name === 'blouse_sso');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/sso' });
    return { location: new URL(String(response.headers.location)), cookie: `blouse_sso=${cookie?.value}` };
  }

  async function signInAs(login: string) {
    const { location, cookie } = await start();
    const callback = await browseProvider(location.href, login);
    const response = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie },
    });
    return { response, callback, cookie };
  }

  async function sessionOf(response: { cookies: { name: string; value: string }[] }) {
    const token = response.cookies.find((c) => c.name === 'blouse_session')?.value;
    return t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `blouse_session=${token}` },
    });
  }

  it('redirects to the provider with PKCE (S256), state and nonce, and never returns the secret', async () => {
    const { location } = await start();
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get('client_id')).toBe(CLIENT.id);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe('http://localhost:8080/api/sso/callback');
    const settings = await t.as(admin, { method: 'GET', url: `/api/establishments/${establishmentId}/sso` });
    expect(settings.json()).toEqual({ issuer, clientId: CLIENT.id, defaultRole: 'agent', enabled: true });
    expect(settings.body).not.toContain(CLIENT.secret);
    const audit = await t.storage.db.selectFrom('audit_log').select('detail').execute();
    expect(audit.map((a) => a.detail).join()).not.toContain(CLIENT.secret);
  });

  it('creates a new user with the default role, opens a session and redirects home; the next login finds them', async () => {
    const { response } = await signInAs('alice');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const session = await sessionOf(response);
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({ email: 'alice@chu-test.fr', displayName: 'Alice Martin' });
    expect(session.json().memberships).toEqual([
      { establishmentId, establishmentName: 'CH de Valmont', role: 'agent' },
    ]);
    const userId = session.json().user.id;
    const logins = await t.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', ['session.login', 'user.create'])
      .orderBy('seq')
      .execute();
    expect(logins.map((l) => [l.action, JSON.parse(l.detail).method])).toEqual([
      ['user.create', 'oidc'],
      ['session.login', 'oidc'],
    ]);
    expect(logins[1]?.actor_id).toBe(userId);

    const again = await signInAs('alice');
    expect(again.response.statusCode).toBe(302);
    expect((await sessionOf(again.response)).json().user.id).toBe(userId);
    const users = await t.storage.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'alice@chu-test.fr')
      .execute();
    expect(users).toHaveLength(1);
  });

  it('uses a pending login once: replaying the callback fails', async () => {
    const { response, callback, cookie } = await signInAs('alice');
    expect(response.statusCode).toBe(302);
    const replay = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('sso_echec');
  });

  it('refuses a callback whose state does not match, or without the login cookie', async () => {
    const { location, cookie } = await start();
    const callback = await browseProvider(location.href, 'alice');
    callback.searchParams.set('state', 'un-etat-falsifie');
    const forged = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.cookies.find((c) => c.name === 'blouse_session')).toBeUndefined();

    const other = await start();
    const callback2 = await browseProvider(other.location.href, 'alice');
    const noCookie = await t.app.inject({ method: 'GET', url: `${callback2.pathname}${callback2.search}` });
    expect(noCookie.statusCode).toBe(401);
    expect(
      await t.storage.db.selectFrom('users').select('id').where('email', '=', 'alice@chu-test.fr').execute(),
    ).toEqual([]);
  });

  it('links an existing member of the establishment by verified e-mail, keeping their role', async () => {
    const bob = await t.user({ [establishmentId]: 'legal' }, { email: 'bob@chu-test.fr' });
    const { response } = await signInAs('bob');
    expect(response.statusCode).toBe(302);
    const session = await sessionOf(response);
    expect(session.json().user.id).toBe(bob.userId);
    expect(session.json().memberships[0].role).toBe('legal');
    const row = await t.storage.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', bob.userId)
      .executeTakeFirst();
    expect(row).toMatchObject({ oidc_issuer: issuer, oidc_subject: 'sub-bob' });
  });

  it('never opens the account of another establishment’s member whose e-mail the provider claims', async () => {
    const elsewhere = await t.establishment('Autre CHU');
    const victim = await t.user({ [elsewhere]: 'admin' }, { email: 'cible@autre-chu.fr' });
    const { response } = await signInAs('mallory');
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('sso_compte_existant');
    expect(response.cookies.find((c) => c.name === 'blouse_session')).toBeUndefined();
    const memberships = await t.storage.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', victim.userId)
      .execute();
    expect(memberships.map((m) => m.establishment_id)).toEqual([elsewhere]);
  });

  /** The victim is untouched: no link, no session, no login in the audit log. */
  async function expectNotTakenOver(
    response: { statusCode: number; body: string; cookies: { name: string }[] },
    userId: string,
  ) {
    expect(response.statusCode, response.body).toBe(409);
    const problem = JSON.parse(response.body);
    expect(problem.code).toBe('sso_compte_existant');
    expect(problem.detail).toContain('demandez à votre administrateur');
    expect(response.cookies.find((c) => c.name === 'blouse_session')).toBeUndefined();
    const row = await t.storage.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    expect(row).toMatchObject({ oidc_issuer: null, oidc_subject: null });
    const sessions = await t.storage.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .execute();
    // Only the session test-support opened for the fixture.
    expect(sessions).toHaveLength(1);
    const logins = await t.storage.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'session.login')
      .execute();
    expect(logins.map((l) => l.actor_id)).not.toContain(userId);
  }

  it('never links by e-mail a member of this establishment who has a password', async () => {
    const carol = await t.user({ [establishmentId]: 'communication' }, { email: 'carol@chu-test.fr' });
    await t.storage.db
      .updateTable('users')
      .set({ password_hash: await hashPassword('un mot de passe bien long') })
      .where('id', '=', carol.userId)
      .execute();
    const { response } = await signInAs('carol');
    await expectNotTakenOver(response, carol.userId);
  });

  it('never links by e-mail a member of this establishment who also belongs to another one', async () => {
    const elsewhere = await t.establishment('Autre CHU');
    const dave = await t.user(
      { [establishmentId]: 'agent', [elsewhere]: 'admin' },
      { email: 'dave@chu-test.fr' },
    );
    const { response } = await signInAs('dave');
    await expectNotTakenOver(response, dave.userId);
    const roles = await t.storage.db
      .selectFrom('memberships')
      .select(['establishment_id', 'role'])
      .where('user_id', '=', dave.userId)
      .orderBy('role')
      .execute();
    expect(roles).toEqual([
      { establishment_id: elsewhere, role: 'admin' },
      { establishment_id: establishmentId, role: 'agent' },
    ]);
  });

  it('limits the logins under way per address: 1,000 starts from one address do not stop another address', async () => {
    const from = (remoteAddress: string, accept?: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/sso/${establishmentId}/start`,
        remoteAddress,
        ...(accept === undefined ? {} : { headers: { accept } }),
      });
    const statuses = new Map<number, number>();
    let refused: Awaited<ReturnType<typeof from>> | undefined;
    for (let i = 0; i < 1_000; i += 1) {
      const response = await from('203.0.113.7');
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 429) refused = response;
    }
    expect(Object.fromEntries(statuses)).toEqual({
      302: MAX_PENDING_PER_ADDRESS,
      429: 1_000 - MAX_PENDING_PER_ADDRESS,
    });
    expect(refused?.json()).toMatchObject({ code: 'sso_trop_de_connexions', title: 'Trop de tentatives' });
    // Until the address's oldest login expires: ten minutes at most.
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused?.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(refused?.cookies.find((c) => c.name === 'blouse_sso')).toBeUndefined();
    // A browser gets the same refusal as a page in French.
    const page = await from('203.0.113.7', 'text/html,application/xhtml+xml');
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('réessayez dans quelques minutes');

    // Someone else, elsewhere, signs in as usual.
    expect((await from('198.51.100.20')).statusCode).toBe(302);

    // Once the flood's logins have expired, the address may start again; expired rows are gone.
    t.clock.advance(10 * 60_000 + 1);
    expect((await from('203.0.113.7')).statusCode).toBe(302);
    const left = await t.storage.db
      .withTables<{ sso_pending: { id: string } }>()
      .selectFrom('sso_pending')
      .select('id')
      .execute();
    expect(left).toHaveLength(1);
  });

  it('drops the establishment’s oldest logins beyond its cap instead of refusing new ones', async () => {
    const now = t.clock.now();
    const rows = Array.from({ length: MAX_PENDING_PER_ESTABLISHMENT }, (_, i) => ({
      id: `flood-${String(i).padStart(4, '0')}`,
      establishment_id: establishmentId,
      state: 's',
      nonce: 'n',
      code_verifier: 'v',
      // The first one is the oldest.
      created_at: new Date(now.getTime() - 60_000 + i).toISOString(),
      expires_at: new Date(now.getTime() + 9 * 60_000).toISOString(),
      client_address: `adresse-${i}`,
    }));
    const pending = t.storage.db.withTables<{ sso_pending: (typeof rows)[number] }>();
    for (let i = 0; i < rows.length; i += 200) {
      await pending
        .insertInto('sso_pending')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    const fresh = await start();
    expect(fresh.location.origin).toBe(new URL(issuer).origin);
    const ids = (await pending.selectFrom('sso_pending').select('id').execute()).map((r) => r.id);
    expect(ids).toHaveLength(MAX_PENDING_PER_ESTABLISHMENT);
    expect(ids).not.toContain('flood-0000');
    expect(ids).toContain('flood-0001');
  });

  it('tests the provider before saving: unreachable, not OpenID, bad client are refused in French', async () => {
    const url = `/api/establishments/${establishmentId}/sso`;
    const closed = await closedLoopbackPort();
    const notOpenId = createServer((_request, response) => {
      response.statusCode = 404;
      response.end('pas ici');
    });
    await new Promise<void>((resolve) => notOpenId.listen(0, '127.0.0.1', resolve));
    const notOpenIdUrl = `http://127.0.0.1:${(notOpenId.address() as AddressInfo).port}`;
    try {
      const cases: [Record<string, string>, string][] = [
        [{ issuer: `http://127.0.0.1:${closed}` }, 'sso_injoignable'],
        [{ issuer: notOpenIdUrl }, 'sso_pas_openid'],
        [{ issuer: `${issuer}/autre-emetteur` }, 'sso_pas_openid'],
        [{ clientSecret: 'un-mauvais-secret' }, 'sso_client_refuse'],
        [{ clientId: 'client-inconnu' }, 'sso_client_refuse'],
      ];
      for (const [change, code] of cases) {
        const payload = {
          issuer,
          clientId: CLIENT.id,
          clientSecret: CLIENT.secret,
          defaultRole: 'legal',
          ...change,
        };
        for (const [method, path] of [
          ['POST', `${url}/test`],
          ['PUT', url],
        ] as const) {
          const response = await t.as(admin, { method, url: path, payload });
          expect(response.statusCode, `${method} ${JSON.stringify(change)}`).toBe(422);
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(response.json()).toMatchObject({ code, title: 'Données refusées' });
          expect(response.json().detail).toMatch(/fournisseur|adresse/);
        }
      }
    } finally {
      await new Promise((resolve) => notOpenId.close(resolve));
    }
    // Nothing was saved: the working settings stay.
    expect((await t.as(admin, { method: 'GET', url })).json()).toEqual({
      issuer,
      clientId: CLIENT.id,
      defaultRole: 'agent',
      enabled: true,
    });
    const good = { issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, defaultRole: 'agent' };
    expect((await t.as(admin, { method: 'POST', url: `${url}/test`, payload: good })).statusCode).toBe(204);
  });

  it('can be switched off (kept) and on again, and removed; each change audited', async () => {
    const url = `/api/establishments/${establishmentId}/sso`;
    const listed = async () => (await t.app.inject({ method: 'GET', url: '/api/sso/establishments' })).json();
    const begun = await start();

    const off = await t.as(admin, { method: 'PATCH', url, payload: { enabled: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ issuer, enabled: false });
    expect(await listed()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/sso/${establishmentId}/start` })).statusCode).toBe(
      404,
    );
    // A login begun before the switch does not finish after it.
    const callback = await browseProvider(begun.location.href, 'alice');
    const late = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: begun.cookie },
    });
    expect(late.statusCode).toBe(401);

    expect((await t.as(admin, { method: 'PATCH', url, payload: { enabled: true } })).json().enabled).toBe(
      true,
    );
    expect(await listed()).toEqual([{ establishmentId, name: 'CH de Valmont' }]);
    expect((await signInAs('alice')).response.statusCode).toBe(302);

    expect((await t.as(admin, { method: 'DELETE', url })).statusCode).toBe(204);
    expect((await t.as(admin, { method: 'GET', url })).statusCode).toBe(404);
    expect(await t.storage.db.selectFrom('oidc_providers').selectAll().execute()).toEqual([]);
    expect((await t.as(admin, { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await t.as(admin, { method: 'PATCH', url, payload: { enabled: true } })).statusCode).toBe(404);
    // The account made through single sign-on stays, in the history.
    expect(
      await t.storage.db
        .selectFrom('users')
        .select('email')
        .where('email', '=', 'alice@chu-test.fr')
        .execute(),
    ).toHaveLength(1);
    const actions = await t.storage.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .where('action', 'like', 'establishment.sso%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'establishment.sso_update',
      'establishment.sso_disable',
      'establishment.sso_enable',
      'establishment.sso_remove',
    ]);
    expect(actions.every((a) => a.actor_id === admin.userId)).toBe(true);
    expect(actions.map((a) => a.detail).join()).not.toContain(CLIENT.secret);
    for (const role of ['communication', 'community_manager', 'legal', 'agent'] as const) {
      const user = await t.user({ [establishmentId]: role });
      expect((await t.as(user, { method: 'PATCH', url, payload: { enabled: false } })).statusCode).toBe(403);
      expect((await t.as(user, { method: 'DELETE', url })).statusCode).toBe(403);
      const payload = { issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, defaultRole: 'agent' };
      expect((await t.as(user, { method: 'POST', url: `${url}/test`, payload })).statusCode).toBe(403);
    }
  });

  it('shows a page in French, with the way back, when the directory is unreachable at start or callback', async () => {
    const begun = await start();
    const callback = await browseProvider(begun.location.href, 'alice');
    // The directory goes away: its address now points at a closed port.
    const closed = await closedLoopbackPort();
    await t.storage.db
      .updateTable('oidc_providers')
      .set({ issuer: `http://127.0.0.1:${closed}` })
      .where('establishment_id', '=', establishmentId)
      .execute();
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const atStart = await t.app.inject({
      method: 'GET',
      url: `/api/sso/${establishmentId}/start`,
      headers: html,
    });
    const atCallback = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { ...html, cookie: begun.cookie },
    });
    for (const response of [atStart, atCallback]) {
      expect(response.statusCode).toBe(502);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<html lang="fr">');
      expect(response.body).toContain('L’annuaire de l’établissement ne répond pas');
      expect(response.body).toContain('<a href="/connexion">Revenir à la page de connexion</a>');
      expect(response.body).not.toContain('"code"');
    }
    // A program still gets problem+json.
    const api = await t.app.inject({ method: 'GET', url: `/api/sso/${establishmentId}/start` });
    expect(api.statusCode).toBe(502);
    expect(api.json().code).toBe('sso_indisponible');
  });

  it('refuses NUL, bidi overrides and controls in every setting and id with a French 400, never a 500', async () => {
    const url = `/api/establishments/${establishmentId}/sso`;
    const good = { issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, defaultRole: 'agent' };
    for (const bad of ['\u0000', '\u202E', '\u2066', '\u200B', '\n']) {
      for (const field of ['issuer', 'clientId', 'clientSecret'] as const) {
        for (const path of [url, `${url}/test`]) {
          const response = await t.as(admin, {
            method: path === url ? 'PUT' : 'POST',
            url: path,
            payload: { ...good, [field]: `${good[field]}${bad}x` },
          });
          expect(response.statusCode, `${field} ${bad.codePointAt(0)}`).toBe(400);
          expect(response.json().detail).toContain(field);
          expect(response.json().detail).toContain('caractère interdit');
        }
      }
      // Before any query: a 400 for the anonymous route, the tenant's 404 for the others.
      const startPath = `/api/sso/x${encodeURIComponent(bad)}/start`;
      const anonymous = await t.app.inject({ method: 'GET', url: startPath });
      expect(anonymous.statusCode, startPath).toBe(400);
      expect(anonymous.json().code).toBe('donnees_invalides');
      const tenantPath = `/api/establishments/x${encodeURIComponent(bad)}/sso`;
      expect((await t.as(admin, { method: 'GET', url: tenantPath })).statusCode, tenantPath).toBe(404);
    }
  });

  it('ends the session presented with the callback: signing in never leaves a second session open', async () => {
    const before = await signInAs('alice');
    const oldCookie = String(before.response.headers['set-cookie']).match(/blouse_session=([^;]+)/)?.[1];
    const { location, cookie } = await start();
    const callback = await browseProvider(location.href, 'alice');
    const response = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `${cookie}; blouse_session=${oldCookie}` },
    });
    expect(response.statusCode).toBe(302);
    const get = (token: string | undefined) =>
      t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `blouse_session=${token}` } });
    expect((await get(oldCookie)).statusCode).toBe(401);
    expect((await sessionOf(response)).statusCode).toBe(200);
  });

  it('stores the provider’s name without NUL, controls or direction overrides, on both databases', async () => {
    const { response } = await signInAs('trojan');
    expect(response.statusCode).toBe(302);
    const row = await t.storage.db
      .selectFrom('users')
      .select('display_name')
      .where('email', '=', 'trojan@chu-test.fr')
      .executeTakeFirst();
    expect(row?.display_name).toBe('Evegpj.exe Martin');
  });

  it('refuses an identity without a verified e-mail', async () => {
    const { response } = await signInAs('nomail');
    expect(response.statusCode).toBe(422);
    expect(
      await t.storage.db.selectFrom('users').select('id').where('email', '=', 'nomail@chu-test.fr').execute(),
    ).toEqual([]);
  });

  it('refuses plain http for a non-loopback issuer and unknown fields', async () => {
    const put = (payload: Record<string, unknown>) =>
      t.as(admin, { method: 'PUT', url: `/api/establishments/${establishmentId}/sso`, payload });
    const base = { clientId: 'x', clientSecret: 'y', defaultRole: 'agent' };
    expect((await put({ ...base, issuer: 'http://idp.example.org' })).json().code).toBe('emetteur_invalide');
    expect((await put({ ...base, issuer: 'pas une adresse' })).statusCode).toBe(400);
    expect((await put({ ...base, issuer, defaultRole: 'superadmin' })).statusCode).toBe(400);
    expect((await put({ ...base, issuer, extra: 1 })).statusCode).toBe(400);
  });

  it('is 404 when the establishment has no provider', async () => {
    const other = await t.establishment('Sans SSO');
    expect((await t.app.inject({ method: 'GET', url: `/api/sso/${other}/start` })).statusCode).toBe(404);
  });

  it('lets only the establishment’s admin configure it', async () => {
    const url = `/api/establishments/${establishmentId}/sso`;
    const payload = { issuer, clientId: 'x', clientSecret: 'y', defaultRole: 'agent' };
    for (const role of ['communication', 'community_manager', 'legal', 'agent'] as const) {
      const user = await t.user({ [establishmentId]: role });
      expect((await t.as(user, { method: 'PUT', url, payload })).statusCode).toBe(403);
      expect((await t.as(user, { method: 'GET', url })).statusCode).toBe(403);
    }
    const otherAdmin = await t.user({ [await t.establishment('Autre')]: 'admin' });
    expect((await t.as(otherAdmin, { method: 'PUT', url, payload })).statusCode).toBe(404);
  });
});
