import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';

/**
 * The « direction » role came after most routes were written (issue 14): every route names the
 * roles it lets in, so the direction should be refused everywhere it was not added on purpose.
 * This pins what it reads, route by route: a GET of the establishment's API answers it 403
 * unless the path is one of these. (Writes validate their body before the role is checked, so
 * a sample request says nothing about them; their routes' own tests cover them.)
 */
const DIRECTION_READS: readonly RegExp[] = [
  // Its dashboards and monthly reports, and its own training space (the rates per service are
  // the admin's and the communication's; the direction reads them summed on the dashboard).
  /^\/analytics\//,
  /^\/training\/(charter|me)(\/|$)/,
  // What every member reads: the reports they sent themselves, their own notifications.
  /^\/reports\/mine$/,
  /^\/notifications/,
];

/** GETs with a required query, answered 400 to a bare GET: checked below with a whole query. */
const UNREACHED_BY_A_BARE_GET: readonly string[] = ['/publishing/calendar'];

describe.each(DIALECTS)('what the direction role may read, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('is refused every GET of the establishment’s API but its dashboards, reports and training', async () => {
    const establishment = await t.establishment('CH A');
    const director = await t.user({ [establishment]: 'direction' });
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const prefix = '/api/establishments/{establishmentId}';
    const seen: string[] = [];
    const unreached: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith(prefix) || !('get' in operations)) continue;
      const rest = path.slice(prefix.length);
      const url = `/api/establishments/${establishment}${rest}`.replace(
        /\{[^}]+\}/g,
        '00000000-0000-4000-8000-000000000000',
      );
      const response = await t.as(director, { method: 'GET', url });
      const allowed = DIRECTION_READS.some((pattern) => pattern.test(rest));
      seen.push(`${rest} ${response.statusCode}`);
      if (allowed) {
        expect(response.statusCode, `GET ${rest}`).not.toBe(403);
        continue;
      }
      // A GET whose query has required fields answers 400 before its handler checks the role.
      if (response.statusCode === 400) unreached.push(rest);
      else expect(response.statusCode, `GET ${rest}`).toBe(403);
    }
    expect(seen.length).toBeGreaterThan(20);
    expect(unreached).toEqual(UNREACHED_BY_A_BARE_GET);
    const calendar = await t.as(director, {
      method: 'GET',
      url: `/api/establishments/${establishment}/publishing/calendar?from=2026-11-01&to=2026-11-30`,
    });
    expect(calendar.statusCode).toBe(403);
  });
});
