import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { hashPassword } from './passwords.js';

const PASSWORD = 'un mot de passe assez long';
const NOT_ADMIN = ['communication', 'community_manager', 'legal', 'agent'] as const;

describe.each(DIALECTS)(
  'administration of accounts: search, deactivation, password reset (%s)',
  (dialect) => {
    let t: TestApp;
    let eid: string;
    let admin: SignedIn;
    beforeEach(async () => {
      t = await createTestApp(dialect);
      eid = await t.establishment('CH de Valmont');
      admin = await t.user({ [eid]: 'admin' });
    });
    afterEach(() => t.close());

    const base = () => `/api/establishments/${eid}/users`;
    async function person(displayName: string, email: string, roles: Record<string, 'agent' | 'legal'> = {}) {
      const signed = await t.user(Object.keys(roles).length > 0 ? roles : { [eid]: 'agent' }, { email });
      await t.storage.db
        .updateTable('users')
        .set({ display_name: displayName, password_hash: await hashPassword(PASSWORD) })
        .where('id', '=', signed.userId)
        .execute();
      return signed;
    }
    const signIn = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
    const audit = (action: string) =>
      t.storage.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

    it('searches members by name or e-mail in SQL, any case, paged with the total', async () => {
      await person('Élodie Martin', 'emartin@chu-test.fr');
      await person('Marc Dupont', 'mdupont@chu-test.fr');
      await person('Martine Leroy', 'mleroy@chu-test.fr');
      await person('100% Paul_X', 'paul@chu-test.fr');
      const other = await t.establishment('Autre');
      await person('Marthe Ailleurs', 'marthe@autre.fr', { [other]: 'agent' });
      const search = async (query: string) =>
        (await t.as(admin, { method: 'GET', url: `${base()}${query}` })).json();

      const mar = await search('?q=MAR');
      expect(mar.total).toBe(3);
      expect(mar.items.map((m: { displayName: string }) => m.displayName).sort()).toEqual([
        'Marc Dupont',
        'Martine Leroy',
        'Élodie Martin',
      ]);
      expect((await search('?q=mdupont@')).items.map((m: { email: string }) => m.email)).toEqual([
        'mdupont@chu-test.fr',
      ]);
      // « % » and « _ » are what they look like, not wildcards.
      expect((await search('?q=100%25')).total).toBe(1);
      expect((await search('?q=a_l')).total).toBe(0);
      const page1 = await search('?q=mar&limit=2');
      const page2 = await search('?q=mar&limit=2&offset=2');
      expect(page1.items).toHaveLength(2);
      // The pages split the same ordered list: nobody twice, nobody missing.
      expect(page2.items).toHaveLength(1);
      expect([...page1.items, ...page2.items]).toEqual(mar.items);
      expect(page1.total).toBe(3);
      const everyone = await search('');
      expect(everyone.total).toBe(5);
      expect(JSON.stringify(everyone)).not.toContain('Ailleurs');
      for (const bad of ['?q=a%00', '?q=a%E2%80%AE', '?limit=0', '?limit=101', '?offset=-1', '?tri=nom']) {
        const response = await t.as(admin, { method: 'GET', url: `${base()}${bad}` });
        expect(response.statusCode, bad).toBe(400);
        expect(response.json().detail).toMatch(/Champ/);
      }
    });

    it('deactivates an account: no sign-in, sessions ended, still listed; reactivates it; both audited', async () => {
      const nurse = await person('Inès Garnier', 'ines@chu-test.fr');
      const open = await signIn('ines@chu-test.fr', PASSWORD);
      const openCookie = `blouse_session=${open.cookies.find((c) => c.name === 'blouse_session')?.value}`;
      const off = await t.as(admin, { method: 'POST', url: `${base()}/${nurse.userId}/disable` });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ id: nurse.userId, disabled: true });
      for (const cookie of [nurse.headers.cookie, openCookie]) {
        expect(
          (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode,
        ).toBe(401);
      }
      expect(
        await t.storage.db.selectFrom('sessions').select('id').where('user_id', '=', nurse.userId).execute(),
      ).toEqual([]);
      const refused = await signIn('ines@chu-test.fr', PASSWORD);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('identifiants_invalides');
      const listed = (await t.as(admin, { method: 'GET', url: `${base()}?q=ines` })).json();
      expect(listed.items).toEqual([expect.objectContaining({ id: nurse.userId, disabled: true })]);

      const on = await t.as(admin, { method: 'POST', url: `${base()}/${nurse.userId}/enable` });
      expect(on.json()).toMatchObject({ disabled: false });
      expect((await signIn('ines@chu-test.fr', PASSWORD)).statusCode).toBe(200);
      const [disable] = await audit('user.disable');
      expect(disable).toMatchObject({
        actor_id: admin.userId,
        target_id: nurse.userId,
        establishment_id: eid,
      });
      expect(JSON.parse(disable?.detail ?? '{}')).toEqual({ sessionsClosed: 2 });
      expect(await audit('user.enable')).toHaveLength(1);
    });

    it('refuses to deactivate or reset oneself, an account shared with another establishment, or a stranger', async () => {
      const other = await t.establishment('Autre CHU');
      const shared = await person('Double Appartenance', 'double@chu-test.fr', {
        [eid]: 'agent',
        [other]: 'legal',
      });
      const stranger = await person('Ailleurs', 'ailleurs@autre.fr', { [other]: 'agent' });
      for (const action of ['disable', 'password-reset']) {
        const self = await t.as(admin, { method: 'POST', url: `${base()}/${admin.userId}/${action}` });
        expect(self.statusCode).toBe(409);
        expect(self.json().code).toBe('action_sur_soi');
        const both = await t.as(admin, { method: 'POST', url: `${base()}/${shared.userId}/${action}` });
        expect(both.statusCode).toBe(409);
        expect(both.json().code).toBe('compte_partage');
        expect(
          (await t.as(admin, { method: 'POST', url: `${base()}/${stranger.userId}/${action}` })).statusCode,
        ).toBe(404);
      }
      const row = await t.storage.db
        .selectFrom('users')
        .select('disabled')
        .where('id', '=', shared.userId)
        .executeTakeFirst();
      expect(row?.disabled).toBe(0);
    });

    it('resets a password: shown once, opens only the password change, ends sessions, audited without it', async () => {
      const nurse = await person('Paul Henry', 'paul.henry@chu-test.fr');
      const reset = await t.as(admin, { method: 'POST', url: `${base()}/${nurse.userId}/password-reset` });
      expect(reset.statusCode).toBe(200);
      expect(reset.headers['cache-control']).toBe('no-store');
      const temporary: string = reset.json().temporaryPassword;
      expect(temporary).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/session',
            headers: { cookie: nurse.headers.cookie },
          })
        ).statusCode,
      ).toBe(401);
      expect((await signIn('paul.henry@chu-test.fr', PASSWORD)).statusCode).toBe(401);

      const signed = await signIn('paul.henry@chu-test.fr', temporary);
      expect(signed.statusCode).toBe(200);
      expect(signed.json().mustChangePassword).toBe(true);
      const headers = {
        cookie: `blouse_session=${signed.cookies.find((c) => c.name === 'blouse_session')?.value}`,
        'x-csrf-token': signed.json().csrfToken,
      };
      const blocked = await t.app.inject({ method: 'GET', url: '/api/establishments', headers });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('mot_de_passe_a_changer');
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/session', headers })).json().mustChangePassword,
      ).toBe(true);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers,
        payload: { current: temporary, next: 'mon propre mot de passe' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: '/api/establishments', headers })).statusCode).toBe(
        200,
      );
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/session', headers })).json().mustChangePassword,
      ).toBe(false);

      const entries = await audit('user.password_reset');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor_id: admin.userId, target_id: nurse.userId });
      const all = (await t.storage.db.selectFrom('audit_log').select('detail').execute())
        .map((a) => a.detail)
        .join();
      expect(all).not.toContain(temporary);
    });

    it('does not reset the password of an account that signs in through single sign-on', async () => {
      const sso = await person('Par Annuaire', 'sso@chu-test.fr');
      await t.storage.db
        .updateTable('users')
        .set({ password_hash: null, oidc_issuer: 'https://annuaire.chu-test.fr', oidc_subject: 's1' })
        .where('id', '=', sso.userId)
        .execute();
      const response = await t.as(admin, { method: 'POST', url: `${base()}/${sso.userId}/password-reset` });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('compte_sso');
    });

    it('gives 403 to every other role on every administration of accounts', async () => {
      const target = await person('Cible', 'cible@chu-test.fr');
      const routes: InjectOptions[] = [
        { method: 'GET', url: `${base()}?q=ci` },
        { method: 'POST', url: `${base()}/${target.userId}/disable` },
        { method: 'POST', url: `${base()}/${target.userId}/enable` },
        { method: 'POST', url: `${base()}/${target.userId}/password-reset` },
      ];
      for (const role of NOT_ADMIN) {
        const member = await t.user({ [eid]: role });
        for (const route of routes) {
          expect((await t.as(member, route)).statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        }
      }
      const row = await t.storage.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', target.userId)
        .executeTakeFirst();
      expect(row).toMatchObject({ disabled: 0, must_change_password: 0 });
    });

    it('refuses NUL, bidi overrides and controls in every account field and id: a French 400, never a 500', async () => {
      const target = await person('Cible', 'cible2@chu-test.fr');
      for (const bad of ['\u0000', '\u202E', '\u2067', '\u200B', '\u0007']) {
        const cases: [InjectOptions, string][] = [
          [
            {
              method: 'POST',
              url: base(),
              payload: { email: `a${bad}b@chu-test.fr`, displayName: 'X', role: 'agent' },
            },
            'email',
          ],
          [
            {
              method: 'POST',
              url: base(),
              payload: { email: 'ok@chu-test.fr', displayName: `Jean${bad}Dupont`, role: 'agent' },
            },
            'displayName',
          ],
          [
            {
              method: 'POST',
              url: base(),
              payload: {
                email: 'ok2@chu-test.fr',
                displayName: 'X',
                role: 'agent',
                password: `long mot de passe${bad}\u0000`,
              },
            },
            'password',
          ],
          [
            { method: 'PATCH', url: `${base()}/x${encodeURIComponent(bad)}`, payload: { role: 'agent' } },
            'userId',
          ],
          [{ method: 'POST', url: `${base()}/${target.userId}${encodeURIComponent(bad)}/disable` }, 'userId'],
          [{ method: 'POST', url: `${base()}/x${encodeURIComponent(bad)}/password-reset` }, 'userId'],
          [{ method: 'POST', url: '/api/groups', payload: { name: `GHT${bad}Sud` } }, 'name'],
          [
            { method: 'PUT', url: `/api/establishments/${eid}/group`, payload: { groupId: `g${bad}` } },
            'groupId',
          ],
          [
            {
              method: 'PUT',
              url: `/api/establishments/${eid}/guard-lists`,
              payload: { names: [`Dr${bad}Martin`] },
            },
            'names',
          ],
        ];
        for (const [options, field] of cases) {
          if (field === 'password' && bad !== '\u0000') continue;
          const response = await t.as(admin, options);
          expect(response.statusCode, `${field} U+${bad.codePointAt(0)?.toString(16)}`).toBe(400);
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(response.json().detail, field).toContain(`Champ « ${field}`);
        }
        const login = await t.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: `x${bad}@chu-test.fr`, password: 'p' },
        });
        expect(login.statusCode).toBe(400);
      }
      expect(
        await t.storage.db.selectFrom('users').select('email').where('email', 'like', 'ok%').execute(),
      ).toEqual([]);
    });
  },
);
