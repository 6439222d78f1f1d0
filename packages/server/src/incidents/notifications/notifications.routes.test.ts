import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterCommitIdle } from '../../http/context.js';
import { deliver, useRetryDelays } from '../../mail/deliver.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { COMPLAINT, deskClient, openIncident, THREAT } from '../test-kit.js';
import { type ReceivedMail, startSmtpServer } from './smtp-test-server.js';

/** The body of a received mail, decoded from quoted-printable, as a reader sees it. */
const bodyOf = (mail: ReceivedMail) =>
  Buffer.from(
    mail.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`)
      .replace(/%(?![0-9A-F]{2})/g, '%25'),
    'utf8',
  )
    .toString()
    .split(/%(?=[0-9A-F]{2})/)
    .join('%');
const decoded = (mail: ReceivedMail) => {
  try {
    return decodeURIComponent(bodyOf(mail));
  } catch {
    return mail.raw;
  }
};

describe.each(DIALECTS)('desk e-mails and mentions on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let eid: string;
  let comm: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let c: ReturnType<typeof deskClient>;
  const handles = new Map<string, string>();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, { smtpUrl: smtp.url, mailFrom: 'Blouse <blouse@chu-valmont.fr>' });
    eid = await t.establishment('CHU de Valmont');
    comm = await t.user({ [eid]: 'communication' }, { email: 'dircom@chu-valmont.fr' });
    cm = await t.user({ [eid]: 'community_manager' }, { email: 'cm@chu-valmont.fr' });
    legal = await t.user({ [eid]: 'legal' }, { email: 'juridique@chu-valmont.fr' });
    agent = await t.user({ [eid]: 'agent' }, { email: 'agent@chu-valmont.fr' });
    c = deskClient(t, eid);
    const members = (await c.get(comm, `/api/establishments/${eid}/desk-members`)).json().items as {
      id: string;
      handle: string;
    }[];
    for (const member of members) handles.set(member.id, member.handle);
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('e-mails the desk when an N3/N4 incident opens, with no detail of the post', async () => {
    const { reference, proposedSeverity } = await openIncident(t, eid, THREAT);
    expect(['N3', 'N4']).toContain(proposedSeverity);
    await afterCommitIdle(t.context);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    if (mail === undefined) throw new Error('aucun courriel');
    expect(mail.to.sort()).toEqual([
      'cm@chu-valmont.fr',
      'dircom@chu-valmont.fr',
      'juridique@chu-valmont.fr',
    ]);
    expect(mail.from).toBe('blouse@chu-valmont.fr');
    const text = decoded(mail);
    expect(text).toContain(reference);
    expect(text).toContain('Catégorie : Menaces');
    expect(text).toContain('http://localhost:8080/incidents/');
    for (const word of ['Sophie', 'Martin', 'Lilas', 'regretter', 'social.example'])
      expect(text).not.toContain(word);
    // The recipients are in Bcc: no header lists the desk's addresses.
    expect(mail.raw).not.toMatch(/^To:.*dircom/m);
  });

  it('sends nothing for a minor incident, and alerts when a qualification raises it to N3', async () => {
    const { id, reference } = await openIncident(t, eid, COMPLAINT);
    await afterCommitIdle(t.context);
    expect(smtp.received).toHaveLength(0);
    const res = await c.send(cm, 'PATCH', c.url(id, '/qualification'), { severity: 'N3', version: 1 });
    expect(res.statusCode).toBe(200);
    await afterCommitIdle(t.context);
    expect(smtp.received).toHaveLength(1);
    expect(decoded(smtp.received[0] as ReceivedMail)).toContain(
      `Incident N3 : ${reference}`.slice(0, 0) + reference,
    );
    // Confirming the same severity again alerts no one a second time.
    await c.send(cm, 'PATCH', c.url(id, '/qualification'), { severity: 'N3', version: 2 });
    await afterCommitIdle(t.context);
    expect(smtp.received).toHaveLength(1);
  });

  it('notifies the desk members mentioned in a comment, in the app and by e-mail, and ignores others', async () => {
    const { id, reference } = await openIncident(t, eid, COMPLAINT);
    await afterCommitIdle(t.context);
    const text = `@${handles.get(legal.userId)} peux-tu regarder ? cc @personne.inconnue et agent@chu-valmont.fr`;
    const res = await c.send(comm, 'POST', c.url(id, '/comments'), { text });
    expect(res.statusCode).toBe(201);
    await afterCommitIdle(t.context);
    expect(smtp.received.map((mail) => mail.to)).toEqual([['juridique@chu-valmont.fr']]);
    expect(decoded(smtp.received[0] as ReceivedMail)).not.toContain('peux-tu');
    const mine = (await c.get(legal, `/api/establishments/${eid}/notifications`)).json();
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: 'mention', incidentId: id, reference, readAt: null });
    for (const other of [comm, cm, agent]) {
      expect((await c.get(other, `/api/establishments/${eid}/notifications`)).json()).toEqual({
        unread: 0,
        items: [],
      });
    }
    const read = await c.send(legal, 'POST', `/api/establishments/${eid}/notifications/read`, {});
    expect(read.statusCode).toBe(204);
    expect((await c.get(legal, `/api/establishments/${eid}/notifications`)).json().unread).toBe(0);
  });

  it('never fails the request when the mail server is down: the failure is retried, then logged', async () => {
    const down = await createTestApp(dialect, { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'blouse@chu.fr' });
    try {
      const e = await down.establishment();
      await down.user({ [e]: 'communication' });
      useRetryDelays(down.context, [1, 1]);
      const opened = await openIncident(down, e, THREAT);
      expect(opened.reference).toMatch(/^INC-/);
      await afterCommitIdle(down.context);
      const outcome = await deliver(down.context, { to: ['x@chu.fr'], subject: 's', text: 't' });
      expect(outcome).toBe('failed');
    } finally {
      await down.close();
    }
  });
});
