import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';

describe.each(DIALECTS)('the application on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('answers its health check', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document and its page at /api/docs', async () => {
    const document = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(document.statusCode).toBe(200);
    expect(document.json().openapi).toMatch(/^3\./);
    expect(Object.keys(document.json().paths)).toContain('/api/health');
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown route with a French problem+json 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nulle-part' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'introuvable', title: 'Introuvable' });
  });

  it('refuses a write carrying a session cookie but no CSRF token', async () => {
    const establishment = await t.establishment();
    const user = await t.user({ [establishment]: 'agent' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { cookie: user.headers.cookie as string },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf');
  });
});

describe.each(DIALECTS)('establishment isolation on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** Every route of the OpenAPI document that belongs to an establishment, with sample ids. */
  async function tenantRoutes(establishmentId: string): Promise<{ method: string; url: string }[]> {
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes: { method: string; url: string }[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/establishments/{establishmentId}')) continue;
      const url = path
        .replace('{establishmentId}', establishmentId)
        .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const method of Object.keys(operations)) routes.push({ method: method.toUpperCase(), url });
    }
    return routes;
  }

  it('answers 401 without a session and 404 to members of another establishment, on every route, whatever the body', async () => {
    const mine = await t.establishment('CH A');
    const theirs = await t.establishment('CH B');
    const outsider = await t.user({ [theirs]: 'admin' });
    const routes = await tenantRoutes(mine);
    for (const route of routes) {
      const anonymous = await t.app.inject({
        method: route.method as 'GET',
        url: route.url,
        payload: { x: 1 },
      });
      expect(anonymous.statusCode, `${route.method} ${route.url} without a session`).toBe(401);
      const cross = await t.as(outsider, {
        method: route.method as 'GET',
        url: route.url,
        payload: { x: 1 },
      });
      expect(cross.statusCode, `${route.method} ${route.url} from another establishment`).toBe(404);
      expect(cross.json().code).toBe('introuvable');
    }
  });
});

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('ends a session left idle for two hours, and keeps an active one alive', async () => {
    const establishment = await t.establishment();
    const idle = await t.user({ [establishment]: 'agent' });
    const active = await t.user({ [establishment]: 'agent' });
    const ask = (user: typeof idle) =>
      t.as(user, { method: 'GET', url: `/api/establishments/${establishment}/reports/mine` });
    for (let hour = 0; hour < 3; hour++) {
      t.clock.advance(60 * 60_000);
      expect((await ask(active)).statusCode, `active user, hour ${hour + 1}`).toBe(200);
    }
    expect((await ask(idle)).statusCode).toBe(401);
  });

  it('refuses a CSRF token that is empty, short or too long', async () => {
    const establishment = await t.establishment();
    const user = await t.user({ [establishment]: 'agent' });
    const url = `/api/establishments/${establishment}/checks`;
    const payload = { text: 'Bonjour', context: 'staff' };
    for (const token of ['x', `${user.headers['x-csrf-token']}x`, '']) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { cookie: user.headers.cookie as string, 'x-csrf-token': token },
      });
      expect(response.statusCode, `token « ${token} »`).toBe(403);
    }
    const good = await t.as(user, { method: 'POST', url, payload });
    expect(good.statusCode).toBe(200);
  });
});
