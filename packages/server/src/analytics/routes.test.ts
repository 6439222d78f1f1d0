import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolume } from '../bench/analytics-seed.js';
import type { Role } from '../db/schema.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { parisDay } from './paris-day.js';
import { refreshAnalytics } from './refresh.js';
import { insertTestMention } from './test-mention.js';

const ROLES: readonly Role[] = ['admin', 'direction', 'communication', 'legal', 'community_manager', 'agent'];
/** The test clock's day (TestClock starts on 2026-11-02 at 09:00 UTC). */
const FROM = '2026-09-01';
const TO = '2026-11-01';

describe.each(DIALECTS)('analytics routes on %s', (dialect) => {
  let t: TestApp;
  let a: string;
  let b: string;
  let outside: string;
  let group: string;
  const inA = {} as Record<Role, SignedIn>;
  let outsider: SignedIn;
  let directorOfBoth: SignedIn;
  let agentAdirectorB: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    group = randomUUID();
    await t.storage.db
      .insertInto('establishment_groups')
      .values({ id: group, name: 'GHT Test', created_at: t.clock.now().toISOString() })
      .execute();
    a = await t.establishment('CH Alpha');
    b = await t.establishment('CH Bêta');
    outside = await t.establishment('CH Ailleurs');
    await t.storage.db
      .updateTable('establishments')
      .set({ group_id: group })
      .where('id', 'in', [a, b])
      .execute();
    for (const role of ROLES) inA[role] = await t.user({ [a]: role });
    outsider = await t.user({ [outside]: 'admin' });
    directorOfBoth = await t.user({ [a]: 'direction', [b]: 'direction' });
    agentAdirectorB = await t.user({ [a]: 'agent', [b]: 'direction' });
    await t.storage.db
      .insertInto('watch_terms')
      .values({
        id: randomUUID(),
        establishment_id: a,
        kind: 'name',
        term: 'CH Alpha',
        folded: 'ch alpha',
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    await seedVolume(t.storage.db, {
      establishmentIds: [a, b],
      incidents: 200,
      mentions: 1_000,
      alerts: 20,
      publications: 10,
      from: new Date('2026-08-15T00:00:00.000Z'),
      to: new Date('2026-11-01T00:00:00.000Z'),
    });
    // A category that would run as a formula in a spreadsheet.
    const at = '2026-10-10T10:00:00.000Z';
    await insertTestMention(t.storage.db, {
      establishmentId: a,
      at,
      category: '=HYPERLINK("http://x";"y")',
      verdict: 'ok',
      source: 'rss',
    });
    await t.storage.db
      .insertInto('check_stats')
      .values([
        {
          establishment_id: a,
          day: '2026-10-05',
          context: 'staff',
          verdict: 'block',
          rule_id: '*',
          count: 4,
        },
        {
          establishment_id: a,
          day: '2026-10-05',
          context: 'staff',
          verdict: 'block',
          rule_id: 'SECRET-01',
          count: 4,
        },
      ])
      .execute();
    await refreshAnalytics(t.storage, t.clock.now());
  }, 60_000);
  afterAll(async () => t.close());

  const get = (user: SignedIn | null, url: string) => t.as(user, { method: 'GET', url });
  const range = `?from=${FROM}&to=${TO}`;
  const establishmentUrl = (id: string, tail = 'dashboard') =>
    `/api/establishments/${id}/analytics/${tail}${range}`;
  const groupUrl = (id: string, tail = 'dashboard') => `/api/groups/${id}/analytics/${tail}${range}`;

  it.each([
    ['admin', 200],
    ['direction', 200],
    ['communication', 200],
    ['legal', 200],
    ['community_manager', 403],
    ['agent', 403],
  ] as const)('establishment dashboard: %s gets %i', async (role, status) => {
    const response = await get(inA[role], establishmentUrl(a));
    expect(response.statusCode).toBe(status);
    if (status !== 200) return;
    const data = response.json();
    expect(data.scope).toMatchObject({
      kind: 'establishment',
      id: a,
      name: 'CH Alpha',
      excludedEstablishments: 0,
    });
    expect(data.range).toEqual({ from: FROM, to: TO, days: 62, timeZone: 'Europe/Paris' });
    if (role === 'legal') {
      expect(data.checks).toBeNull();
      expect(data.listening).toBeNull();
      expect(data.publishing).toBeNull();
      expect(data.training).toBeNull();
      expect(data.keyFigures.mentions).toBeNull();
    } else {
      expect(data.checks.checks).toBe(4);
      expect(data.listening.mentions).toBeGreaterThan(0);
      // Six members in CH Alpha (one per role), none has acknowledged or taken the quiz yet.
      expect(data.training).toMatchObject({ charterAcknowledgedPercent: 0, quizTakenPercent: 0 });
      expect(data.training.staff).toBeGreaterThanOrEqual(6);
    }
    expect(data.incidents.opened).toBeGreaterThan(0);
  });

  it('answers 404 to someone of another establishment and 401 to no one', async () => {
    expect((await get(outsider, establishmentUrl(a))).statusCode).toBe(404);
    expect((await get(outsider, establishmentUrl(a, 'export/incidents_by_severity.csv'))).statusCode).toBe(
      404,
    );
    expect((await get(null, establishmentUrl(a))).statusCode).toBe(401);
    expect((await get(null, groupUrl(group))).statusCode).toBe(401);
    expect((await get(null, '/api/analytics/groups')).statusCode).toBe(401);
  });

  it('counts what the write tables hold: incidents and mentions of the range, by Paris day', async () => {
    const data = (await get(inA.direction, establishmentUrl(a))).json();
    const incidents = await t.storage.db
      .selectFrom('incidents')
      .select('created_at')
      .where('establishment_id', '=', a)
      .execute();
    const opened = incidents.filter(
      (row) => parisDay(row.created_at) >= FROM && parisDay(row.created_at) <= TO,
    ).length;
    expect(data.keyFigures.incidents).toBe(opened);
    expect(data.incidents.daily.reduce((sum: number, day: { total: number }) => sum + day.total, 0)).toBe(
      opened,
    );
    expect(data.incidents.daily).toHaveLength(62);
    const mentions = await t.storage.db
      .selectFrom('mentions')
      .select('published_at')
      .where('establishment_id', '=', a)
      .execute();
    expect(data.keyFigures.mentions).toBe(
      mentions.filter((row) => parisDay(row.published_at) >= FROM && parisDay(row.published_at) <= TO).length,
    );
    const firstAction = data.incidents.responseTimes.filter(
      (row: { measure: string }) => row.measure === 'first_action',
    );
    expect(firstAction.find((row: { severity: string }) => row.severity === 'N0').targetMinutes).toBeNull();
    expect(firstAction.find((row: { severity: string }) => row.severity === 'N4').targetMinutes).toBe(120);
    expect(data.establishments).toHaveLength(1);
    expect(data.refreshedAt).toBe(t.clock.now().toISOString());
  });

  it.each([
    ['admin', 200],
    ['direction', 200],
    ['communication', 200],
    ['legal', 200],
    ['community_manager', 403],
    ['agent', 403],
  ] as const)('establishment CSV: %s gets %i', async (role, status) => {
    const response = await get(inA[role], establishmentUrl(a, 'export/incidents_by_severity.csv'));
    expect(response.statusCode).toBe(status);
    if (status !== 200) return;
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="blouse-incidents_by_severity-${FROM}-${TO}.csv"`,
    );
    const body = response.body;
    expect(body.startsWith('\uFEFFgravite;incidents\r\nN0;')).toBe(true);
    expect(body.split('\r\n')).toHaveLength(7);
  });

  it('keeps legal to the incidents’ tables', async () => {
    expect((await get(inA.legal, establishmentUrl(a, 'export/checks_by_verdict.csv'))).statusCode).toBe(403);
    expect((await get(inA.legal, establishmentUrl(a, 'export/mentions_by_category.csv'))).statusCode).toBe(
      403,
    );
    expect((await get(inA.legal, establishmentUrl(a, 'export/response_times.csv'))).statusCode).toBe(200);
    expect((await get(inA.legal, establishmentUrl(a, 'export/training.csv'))).statusCode).toBe(403);
  });

  it('exports a cell that would be a formula with a quote in front, quoted as RFC 4180 says', async () => {
    const response = await get(inA.communication, establishmentUrl(a, 'export/mentions_by_category.csv'));
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('"\'=HYPERLINK(""http://x"";""y"")";1\r\n');
  });

  it('exports every table', async () => {
    const files = (await import('./export-tables.js')).EXPORT_TABLES;
    for (const table of files) {
      const response = await get(inA.admin, establishmentUrl(a, `export/${table}.csv`));
      expect(response.statusCode, table).toBe(200);
      expect(response.body.startsWith('\uFEFF'), table).toBe(true);
    }
  });

  it.each([
    ['admin', 200],
    ['direction', 200],
    ['communication', 200],
    ['legal', 404],
    ['community_manager', 404],
    ['agent', 404],
  ] as const)(
    'group dashboard: %s of one establishment gets %i, over that establishment only',
    async (role, status) => {
      const response = await get(inA[role], groupUrl(group));
      expect(response.statusCode).toBe(status);
      if (status !== 200) return;
      const data = response.json();
      expect(data.scope).toMatchObject({
        kind: 'group',
        id: group,
        name: 'GHT Test',
        excludedEstablishments: 1,
      });
      expect(data.scope.establishments).toEqual([{ id: a, name: 'CH Alpha' }]);
      const own = (await get(inA[role], establishmentUrl(a))).json();
      expect(data.keyFigures).toEqual(own.keyFigures);
    },
  );

  it.each([
    ['admin', 200],
    ['direction', 200],
    ['communication', 200],
    ['legal', 404],
    ['community_manager', 404],
    ['agent', 404],
  ] as const)('group CSV: %s gets %i', async (role, status) => {
    const response = await get(inA[role], groupUrl(group, 'export/establishments.csv'));
    expect(response.statusCode).toBe(status);
    if (status === 200) expect(response.body).toContain('CH Alpha;');
  });

  it('rolls a group up over every establishment its director reads, and only those', async () => {
    const both = (await get(directorOfBoth, groupUrl(group))).json();
    expect(both.scope.establishments.map((e: { name: string }) => e.name)).toEqual(['CH Alpha', 'CH Bêta']);
    expect(both.scope.excludedEstablishments).toBe(0);
    const alpha = (await get(directorOfBoth, establishmentUrl(a))).json();
    const beta = (await get(directorOfBoth, establishmentUrl(b))).json();
    expect(both.keyFigures.incidents).toBe(alpha.keyFigures.incidents + beta.keyFigures.incidents);
    expect(both.establishments.map((e: { incidents: number }) => e.incidents)).toEqual([
      alpha.keyFigures.incidents,
      beta.keyFigures.incidents,
    ]);
    const onlyB = (await get(agentAdirectorB, groupUrl(group))).json();
    expect(onlyB.scope.establishments).toEqual([{ id: b, name: 'CH Bêta' }]);
    const csv = (await get(directorOfBoth, groupUrl(group, 'export/establishments.csv'))).body;
    expect(csv).toContain('CH Alpha;');
    expect(csv).toContain('CH Bêta;');
  });

  it('lists the groups a reader may open', async () => {
    const groups = (await get(directorOfBoth, '/api/analytics/groups')).json().groups;
    expect(groups).toEqual([
      {
        id: group,
        name: 'GHT Test',
        establishments: [
          { id: a, name: 'CH Alpha' },
          { id: b, name: 'CH Bêta' },
        ],
      },
    ]);
    expect((await get(inA.agent, '/api/analytics/groups')).json().groups).toEqual([]);
    expect((await get(outsider, '/api/analytics/groups')).json().groups).toEqual([]);
  });

  it('answers 404 for an unknown group and for a group its reader has no place in', async () => {
    expect((await get(directorOfBoth, groupUrl(randomUUID()))).statusCode).toBe(404);
    expect((await get(outsider, groupUrl(group))).statusCode).toBe(404);
    expect((await get(outsider, groupUrl(group, 'export/key_figures.csv'))).statusCode).toBe(404);
  });

  it.each([
    ['from after to', '?from=2026-10-02&to=2026-10-01', 'periode_invalide'],
    ['more than 400 days', '?from=2025-01-01&to=2026-10-01', 'periode_trop_longue'],
    ['a day that does not exist', '?from=2026-02-30&to=2026-03-01', undefined],
    ['not a date', '?from=hier', undefined],
    ['a month 13', '?to=2026-13-01', undefined],
  ])('refuses %s with 400', async (_label, query, code) => {
    for (const url of [
      `/api/establishments/${a}/analytics/dashboard${query}`,
      `/api/groups/${group}/analytics/dashboard${query}`,
    ]) {
      const response = await get(directorOfBoth, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (code !== undefined) expect(response.json().code).toBe(code);
    }
  });

  it('refuses a table that is not on the list', async () => {
    for (const file of ['incidents.csv', 'incidents_by_severity.xlsx', '..%2F..%2Fetc%2Fpasswd']) {
      const response = await get(inA.admin, `/api/establishments/${a}/analytics/export/${file}`);
      expect(response.statusCode, file).toBe(400);
    }
  });

  it('defaults to the last 30 days, today included', async () => {
    const data = (await get(inA.admin, `/api/establishments/${a}/analytics/dashboard`)).json();
    expect(data.range).toEqual({ from: '2026-10-04', to: '2026-11-02', days: 30, timeZone: 'Europe/Paris' });
  });

  it('has no listening section for an establishment without listening', async () => {
    const admin = await t.user({ [outside]: 'admin' });
    const data = (await get(admin, `/api/establishments/${outside}/analytics/dashboard`)).json();
    expect(data.listening).toBeNull();
    expect(data.publishing).toBeNull();
    expect(data.keyFigures).toMatchObject({
      incidents: 0,
      withinTargetPercent: null,
      overdue: 0,
      mentions: null,
      posts: null,
    });
    const csv = (await get(admin, `/api/establishments/${outside}/analytics/export/mentions_by_category.csv`))
      .body;
    expect(csv).toBe('\uFEFFcategorie;mentions\r\n');
  });
});
