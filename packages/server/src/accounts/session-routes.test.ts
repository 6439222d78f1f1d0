import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { hashPassword } from './passwords.js';
import { hashToken } from './sessions.js';
import { THROTTLE } from './throttle.js';

const PASSWORD = 'correct horse battery';

describe.each(DIALECTS)('sessions (%s)', (dialect) => {
  let t: TestApp;
  let establishmentId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    establishmentId = await t.establishment('CH de Valmont');
  });
  afterEach(() => t.close());

  async function account(email: string, options: { demo?: number; disabled?: number } = {}) {
    const signed = await t.user({ [establishmentId]: 'communication' }, { email });
    await t.storage.db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(PASSWORD),
        demo: options.demo ?? 0,
        disabled: options.disabled ?? 0,
      })
      .where('id', '=', signed.userId)
      .execute();
    return signed.userId;
  }
  const signIn = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress: ip });
  const cookieOf = (response: LightMyRequestResponse) =>
    response.cookies.find((c) => c.name === 'blouse_session');
  const audit = (action: string) =>
    t.storage.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  it('signs in, sets a strict cookie, returns the session, then logs out', async () => {
    const userId = await account('dircom@chu-test.fr');
    const response = await signIn('DirCom@chu-test.fr', PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({ id: userId, email: 'dircom@chu-test.fr', displayName: expect.any(String) });
    expect(body.memberships).toEqual([
      { establishmentId, establishmentName: 'CH de Valmont', role: 'communication' },
    ]);
    const cookie = cookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(new Date(String(cookie?.expires)).getTime()).toBe(t.clock.now().getTime() + 12 * 3_600_000);
    const logins = await audit('session.login');
    expect(logins.at(-1)?.actor_id).toBe(userId);

    const headers = { cookie: `blouse_session=${cookie?.value}`, 'x-csrf-token': body.csrfToken };
    const current = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: headers.cookie },
    });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toEqual(body);

    // Writes need the CSRF token once signed in.
    const noCsrf = await t.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: headers.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf');

    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers });
    expect(out.statusCode).toBe(204);
    expect(cookieOf(out)?.value).toBe('');
    expect(
      await t.storage.db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', hashToken(String(cookie?.value)))
        .execute(),
    ).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(401);
    expect((await audit('session.logout')).at(-1)?.actor_id).toBe(userId);
  });

  it('sets Secure when the public address is https', async () => {
    await t.close();
    t = await createTestApp(dialect, { publicUrl: 'https://blouse.chu-test.fr' });
    establishmentId = await t.establishment();
    await account('secure@chu-test.fr');
    expect(cookieOf(await signIn('secure@chu-test.fr', PASSWORD))?.secure).toBe(true);
  });

  it('gives one generic error for an unknown e-mail and a wrong password, audited without the password', async () => {
    await account('agent@chu-test.fr');
    const wrong = await signIn('agent@chu-test.fr', 'not the right one');
    const unknown = await signIn('nobody@chu-test.fr', PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('identifiants_invalides');
      expect(response.cookies).toEqual([]);
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
    const failures = await audit('session.login_failed');
    expect(failures).toHaveLength(2);
    for (const row of failures) {
      expect(row.actor_id).toBeNull();
      expect(row.detail).not.toContain('agent@');
      expect(row.detail).not.toContain('not the right one');
      expect(JSON.parse(row.detail).emailSha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('locks the account after 5 failures, even for the right password, and releases it after 15 minutes', async () => {
    await account('cible@chu-test.fr');
    for (let i = 0; i < THROTTLE.emailLimit - 1; i += 1) {
      expect((await signIn('cible@chu-test.fr', `mauvais ${i}`, `10.0.1.${i}`)).statusCode).toBe(401);
    }
    const locking = await signIn('cible@chu-test.fr', 'mauvais encore', '10.0.2.1');
    expect(locking.statusCode).toBe(423);
    const locked = await signIn('cible@chu-test.fr', PASSWORD, '10.0.2.2');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('compte_verrouille');
    expect(locked.json().detail).toMatch(/verrouillé jusqu’à \d\d:\d\d/);
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    t.clock.advance(10 * 60_000);
    expect(Number((await signIn('cible@chu-test.fr', PASSWORD)).headers['retry-after'])).toBe(5 * 60);
    t.clock.advance(5 * 60_000 + 1);
    expect((await signIn('cible@chu-test.fr', PASSWORD)).statusCode).toBe(200);
    // The success reset the counter: one more failure does not lock again.
    expect((await signIn('cible@chu-test.fr', 'mauvais')).statusCode).toBe(401);
    expect((await signIn('cible@chu-test.fr', PASSWORD)).statusCode).toBe(200);
  });

  it('verifies at most 5 passwords of parallel attempts on one e-mail, then refuses even the right one until the lock ends', async () => {
    await account('parallele@chu-test.fr');
    // Different addresses: only the e-mail's counter is at stake here.
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn('parallele@chu-test.fr', `mauvais ${i}`, `10.0.3.${i}`)),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLE.emailLimit);
    expect(statuses.filter((s) => s !== 401 && s !== 423)).toEqual([]);
    // Each verified failure is audited once; the refused attempts were never verified.
    expect((await audit('session.login_failed')).length).toBeLessThanOrEqual(THROTTLE.emailLimit);
    const locked = await signIn('parallele@chu-test.fr', PASSWORD, '10.0.4.1');
    expect(locked.statusCode).toBe(423);
    expect(locked.cookies).toEqual([]);
    t.clock.advance(THROTTLE.lockMs - 1000);
    expect((await signIn('parallele@chu-test.fr', PASSWORD, '10.0.4.2')).statusCode).toBe(423);
    t.clock.advance(1001);
    expect((await signIn('parallele@chu-test.fr', PASSWORD, '10.0.4.3')).statusCode).toBe(200);
  });

  it('verifies at most 20 passwords of parallel attempts from one address', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(`inconnu${i}@chu-test.fr`, 'devinette', '203.0.113.50')),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLE.ipLimit);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - THROTTLE.ipLimit);
    expect((await audit('session.login_failed')).length).toBeLessThanOrEqual(THROTTLE.ipLimit);
  });

  it('does not count successful logins against the address (one office behind one NAT)', async () => {
    for (let i = 0; i < THROTTLE.ipLimit + 5; i += 1) {
      await account(`collegue${i}@chu-test.fr`);
      expect((await signIn(`collegue${i}@chu-test.fr`, PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    }
    // Nor do refusals of a locked account: they verify nothing.
    await account('verrou@chu-test.fr');
    for (let i = 0; i < THROTTLE.emailLimit; i += 1)
      await signIn('verrou@chu-test.fr', 'mauvais', '192.0.2.10');
    for (let i = 0; i < THROTTLE.ipLimit; i += 1) {
      expect((await signIn('verrou@chu-test.fr', PASSWORD, '192.0.2.10')).statusCode).toBe(423);
    }
    expect((await signIn('collegue0@chu-test.fr', PASSWORD, '192.0.2.10')).statusCode).toBe(200);
  });

  it('forgets failures older than the window', async () => {
    await account('lent@chu-test.fr');
    for (let i = 0; i < THROTTLE.emailLimit - 1; i += 1) await signIn('lent@chu-test.fr', 'mauvais');
    t.clock.advance(THROTTLE.windowMs + 1);
    expect((await signIn('lent@chu-test.fr', 'mauvais')).statusCode).toBe(401);
    expect((await signIn('lent@chu-test.fr', PASSWORD)).statusCode).toBe(200);
  });

  it('throttles an address that tries many e-mails, not the others', async () => {
    await account('victime@chu-test.fr');
    for (let i = 0; i < THROTTLE.ipLimit; i += 1) {
      await signIn(`inconnu${i}@chu-test.fr`, 'devinette', '203.0.113.9');
    }
    const blocked = await signIn('victime@chu-test.fr', PASSWORD, '203.0.113.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('trop_de_tentatives');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn('victime@chu-test.fr', PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  });

  it('refuses demo accounts outside demo mode and accepts them in demo mode', async () => {
    await account('demo@chu-test.fr', { demo: 1 });
    expect((await signIn('demo@chu-test.fr', PASSWORD)).json().code).toBe('identifiants_invalides');
    await t.close();
    t = await createTestApp(dialect, { demo: true });
    establishmentId = await t.establishment();
    await account('demo@chu-test.fr', { demo: 1 });
    expect((await signIn('demo@chu-test.fr', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses disabled accounts', async () => {
    await account('parti@chu-test.fr', { disabled: 1 });
    expect((await signIn('parti@chu-test.fr', PASSWORD)).statusCode).toBe(401);
  });

  it('refuses malformed and oversized bodies', async () => {
    for (const payload of [
      {},
      { email: 'x', password: PASSWORD },
      { email: 'a@b.fr', password: 'x'.repeat(300) },
    ]) {
      expect((await t.app.inject({ method: 'POST', url: '/api/session', payload })).statusCode).toBe(400);
    }
  });

  it('changes the password with the policy, closing the other sessions', async () => {
    const userId = await account('change@chu-test.fr');
    const first = await signIn('change@chu-test.fr', PASSWORD);
    const second = await signIn('change@chu-test.fr', PASSWORD);
    const headers = {
      cookie: `blouse_session=${cookieOf(second)?.value}`,
      'x-csrf-token': second.json().csrfToken,
    };
    const change = (current: string, next: string) =>
      t.app.inject({ method: 'POST', url: '/api/session/password', headers, payload: { current, next } });
    expect((await change(PASSWORD, 'court')).statusCode).toBe(422);
    expect((await change(PASSWORD, 'change@chu-test.fr')).json().code).toBe('mot_de_passe_trop_faible');
    expect((await change('pas le bon mot de passe', 'un nouveau mot de passe long')).statusCode).toBe(403);
    expect((await change(PASSWORD, 'un nouveau mot de passe long')).statusCode).toBe(204);
    const stored = await t.storage.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirst();
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    const old = { cookie: `blouse_session=${cookieOf(first)?.value}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: old })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(200);
    expect((await signIn('change@chu-test.fr', 'un nouveau mot de passe long')).statusCode).toBe(200);
    expect(await audit('user.password_change')).toHaveLength(1);
  });

  it('ends the session presented when signing in again: the old token no longer works', async () => {
    await account('rotation@chu-test.fr');
    const first = await signIn('rotation@chu-test.fr', PASSWORD);
    const oldCookie = `blouse_session=${cookieOf(first)?.value}`;
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'rotation@chu-test.fr', password: PASSWORD },
      headers: { cookie: oldCookie },
    });
    expect(again.statusCode).toBe(200);
    expect(cookieOf(again)?.value).not.toBe(cookieOf(first)?.value);
    const get = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect((await get(oldCookie)).statusCode).toBe(401);
    expect((await get(`blouse_session=${cookieOf(again)?.value}`)).statusCode).toBe(200);
    const sessions = (await t.storage.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(sessions).toContain(hashToken(String(cookieOf(again)?.value)));
    expect(sessions).not.toContain(hashToken(String(cookieOf(first)?.value)));
  });

  it('throttles the password change like sign-in: wrong current passwords lock the account, audited without passwords', async () => {
    const userId = await account('devine@chu-test.fr');
    const signed = await signIn('devine@chu-test.fr', PASSWORD);
    const headers = {
      cookie: `blouse_session=${cookieOf(signed)?.value}`,
      'x-csrf-token': signed.json().csrfToken,
    };
    const change = (current: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers,
        payload: { current, next: 'un tout nouveau mot de passe' },
      });
    for (let i = 1; i < THROTTLE.emailLimit; i += 1) {
      const wrong = await change(`essai numéro ${i}`);
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().code).toBe('mot_de_passe_actuel_incorrect');
    }
    const locking = await change('dernier essai');
    expect(locking.statusCode).toBe(423);
    expect(locking.json().code).toBe('compte_verrouille');
    expect(Number(locking.headers['retry-after'])).toBe(THROTTLE.lockMs / 1000);
    // Locked, even for the right current password, and at the sign-in page too.
    expect((await change(PASSWORD)).statusCode).toBe(423);
    expect((await signIn('devine@chu-test.fr', PASSWORD, '10.0.0.9')).statusCode).toBe(423);
    const failed = await audit('user.password_change_failed');
    expect(failed).toHaveLength(THROTTLE.emailLimit);
    expect(failed.every((f) => f.actor_id === userId && f.target_id === userId)).toBe(true);
    expect(JSON.parse(failed.at(-1)?.detail ?? '{}')).toEqual({ locked: true });
    const everything = (await t.storage.db.selectFrom('audit_log').select('detail').execute())
      .map((a) => a.detail)
      .join();
    expect(everything).not.toContain('essai');
    expect(everything).not.toContain(PASSWORD);

    // After the lock, the right password changes it; the change is audited (no password).
    t.clock.advance(THROTTLE.lockMs + 1);
    const relogged = await signIn('devine@chu-test.fr', PASSWORD, '10.0.0.9');
    const fresh = {
      cookie: `blouse_session=${cookieOf(relogged)?.value}`,
      'x-csrf-token': relogged.json().csrfToken,
    };
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: fresh,
      payload: { current: PASSWORD, next: 'un tout nouveau mot de passe' },
    });
    expect(ok.statusCode).toBe(204);
    const changed = await audit('user.password_change');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.detail).not.toContain('nouveau');
  });
});
