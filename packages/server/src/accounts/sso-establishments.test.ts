import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';

/*
 * The login page lists the establishments whose directory can sign people in. It has no session
 * yet, so the route is public: it must give names and ids only, never the provider's settings.
 */
describe.each(DIALECTS)('establishments offering single sign-on (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(() => t.close());

  it('lists, without a session, only the establishments with a provider switched on, by name', async () => {
    const valmont = await t.establishment('CH de Valmont');
    await t.establishment('Clinique sans annuaire');
    const arbres = await t.establishment('Hôpital des Arbres');
    const empty = await t.app.inject({ method: 'GET', url: '/api/sso/establishments' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual([]);

    // Inserted as saved: saving through the API would first try a real provider (sso.test.ts).
    const closed = await t.establishment('Annuaire éteint');
    for (const eid of [valmont, arbres, closed]) {
      await t.storage.db
        .insertInto('oidc_providers')
        .values({
          establishment_id: eid,
          issuer: 'https://annuaire.chu-test.fr',
          client_id: 'blouse',
          client_secret: 'secret-tres-confidentiel',
          default_role: 'agent',
          created_at: t.clock.now().toISOString(),
          enabled: eid === closed ? 0 : 1,
        })
        .execute();
    }

    const response = await t.app.inject({ method: 'GET', url: '/api/sso/establishments' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { establishmentId: valmont, name: 'CH de Valmont' },
      { establishmentId: arbres, name: 'Hôpital des Arbres' },
    ]);
    // Nothing of the provider leaks to an anonymous caller.
    expect(response.body).not.toContain('annuaire.chu-test.fr');
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('blouse');
  });
});
