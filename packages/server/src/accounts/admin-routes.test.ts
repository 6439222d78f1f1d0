import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';

const OTHER_ROLES: readonly Role[] = ['communication', 'community_manager', 'legal', 'agent'];

describe.each(DIALECTS)('establishments, users and roles (%s)', (dialect) => {
  let t: TestApp;
  let eid: string;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('CH de Valmont');
    admin = await t.user({ [eid]: 'admin' });
  });
  afterEach(() => t.close());

  const auditActions = async () =>
    (await t.storage.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('seq').execute()).map(
      (r) => `${r.action}:${r.actor_id}`,
    );

  it('lists the user’s establishments with their role, never the others', async () => {
    const second = await t.establishment('Clinique B');
    await t.establishment('Invisible');
    const user = await t.user({ [eid]: 'legal', [second]: 'agent' });
    const response = await t.as(user, { method: 'GET', url: '/api/establishments' });
    expect(response.json()).toEqual([
      { id: eid, name: 'CH de Valmont', role: 'legal', groupId: null },
      { id: second, name: 'Clinique B', role: 'agent', groupId: null },
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/establishments' })).statusCode).toBe(401);
  });

  it('lets only admin and communication read the guard lists (they name staff)', async () => {
    const url = `/api/establishments/${eid}/guard-lists`;
    const lists = { names: ['CHU de Valmont'], consentingStaff: ['Pr Hélène Morvan'] };
    expect((await t.as(admin, { method: 'PUT', url, payload: lists })).statusCode).toBe(200);
    for (const role of ['admin', 'communication'] as Role[]) {
      const got = await t.as(await t.user({ [eid]: role }), { method: 'GET', url });
      expect(got.statusCode, role).toBe(200);
      expect(got.json().consentingStaff).toEqual(['Pr Hélène Morvan']);
    }
    for (const role of ['community_manager', 'legal', 'agent'] as Role[]) {
      const got = await t.as(await t.user({ [eid]: role }), { method: 'GET', url });
      expect(got.statusCode, role).toBe(403);
      expect(got.body).not.toContain('Morvan');
    }
    const outsider = await t.user({ [await t.establishment('Autre')]: 'admin' });
    const hidden = await t.as(outsider, { method: 'GET', url });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Morvan');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('reads guard lists for admin and communication, replaces them for the admin only, verbatim and bounded', async () => {
    const url = `/api/establishments/${eid}/guard-lists`;
    const lists = {
      names: ['CHU de Valmont', 'CHUV', 'CHUV'],
      services: ['maternité Sainte-Anne'],
      consentingStaff: ["Pr Hélène Morvan'; drop table users; --"],
      publicFigures: ['<script>alert(1)</script>'],
    };
    const put = await t.as(admin, { method: 'PUT', url, payload: lists });
    expect(put.statusCode).toBe(200);
    expect(put.json().names).toEqual(['CHU de Valmont', 'CHUV']);
    for (const role of ['admin', ...OTHER_ROLES] as Role[]) {
      const member = await t.user({ [eid]: role });
      const got = await t.as(member, { method: 'GET', url });
      if (role !== 'admin' && role !== 'communication') {
        expect(got.statusCode).toBe(403);
        expect((await t.as(member, { method: 'PUT', url, payload: lists })).statusCode).toBe(403);
        continue;
      }
      expect(got.statusCode).toBe(200);
      expect(got.json().consentingStaff).toEqual(["Pr Hélène Morvan'; drop table users; --"]);
      expect(got.json().publicFigures).toEqual(['<script>alert(1)</script>']);
      if (role !== 'admin')
        expect((await t.as(member, { method: 'PUT', url, payload: lists })).statusCode).toBe(403);
    }
    for (const bad of [
      { names: 'pas une liste' },
      { names: ['x'.repeat(201)] },
      { names: Array.from({ length: 501 }, (_, i) => `n${i}`) },
      { names: [''] },
      { autre: ['x'] },
      { names: [42] },
    ]) {
      expect(
        (await t.as(admin, { method: 'PUT', url, payload: bad })).statusCode,
        JSON.stringify(bad).slice(0, 80),
      ).toBe(400);
    }
    expect((await t.as(admin, { method: 'GET', url })).json().names).toEqual(['CHU de Valmont', 'CHUV']);
    expect(await auditActions()).toEqual([`establishment.guard_lists_update:${admin.userId}`]);
  });

  it('creates users (with a password or SSO-only), changes roles and removes them, all audited', async () => {
    const base = `/api/establishments/${eid}/users`;
    const created = await t.as(admin, {
      method: 'POST',
      url: base,
      payload: {
        email: 'Nouvelle@CHU-test.fr',
        displayName: '<b>Nouvelle</b>',
        role: 'legal',
        password: 'un mot de passe solide',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: 'nouvelle@chu-test.fr',
      displayName: '<b>Nouvelle</b>',
      role: 'legal',
      hasPassword: true,
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nouvelle@chu-test.fr', password: 'un mot de passe solide' },
    });
    expect(login.statusCode).toBe(200);
    const sso = await t.as(admin, {
      method: 'POST',
      url: base,
      payload: { email: 'sso@chu-test.fr', displayName: 'SSO', role: 'agent' },
    });
    expect(sso.json().hasPassword).toBe(false);

    const id = created.json().id;
    const patched = await t.as(admin, {
      method: 'PATCH',
      url: `${base}/${id}`,
      payload: { role: 'communication' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().role).toBe('communication');
    const list = await t.as(admin, { method: 'GET', url: base });
    expect(
      list
        .json()
        .items.map((u: { email: string; role: string }) => [u.email, u.role])
        .sort(),
    ).toEqual(
      [
        [admin.email, 'admin'],
        ['nouvelle@chu-test.fr', 'communication'],
        ['sso@chu-test.fr', 'agent'],
      ].sort(),
    );
    expect(list.body).not.toContain('argon2');

    expect((await t.as(admin, { method: 'DELETE', url: `${base}/${id}` })).statusCode).toBe(204);
    // No establishment left: the session opened above is closed.
    const token = login.cookies.find((c) => c.name === 'blouse_session')?.value;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/session',
          headers: { cookie: `blouse_session=${token}` },
        })
      ).statusCode,
    ).toBe(401);
    expect((await t.as(admin, { method: 'DELETE', url: `${base}/${id}` })).statusCode).toBe(404);
    expect(await auditActions()).toEqual([
      `user.create:${admin.userId}`,
      `session.login:${id}`,
      `user.create:${admin.userId}`,
      `user.role_change:${admin.userId}`,
      `user.remove:${admin.userId}`,
    ]);
  });

  it('refuses bad user input and duplicates, storing nothing', async () => {
    const url = `/api/establishments/${eid}/users`;
    const post = (payload: Record<string, unknown>) => t.as(admin, { method: 'POST', url, payload });
    const ok = { email: 'a@chu-test.fr', displayName: 'A', role: 'agent' };
    expect((await post({ ...ok, email: 'pas-une-adresse' })).statusCode).toBe(400);
    expect((await post({ ...ok, role: 'root' })).statusCode).toBe(400);
    expect((await post({ ...ok, displayName: 'x'.repeat(121) })).statusCode).toBe(400);
    expect((await post({ ...ok, displayName: 42 })).statusCode).toBe(400);
    expect((await post({ ...ok, password: 'court' })).statusCode).toBe(422);
    expect((await post({ ...ok, password: 'a@chu-test.fr' })).json().code).toBe('mot_de_passe_trop_faible');
    expect((await post({ ...ok, extra: true })).statusCode).toBe(400);
    expect(
      await t.storage.db.selectFrom('users').select('id').where('email', '=', 'a@chu-test.fr').execute(),
    ).toEqual([]);
    expect((await post(ok)).statusCode).toBe(201);
    expect((await post({ ...ok, email: 'A@chu-test.fr' })).statusCode).toBe(409);
  });

  it('keeps at least one admin', async () => {
    const base = `/api/establishments/${eid}/users`;
    const demote = await t.as(admin, {
      method: 'PATCH',
      url: `${base}/${admin.userId}`,
      payload: { role: 'agent' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('dernier_administrateur');
    expect((await t.as(admin, { method: 'DELETE', url: `${base}/${admin.userId}` })).statusCode).toBe(409);
    const second = await t.user({ [eid]: 'admin' });
    expect(
      (await t.as(admin, { method: 'PATCH', url: `${base}/${second.userId}`, payload: { role: 'agent' } }))
        .statusCode,
    ).toBe(200);
    expect((await t.as(admin, { method: 'DELETE', url: `${base}/${admin.userId}` })).statusCode).toBe(409);
    await t.as(admin, { method: 'PATCH', url: `${base}/${second.userId}`, payload: { role: 'admin' } });
    expect((await t.as(admin, { method: 'DELETE', url: `${base}/${admin.userId}` })).statusCode).toBe(204);
  });

  it('allows every admin route to the admin, 403 to every other role, 404 to another establishment’s admin', async () => {
    const target = await t.user({ [eid]: 'agent' });
    const other = await t.establishment('Autre CHU');
    const otherAdmin = await t.user({ [other]: 'admin' });
    const group = (
      await t.as(admin, { method: 'POST', url: '/api/groups', payload: { name: 'GHT Sud' } })
    ).json();
    const base = `/api/establishments/${eid}`;
    const routes: (() => InjectOptions)[] = [
      () => ({ method: 'GET', url: `${base}/users` }),
      () => ({
        method: 'POST',
        url: `${base}/users`,
        payload: { email: `n${Math.random()}@chu-test.fr`, displayName: 'N', role: 'agent' },
      }),
      () => ({ method: 'PATCH', url: `${base}/users/${target.userId}`, payload: { role: 'agent' } }),
      () => ({ method: 'PUT', url: `${base}/guard-lists`, payload: { names: ['CH'] } }),
      () => ({ method: 'PUT', url: `${base}/group`, payload: { groupId: group.id } }),
      () => ({ method: 'DELETE', url: `${base}/users/${target.userId}` }),
    ];
    for (const role of OTHER_ROLES) {
      const member = await t.user({ [eid]: role });
      for (const route of routes) {
        const options = route();
        expect((await t.as(member, options)).statusCode, `${role} ${options.method} ${options.url}`).toBe(
          403,
        );
      }
    }
    for (const route of routes) {
      const options = route();
      const cross = await t.as(otherAdmin, options);
      expect(cross.statusCode, `other admin ${options.method} ${options.url}`).toBe(404);
    }
    for (const route of routes) {
      const options = route();
      const response = await t.as(admin, options);
      expect(response.statusCode, `admin ${options.method} ${options.url}: ${response.body}`).toBeLessThan(
        300,
      );
    }
    // An admin of another establishment cannot act on a user of this one through their own URL.
    const stranger = await t.user({ [eid]: 'agent' });
    const sideways = await t.as(otherAdmin, {
      method: 'PATCH',
      url: `/api/establishments/${other}/users/${stranger.userId}`,
      payload: { role: 'admin' },
    });
    expect(sideways.statusCode).toBe(404);
    expect(
      (
        await t.as(otherAdmin, {
          method: 'DELETE',
          url: `/api/establishments/${other}/users/${stranger.userId}`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('creates groups and attaches only to groups the admin can vouch for', async () => {
    const agent = await t.user({ [eid]: 'agent' });
    expect(
      (await t.as(agent, { method: 'POST', url: '/api/groups', payload: { name: 'GHT' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/groups', payload: { name: 'GHT' } })).statusCode,
    ).toBe(401);
    expect(
      (await t.as(admin, { method: 'POST', url: '/api/groups', payload: { name: '' } })).statusCode,
    ).toBe(400);
    const group = (
      await t.as(admin, { method: 'POST', url: '/api/groups', payload: { name: 'GHT Sud' } })
    ).json();
    const set = await t.as(admin, {
      method: 'PUT',
      url: `/api/establishments/${eid}/group`,
      payload: { groupId: group.id },
    });
    expect(set.json()).toEqual({ establishmentId: eid, groupId: group.id });
    // Another admin cannot join a group that holds establishments they do not administer.
    const other = await t.establishment('Autre');
    const otherAdmin = await t.user({ [other]: 'admin' });
    const join = await t.as(otherAdmin, {
      method: 'PUT',
      url: `/api/establishments/${other}/group`,
      payload: { groupId: group.id },
    });
    expect(join.statusCode).toBe(404);
    expect(
      (
        await t.as(admin, {
          method: 'PUT',
          url: `/api/establishments/${eid}/group`,
          payload: { groupId: 'inconnu' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.as(admin, {
          method: 'PUT',
          url: `/api/establishments/${eid}/group`,
          payload: { groupId: null },
        })
      ).json().groupId,
    ).toBeNull();
    const actions = await auditActions();
    expect(actions).toContain(`group.create:${admin.userId}`);
    expect(actions.filter((a) => a.startsWith('establishment.group_set'))).toHaveLength(2);
  });
});
