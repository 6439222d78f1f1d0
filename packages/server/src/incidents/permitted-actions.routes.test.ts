import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { COMPLAINT, deskClient, openIncident, THREAT } from './test-kit.js';

describe.each(DIALECTS)('permitted actions and desk members on %s', (dialect) => {
  let t: TestApp;
  let eid: string;
  let comm: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let c: ReturnType<typeof deskClient>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('CHU de Valmont');
    comm = await t.user({ [eid]: 'communication' });
    cm = await t.user({ [eid]: 'community_manager' });
    legal = await t.user({ [eid]: 'legal' });
    agent = await t.user({ [eid]: 'agent' });
    await t.user({ [eid]: 'admin' });
    c = deskClient(t, eid);
  });
  afterAll(() => t.close());

  it('sends each desk role the actions its role allows on the incident as it stands', async () => {
    const { id } = await openIncident(t, eid, THREAT);
    const actionsOf = async (user: SignedIn) => (await c.get(user, c.url(id))).json().permittedActions;
    expect((await actionsOf(comm)).changeStatus).toEqual(['qualified']);
    expect((await actionsOf(legal)).decide).toEqual([]);
    await c.send(cm, 'POST', c.url(id, '/transitions'), { to: 'qualified', version: await c.versionOf(id) });
    const forLegal = await actionsOf(legal);
    expect(forLegal.changeStatus).toEqual([]);
    expect(forLegal.decide).toEqual([
      'platform_notice',
      'pharos',
      'complaint',
      'protection_fonctionnelle',
      'cnil_notification',
    ]);
    expect(forLegal.editNotice).toBe(true);
    const forCm = await actionsOf(cm);
    expect(forCm).toMatchObject({ decide: [], changeStatus: [], exportEvidence: false, editNotice: false });
    expect((await actionsOf(comm)).changeStatus).toEqual(['decided']);
    expect((await c.get(agent, c.url(id))).statusCode).toBe(403);
  });

  it('answers every change with the actions after it, and still refuses what is not permitted', async () => {
    const { id } = await openIncident(t, eid, COMPLAINT);
    const qualified = await c.send(comm, 'POST', c.url(id, '/transitions'), {
      to: 'qualified',
      version: await c.versionOf(id),
    });
    expect(qualified.json().permittedActions.changeStatus).toEqual(['decided']);
    // A complaint is no business of PHAROS, and a community manager records no decision.
    expect(qualified.json().permittedActions.decide).not.toContain('pharos');
    const pharos = await c.send(legal, 'POST', c.url(id, '/decisions'), {
      kind: 'pharos',
      version: await c.versionOf(id),
    });
    expect(pharos.statusCode).toBe(422);
    const byCm = await c.send(cm, 'POST', c.url(id, '/decisions'), {
      kind: 'monitor',
      version: await c.versionOf(id),
    });
    expect(byCm.statusCode).toBe(403);
    const closeByLegal = await c.send(legal, 'POST', c.url(id, '/transitions'), {
      to: 'decided',
      version: await c.versionOf(id),
    });
    expect(closeByLegal.statusCode).toBe(403);
  });

  it('lists the desk members (id, name, handle; no e-mail) to desk roles only', async () => {
    const path = `/api/establishments/${eid}/desk-members`;
    const res = await c.get(cm, path);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; displayName: string; handle: string }[];
    expect(items.map((item) => item.id).sort()).toEqual([comm.userId, cm.userId, legal.userId].sort());
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['displayName', 'handle', 'id']);
    expect(res.body).not.toContain('@chu-test.fr');
    expect((await c.get(agent, path)).statusCode).toBe(403);
  });

  it('lets a member assign the incident to any desk member, and no one else', async () => {
    const { id } = await openIncident(t, eid, COMPLAINT);
    const res = await c.send(cm, 'PUT', c.url(id, '/owner'), {
      ownerId: legal.userId,
      version: await c.versionOf(id),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().ownerId).toBe(legal.userId);
    const toAgent = await c.send(cm, 'PUT', c.url(id, '/owner'), {
      ownerId: agent.userId,
      version: await c.versionOf(id),
    });
    expect(toAgent.statusCode).toBe(422);
  });
});
