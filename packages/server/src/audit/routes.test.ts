import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inUnit } from '../http/context.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';

describe.each(DIALECTS)('GET /api/establishments/:id/audit (%s)', (dialect) => {
  let t: TestApp;
  let establishment: string;
  let other: string;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
    other = await t.establishment();
    admin = await t.user({ [establishment]: 'admin' });
    for (let index = 1; index <= 7; index += 1) {
      await inUnit(t.context, async (unit) => {
        await unit.audit({
          establishmentId: establishment,
          actorId: index === 7 ? null : admin.userId,
          action: 'incident.update',
          targetType: 'incident',
          targetId: `i${index}`,
          detail: { index, note: "<b>x</b>'; DROP TABLE audit_log; --" },
        });
        await unit.audit({
          establishmentId: other,
          actorId: null,
          action: 'autre',
          targetType: 'x',
          targetId: null,
        });
      });
    }
  });
  afterAll(() => t.close());

  const url = (eid: string, query = '') => `/api/establishments/${eid}/audit${query}`;

  it('pages this establishment’s entries, newest first, with the actors’ names', async () => {
    const first = await t.as(admin, { method: 'GET', url: url(establishment, '?limit=3') });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((item: { targetId: string }) => item.targetId)).toEqual(['i7', 'i6', 'i5']);
    expect(page1.items[0].actor).toBeNull();
    expect(page1.items[1].actor).toEqual({
      id: admin.userId,
      displayName: expect.stringMatching(/^Utilisateur /),
    });
    expect(page1.items[1].detail).toEqual({ index: 6, note: "<b>x</b>'; DROP TABLE audit_log; --" });
    const seen: string[] = page1.items.map((item: { targetId: string }) => item.targetId);
    let cursor = page1.nextCursor as number | null;
    while (cursor !== null) {
      const page = (
        await t.as(admin, { method: 'GET', url: url(establishment, `?limit=3&cursor=${cursor}`) })
      ).json();
      seen.push(...page.items.map((item: { targetId: string }) => item.targetId));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['i7', 'i6', 'i5', 'i4', 'i3', 'i2', 'i1']);
    // Each page read was itself traced, and the other establishment's entries never showed.
    const latest = (await t.as(admin, { method: 'GET', url: url(establishment, '?limit=200') })).json();
    const actions = latest.items.map((item: { action: string }) => item.action);
    expect(actions.filter((action: string) => action === 'audit.read')).toHaveLength(3);
    expect(actions).not.toContain('autre');
  });

  it('is for the establishment’s administrators and legal only', async () => {
    const legal = await t.user({ [establishment]: 'legal' });
    const read = await t.as(legal, { method: 'GET', url: url(establishment, '?limit=2') });
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toHaveLength(2);
    for (const role of ['communication', 'community_manager', 'agent'] as const) {
      const user = await t.user({ [establishment]: role });
      expect((await t.as(user, { method: 'GET', url: url(establishment) })).statusCode).toBe(403);
    }
    const otherAdmin = await t.user({ [other]: 'admin' });
    expect((await t.as(otherAdmin, { method: 'GET', url: url(establishment) })).statusCode).toBe(404);
    expect((await t.as(null, { method: 'GET', url: url(establishment) })).statusCode).toBe(401);
  });

  it('refuses bad paging parameters', async () => {
    for (const query of ['?limit=201', '?limit=0', '?limit=abc', '?cursor=-1', '?cursor=x', '?order=asc']) {
      const response = await t.as(admin, { method: 'GET', url: url(establishment, query) });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('filters by action (exact or family), actor and dates', async () => {
    await inUnit(t.context, async (unit) => {
      await unit.audit({
        establishmentId: establishment,
        actorId: admin.userId,
        action: 'user.disable',
        targetType: 'user',
        targetId: 'u1',
      });
    });
    t.clock.advance(3_600_000);
    const later = t.clock.now().toISOString();
    await inUnit(t.context, async (unit) => {
      await unit.audit({
        establishmentId: establishment,
        actorId: null,
        action: 'user.enable',
        targetType: 'user',
        targetId: 'u1',
      });
    });
    const targets = async (query: string) => {
      const response = await t.as(admin, { method: 'GET', url: url(establishment, query) });
      expect(response.statusCode, query).toBe(200);
      return response
        .json()
        .items.map((item: { action: string; targetId: string }) => `${item.action}:${item.targetId}`);
    };
    expect(await targets('?action=user.disable')).toEqual(['user.disable:u1']);
    expect(await targets('?action=user.')).toEqual(['user.enable:u1', 'user.disable:u1']);
    expect(await targets(`?action=incident.update&actor=${admin.userId}&limit=2`)).toEqual([
      'incident.update:i6',
      'incident.update:i5',
    ]);
    expect(await targets(`?action=user.&from=${encodeURIComponent(later)}`)).toEqual(['user.enable:u1']);
    expect(await targets(`?action=user.&to=${encodeURIComponent(later)}`)).toEqual(['user.disable:u1']);
    for (const bad of [
      '?action=a%00',
      '?action=x%E2%80%AEy',
      '?actor=a%00',
      '?from=hier',
      '?action=DROP TABLE',
    ]) {
      const response = await t.as(admin, { method: 'GET', url: url(establishment, bad) });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().code).toBe('donnees_invalides');
    }
  });
});
