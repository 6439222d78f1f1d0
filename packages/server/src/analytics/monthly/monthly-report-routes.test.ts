import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolume } from '../../bench/analytics-seed.js';
import type { Role } from '../../db/schema.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';

const ROLES: readonly Role[] = ['admin', 'direction', 'communication', 'legal', 'community_manager', 'agent'];
const READERS: readonly Role[] = ['admin', 'direction', 'communication'];
const dir = mkdtempSync(join(tmpdir(), 'blouse-monthly-routes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(bytes: Buffer): string {
  const file = join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\u202f|\u00a0/g, ' ');
}

// The test clock: Monday 2 November 2026, 09:00 UTC. October's report was due at 07:00 Paris.
describe.each(DIALECTS)('monthly report routes on %s', (dialect) => {
  let t: TestApp;
  let a: string;
  let b: string;
  let group: string;
  const inA = {} as Record<Role, SignedIn>;
  let outsider: SignedIn;
  let directorOfBoth: SignedIn;
  let directorOfB: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    group = randomUUID();
    await t.storage.db
      .insertInto('establishment_groups')
      .values({ id: group, name: 'GHT Rapport', created_at: t.clock.now().toISOString() })
      .execute();
    a = await t.establishment('CH Alpha');
    b = await t.establishment('CH Bêta');
    const outside = await t.establishment('CH Ailleurs');
    await t.storage.db
      .updateTable('establishments')
      .set({ group_id: group })
      .where('id', 'in', [a, b])
      .execute();
    for (const role of ROLES) inA[role] = await t.user({ [a]: role });
    outsider = await t.user({ [outside]: 'admin' });
    directorOfBoth = await t.user({ [a]: 'direction', [b]: 'direction' });
    directorOfB = await t.user({ [a]: 'agent', [b]: 'direction' });
    await seedVolume(t.storage.db, {
      establishmentIds: [a, b],
      incidents: 120,
      mentions: 400,
      alerts: 10,
      publications: 6,
      from: new Date('2026-10-01T00:00:00.000Z'),
      to: new Date('2026-10-31T20:00:00.000Z'),
    });
  }, 60_000);
  afterAll(() => t.close());

  const get = (user: SignedIn | null, url: string) => t.as(user, { method: 'GET', url });
  const base = () => `/api/establishments/${a}/analytics/monthly-reports`;

  it('lets admin, direction and communication read the list and the PDF; refuses the others', async () => {
    for (const role of ROLES) {
      const list = await get(inA[role], base());
      const file = await get(inA[role], `${base()}/2026-10.pdf`);
      const expected = READERS.includes(role) ? 200 : 403;
      expect([role, list.statusCode, file.statusCode]).toEqual([role, expected, expected]);
      if (expected === 403) expect(file.json().detail).toContain('réservé à la direction');
    }
    expect((await get(outsider, base())).statusCode).toBe(404);
    expect((await get(outsider, `${base()}/2026-10.pdf`)).statusCode).toBe(404);
    expect((await get(null, `${base()}/2026-10.pdf`)).statusCode).toBe(401);
    expect(
      (await get(inA.agent, `/api/groups/${group}/analytics/monthly-reports/2026-10.pdf`)).statusCode,
    ).toBe(404);
    expect((await get(outsider, `/api/groups/${group}/analytics/monthly-reports`)).statusCode).toBe(404);
    expect(
      (await get(directorOfBoth, `/api/groups/${randomUUID()}/analytics/monthly-reports`)).statusCode,
    ).toBe(404);
  });

  it('refuses months that are malformed, before Blouse or still to come, in French', async () => {
    const cases: [string, number, string][] = [
      ['2026-13.pdf', 422, 'mois_invalide'],
      ['2023-12.pdf', 422, 'mois_trop_ancien'],
      ['2026-12.pdf', 422, 'mois_a_venir'],
      ['2026-1.pdf', 400, ''],
      ['..%2F..%2Fetc.pdf', 400, ''],
      ['2026-10.csv', 400, ''],
    ];
    for (const [file, status, code] of cases) {
      const response = await get(inA.direction, `${base()}/${file}`);
      expect([file, response.statusCode]).toEqual([file, status]);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (code !== '') expect(response.json().code).toBe(code);
    }
  });

  it('archives a finished month on first demand and serves the same bytes after', async () => {
    const first = await get(inA.direction, `${base()}/2026-09.pdf`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(
      'attachment; filename="rapport-mensuel-2026-09-ch-alpha.pdf"',
    );
    expect(first.headers['x-blouse-report']).toBe('archive');
    const again = await get(inA.communication, `${base()}/2026-09.pdf`);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    const list = (await get(inA.admin, base())).json();
    expect(list.months[0]).toEqual({ month: '2026-11', provisional: true, archived: false, emailedAt: null });
    expect(list.months).toHaveLength(13);
    expect(list.months.find((row: { month: string }) => row.month === '2026-09')).toMatchObject({
      archived: true,
    });
  });

  it('builds the current month on demand, provisional and not archived', async () => {
    const response = await get(inA.direction, `${base()}/2026-11.pdf`);
    expect(response.headers['x-blouse-report']).toBe('provisoire');
    const archived = await t.storage.db
      .selectFrom('monthly_reports')
      .select('month')
      .where('scope_id', '=', a)
      .where('month', '=', '2026-11')
      .execute();
    expect(archived).toEqual([]);
    if (existsSync('/usr/bin/pdftotext'))
      expect(pdfText(response.rawPayload)).toContain('chiffres provisoires');
  });

  it.runIf(existsSync('/usr/bin/pdftotext'))(
    'prints the month’s counts, the same as the dashboard’s',
    async () => {
      const response = await get(inA.direction, `${base()}/2026-10.pdf`);
      const dashboard = (
        await get(inA.direction, `/api/establishments/${a}/analytics/dashboard?from=2026-10-01&to=2026-10-31`)
      ).json();
      const text = pdfText(response.rawPayload);
      expect(text).toContain('Rapport mensuel — octobre 2026');
      expect(text).toContain('CH Alpha');
      expect(dashboard.keyFigures.incidents).toBeGreaterThan(0);
      expect(text).toMatch(new RegExp(`Chiffres clés\\s+${dashboard.keyFigures.incidents}\\s`));
      expect(text).toContain('Incidents marquants du mois');
      expect(text).not.toContain('CH Bêta');
    },
  );

  it('gives a group’s director of every establishment the archive, and another director their part only', async () => {
    const groupBase = `/api/groups/${group}/analytics/monthly-reports`;
    const whole = await get(directorOfBoth, `${groupBase}/2026-10.pdf`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['x-blouse-report']).toBe('archive');
    const part = await get(directorOfB, `${groupBase}/2026-10.pdf`);
    expect(part.statusCode).toBe(200);
    expect(part.headers['x-blouse-report']).toBe('vue-partielle');
    const partList = (await get(directorOfB, groupBase)).json();
    expect(partList.whole).toBe(false);
    expect(partList.months.every((row: { archived: boolean }) => !row.archived)).toBe(true);
    expect((await get(directorOfBoth, groupBase)).json().whole).toBe(true);
    if (existsSync('/usr/bin/pdftotext')) {
      const wholeText = pdfText(whole.rawPayload);
      expect(wholeText).toContain('Établissements comptés : CH Alpha, CH Bêta.');
      const partText = pdfText(part.rawPayload);
      expect(partText).toContain('Établissements comptés : CH Bêta.');
      expect(partText).toContain('1 établissement(s) du groupement ne sont pas comptés ici.');
    }
  });
});
