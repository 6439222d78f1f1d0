import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { COMPLAINT, deskClient, openIncident, THREAT } from './test-kit.js';

describe.each(DIALECTS)('the editable DSA notice on %s', (dialect) => {
  let t: TestApp;
  let eid: string;
  let comm: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let c: ReturnType<typeof deskClient>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('CHU de Valmont');
    comm = await t.user({ [eid]: 'communication' });
    cm = await t.user({ [eid]: 'community_manager' });
    legal = await t.user({ [eid]: 'legal' });
    c = deskClient(t, eid);
  });
  afterAll(() => t.close());

  it('saves the edited text at the incident version, and refuses a stale edit with a 409', async () => {
    const { id } = await openIncident(t, eid, THREAT);
    const generated = await c.get(legal, c.url(id, '/notice'));
    expect(generated.json()).toMatchObject({ edited: null, sent: null, version: 1 });
    const text = `${generated.json().text}\n\nPièce jointe : capture d’écran.`;
    const saved = await c.send(legal, 'PUT', c.url(id, '/notice'), { text, version: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ text, version: 2, edited: { byName: expect.any(String) } });
    const stale = await c.send(comm, 'PUT', c.url(id, '/notice'), { text: 'autre version', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_perimee');
    expect((await c.get(comm, c.url(id, '/notice'))).json().text).toBe(text);
    expect((await c.audits('incident.notice.edit', id)).map((a) => a.detail)).toEqual([
      expect.not.stringContaining('Pièce jointe'),
    ]);
  });

  it('records when, how and by whom it was sent, in the timeline and the audit log', async () => {
    const { id } = await openIncident(t, eid, THREAT);
    const res = await c.send(comm, 'POST', c.url(id, '/notice/sent'), {
      sentAt: '2026-11-02T08:30:00.000Z',
      channel: 'formulaire',
      version: await c.versionOf(id),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sent).toMatchObject({ at: '2026-11-02T08:30:00.000Z', channel: 'formulaire' });
    const timeline = (await c.get(comm, c.url(id, '/timeline'))).json().items as {
      kind: string;
      detail: unknown;
    }[];
    expect(timeline.find((event) => event.kind === 'notice_sent')?.detail).toEqual({
      sentAt: '2026-11-02T08:30:00.000Z',
      channel: 'formulaire',
    });
    expect(await c.audits('incident.notice.sent', id)).toHaveLength(1);
    const future = await c.send(comm, 'POST', c.url(id, '/notice/sent'), {
      sentAt: '2027-01-01T00:00:00.000Z',
      channel: 'courriel',
      version: await c.versionOf(id),
    });
    expect(future.statusCode).toBe(422);
  });

  it('leaves the notice to the director and the legal service, and to unlawful content', async () => {
    const { id } = await openIncident(t, eid, THREAT);
    const byCm = await c.send(cm, 'PUT', c.url(id, '/notice'), {
      text: 'texte',
      version: await c.versionOf(id),
    });
    expect(byCm.statusCode).toBe(403);
    const complaint = await openIncident(t, eid, COMPLAINT);
    const lawful = await c.send(legal, 'PUT', c.url(complaint.id, '/notice'), { text: 'texte', version: 1 });
    expect(lawful.statusCode).toBe(422);
    expect(await c.versionOf(id)).toBe(1);
  });
});
