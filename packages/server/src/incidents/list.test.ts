import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Severity } from '../db/schema.js';
import { inUnit } from '../http/context.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { encodeCursor } from './list-cursor.js';
import { listKeysOf } from './list-keys.js';
import { openIncidentForReport } from './open-incident.js';
import type { IncidentRow } from './repository.js';

const THREAT =
  'L’infirmière Sophie Martin habite au 12 rue des Lilas à Valmont, on va aller lui faire payer, elle va le regretter';
const RUMOUR = 'Épidémie de GRIPPE à l’hôpital : la maternité va fermer, ils nous cachent tout';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CROWD = 1_200;

interface Item {
  id: string;
  reference: string;
  createdAt: string;
  severity: Severity | null;
  proposedSeverity: Severity;
  nextDueAt: string | null;
  overdue: boolean;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
  total: number;
}

describe.each(DIALECTS)('the desk’s list, page by page, on %s', (dialect) => {
  let t: TestApp;
  let eid: string;
  let comm: SignedIn;
  let threatId: string;
  let rumourId: string;
  const start = new Date('2026-10-01T09:00:00.000Z');

  /** A report and its incident, opened the way the reports module opens them. */
  function open(excerpt: string, network: string) {
    return inUnit(t.context, async (unit) => {
      const reportId = randomUUID();
      const url = `https://social.example/p/${reportId}`;
      await unit.trx
        .insertInto('reports')
        .values({
          id: reportId,
          establishment_id: eid,
          reporter_id: null,
          follow_up_hash: null,
          url,
          network,
          excerpt,
          seen_where: '',
          note: '',
          first_published_at: null,
          created_at: unit.now.toISOString(),
        })
        .execute();
      return openIncidentForReport(unit, {
        establishmentId: eid,
        reportId,
        url,
        network,
        excerpt,
        firstPublishedAt: null,
      });
    });
  }

  /**
   * The crowd that came after the threat, written in bulk (opening 1,200 incidents through the
   * guard would only slow the test) with the list keys the service computes. Three share each
   * creation instant, so that only the id orders them; none has a deadline passed yet.
   */
  async function crowd(count: number, newest: Date) {
    const severities: Severity[] = ['N0', 'N1', 'N2', 'N3'];
    const rows: IncidentRow[] = [];
    for (let i = 0; i < count; i++) {
      const at = new Date(newest.getTime() - Math.floor(i / 3) * 1_000).toISOString();
      const id = randomUUID();
      const row: IncidentRow = {
        id,
        establishment_id: eid,
        report_id: null,
        reference: `INC-2026-B${String(i).padStart(5, '0')}`,
        title: 'Plainte ou critique — Facebook',
        status: 'new',
        proposed_severity: severities[i % 4] as Severity,
        severity: null,
        proposed_category: 'complaint',
        category: null,
        guard_findings: '{}',
        decisions: '[]',
        owner_id: null,
        first_published_at: null,
        breach_aware_at: null,
        created_at: at,
        updated_at: at,
        version: 1,
        next_due_at: null,
        search_text: '',
      };
      rows.push({ ...row, ...listKeysOf(row, [], null) });
    }
    for (let i = 0; i < rows.length; i += 100) {
      await t.storage.db
        .insertInto('incidents')
        .values(rows.slice(i, i + 100))
        .execute();
    }
  }

  const list = async (query: string): Promise<Page> => {
    const res = await t.as(comm, { method: 'GET', url: `/api/establishments/${eid}/incidents?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  async function walk(query: string): Promise<{ items: Item[]; pages: number; total: number }> {
    const items: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let total = 0;
    do {
      const page: Page = await list(
        cursor === null ? query : `${query}&cursor=${encodeURIComponent(cursor)}`,
      );
      items.push(...page.items);
      total = page.total;
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    return { items, pages, total };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('CHU de Valmont');
    comm = await t.user({ [eid]: 'communication' });
    t.clock.set(start);
    threatId = (await open(THREAT, 'facebook')).id;
    // A month later: the threat's 15-minute qualification target is long passed.
    t.clock.set(new Date(start.getTime() + 30 * DAY));
    await crowd(CROWD, new Date(start.getTime() + 30 * DAY - MINUTE));
    rumourId = (await open(RUMOUR, 'x')).id;
    // The session was created at the original clock: sign in again at the new time.
    comm = await t.user({ [eid]: 'communication' });
  }, 120_000);
  afterAll(() => t.close());

  it('finds the overdue N4 threat among the oldest, after 1,200 newer reports', async () => {
    const all = await list('');
    expect(all.total).toBe(CROWD + 2);
    expect(all.items).toHaveLength(50);
    expect(all.items.map((item) => item.id)).not.toContain(threatId);
    const overdue = await list('overdue=true');
    expect(overdue.items.map((item) => item.id)).toEqual([threatId]);
    expect(overdue.items[0]).toMatchObject({ proposedSeverity: 'N4', overdue: true });
    expect(overdue.total).toBe(1);
    expect(overdue.nextCursor).toBeNull();
    expect((await list('overdue=true&severity=N4&status=new')).items.map((item) => item.id)).toEqual([
      threatId,
    ]);
  });

  it.each([
    ['sort=newest'],
    ['sort=oldest&limit=200'],
    ['sort=severity&limit=200'],
    ['sort=deadline&limit=200'],
    ['sort=deadline&severity=N2&limit=7'],
  ])('walks every page of %s and meets every incident exactly once, in order', async (query) => {
    const { items, pages, total } = await walk(query);
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
    if (!query.includes('severity=N2')) {
      expect(total).toBe(CROWD + 2);
      expect(ids).toContain(threatId);
      expect(ids).toContain(rumourId);
    }
    const limit = Number(/limit=(\d+)/.exec(query)?.[1] ?? 50);
    expect(pages).toBe(Math.ceil(total / limit));
    const sort = /sort=(\w+)/.exec(query)?.[1];
    const level = (item: Item) => item.severity ?? item.proposedSeverity;
    const due = (item: Item) => item.nextDueAt ?? '9999';
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1] as Item, items[i] as Item];
      const byCreated = a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
      if (sort === 'newest') expect(byCreated).toBe(true);
      if (sort === 'oldest')
        expect(a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id)).toBe(true);
      if (sort === 'severity') expect(level(a) > level(b) || (level(a) === level(b) && byCreated)).toBe(true);
      if (sort === 'deadline') expect(due(a) < due(b) || (due(a) === due(b) && byCreated)).toBe(true);
    }
  });

  it('caps the page size at 200 and refuses 0 or more', async () => {
    expect((await list('limit=200')).items).toHaveLength(200);
    for (const limit of ['0', '201', 'abc']) {
      const res = await t.as(comm, {
        method: 'GET',
        url: `/api/establishments/${eid}/incidents?limit=${limit}`,
      });
      expect(res.statusCode).toBe(400);
    }
  });

  it('answers a forged or invalid cursor with a French 400 problem', async () => {
    const first = await list('sort=newest&limit=10');
    const good = first.nextCursor as string;
    const cursor = (value: string) => `cursor=${encodeURIComponent(value)}`;
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const forged = [
      `sort=newest&${cursor('pas-un-curseur!')}`,
      `sort=newest&${cursor(b64('{"v":1}'))}`,
      `sort=newest&${cursor(b64('[1,2]'))}`,
      `sort=newest&${cursor(b64('not json'))}`,
      `sort=newest&${cursor(encodeCursor('newest', 'x', ["2026-10-01T09:00:00.000Z' or 1=1 --", 'id']))}`,
      // A good cursor, but for another sort or other filters.
      `sort=oldest&${cursor(good)}`,
      `sort=newest&status=closed&${cursor(good)}`,
      `sort=newest&${cursor('x'.repeat(1_001))}`,
    ];
    for (const query of forged) {
      const res = await t.as(comm, {
        method: 'GET',
        url: `/api/establishments/${eid}/incidents?limit=10&${query}`,
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.title).toBe('Requête invalide');
      expect(problem.detail).toMatch(/curseur|caractères/);
    }
    const tampered = await t.as(comm, {
      method: 'GET',
      url: `/api/establishments/${eid}/incidents?sort=newest&limit=10&cursor=${encodeURIComponent(good.slice(0, -2))}`,
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().code).toBe('curseur_invalide');
  });

  it('searches reference, title, excerpt and category without regard to case or accents', async () => {
    const ids = async (q: string) =>
      (await list(`q=${encodeURIComponent(q)}&limit=200`)).items.map((item) => item.id);
    for (const q of ['épidémie', 'EPIDEMIE', 'Epidémie de grippe', 'maternite', 'l’hopital', "l'HÔPITAL"]) {
      expect(await ids(q), q).toEqual([rumourId]);
    }
    const rumourReference = (await list(`q=${encodeURIComponent('grippe')}`)).items[0]?.reference as string;
    expect(await ids(rumourReference.toLowerCase())).toEqual([rumourId]);
    // The network by its name, the category by its label.
    expect(await ids('anciennement twitter')).toEqual([rumourId]);
    expect(await ids('MENACES')).toContain(threatId);
    expect(await ids('Sophie Martin')).toEqual([threatId]);
    // LIKE's wildcards are searched for, not obeyed.
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
    const crowdHits = await list('q=INC-2026-B0000&sort=oldest&limit=3');
    expect(crowdHits.total).toBe(10);
    const walked = await walk('q=inc-2026-b0000&sort=oldest&limit=3');
    expect(walked.items.map((item) => item.reference).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `INC-2026-B0000${i}`),
    );
  });

  it('keeps the next deadline current when the incident is qualified', async () => {
    const before = (await list('q=grippe')).items[0] as Item;
    expect(before.nextDueAt).not.toBeNull();
    const res = await t.as(comm, {
      method: 'PATCH',
      url: `/api/establishments/${eid}/incidents/${rumourId}/qualification`,
      payload: { severity: 'N0', version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await list('q=grippe')).items[0] as Item;
    expect(after).toMatchObject({ severity: 'N0', nextDueAt: null, overdue: false });
    expect((await list('overdue=true')).items.map((item) => item.id)).toEqual([threatId]);
  });
});
