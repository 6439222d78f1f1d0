import { randomBytes } from 'node:crypto';
import { PRIVACY_HOW_TOS } from '@blouse/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ReceivedMail, startSmtpServer } from '../incidents/notifications/smtp-test-server.js';
import { mailText } from '../listening/alerts/test-receivers.js';
import { useRetryDelays } from '../mail/deliver.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { monthsBefore, sendPrivacyReminders } from './reminder-service.js';

const DAY = 24 * 60 * 60_000;

/** The opt-out token of a reminder, from its link. */
function tokenIn(mail: ReceivedMail): string {
  const match = /desinscription\?jeton=([A-Za-z0-9_.%-]+)/.exec(mailText(mail));
  if (match === null) throw new Error('pas de lien de désinscription');
  return decodeURIComponent(match[1] as string);
}

describe.each(DIALECTS)('six-monthly privacy reminders on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let valmont: string;
  let bourg: string;
  const recipients = () => smtp.received.flatMap((mail) => mail.to).sort();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, {
      smtpUrl: smtp.url,
      mailFrom: 'Blouse <blouse@chu-valmont.fr>',
      publicUrl: 'https://blouse.chu-valmont.fr',
      secretKeys: { current: randomBytes(32), previous: [] },
    });
    useRetryDelays(t.context, [0]);
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    await t.user({ [valmont]: 'agent' }, { email: 'alice@chu-valmont.fr' });
    // In two establishments: one reminder, about her own accounts.
    await t.user({ [valmont]: 'legal', [bourg]: 'communication' }, { email: 'bruno@chu-valmont.fr' });
    await t.user({ [bourg]: 'agent' }, { email: 'chloe@ch-bourg.fr' });
    // Nor someone who is a member nowhere any more.
    await t.user({}, { email: 'ancien@chu-valmont.fr' });
    // Neither a disabled account nor a demo account is mailed.
    const disabled = await t.user({ [valmont]: 'agent' }, { email: 'parti@chu-valmont.fr' });
    await t.storage.db.updateTable('users').set({ disabled: 1 }).where('id', '=', disabled.userId).execute();
    const demo = await t.user({ [valmont]: 'agent' }, { email: 'demo@demo.blouse.fr' });
    await t.storage.db.updateTable('users').set({ demo: 1 }).where('id', '=', demo.userId).execute();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  it('mails every active member once, in French, with each network’s how-to and an opt-out link', async () => {
    const outcome = await sendPrivacyReminders(t.context);
    expect(outcome).toEqual({ sent: 3, failed: 0, mailDisabled: false });
    expect(recipients()).toEqual(['alice@chu-valmont.fr', 'bruno@chu-valmont.fr', 'chloe@ch-bourg.fr']);
    const text = mailText(smtp.received[0] as ReceivedMail);
    expect(text).toContain('vérifier qui voit vos publications');
    expect(text).toContain('tous les 6 mois');
    for (const howTo of PRIVACY_HOW_TOS) expect(text).toContain(howTo.where.fr);
    expect(text).toContain('https://blouse.chu-valmont.fr/formation');
    expect(text).toContain('https://blouse.chu-valmont.fr/rappels/desinscription?jeton=');
    // Each person's mail carries their own link, and names no one else.
    expect(smtp.received.every((mail) => mail.to.length === 1)).toBe(true);
  });

  it('mails nobody twice in a period, even when two sweeps run at once', async () => {
    t.clock.advance(30 * DAY);
    expect((await sendPrivacyReminders(t.context)).sent).toBe(0);
    // Six months after the last one, two sweeps race (a job run again beside a live one).
    t.clock.set(new Date(Date.parse('2027-05-02T09:00:00.000Z')));
    const [first, second] = await Promise.all([
      sendPrivacyReminders(t.context),
      sendPrivacyReminders(t.context),
    ]);
    expect(first.sent + second.sent).toBe(3);
    expect(recipients()).toEqual(['alice@chu-valmont.fr', 'bruno@chu-valmont.fr', 'chloe@ch-bourg.fr']);
    expect((await sendPrivacyReminders(t.context)).sent).toBe(0);
  });

  it('finishes an interrupted sweep without mailing again those already mailed', async () => {
    t.clock.advance(200 * DAY);
    // A run stopped after its first person (the process died, the job runs again).
    expect((await sendPrivacyReminders(t.context, { limit: 1 })).sent).toBe(1);
    const already = recipients();
    expect(already).toHaveLength(1);
    expect((await sendPrivacyReminders(t.context)).sent).toBe(2);
    expect(recipients()).toEqual(['alice@chu-valmont.fr', 'bruno@chu-valmont.fr', 'chloe@ch-bourg.fr']);
  });

  it('stops mailing whoever opted out, from the staff space or from the e-mail’s link', async () => {
    t.clock.advance(200 * DAY);
    const signedIn = await t.user({ [valmont]: 'agent' }, { email: 'dora@chu-valmont.fr' });
    const off = await t.as(signedIn, {
      method: 'PUT',
      url: `/api/establishments/${valmont}/training/me/reminders`,
      payload: { optedOut: true },
    });
    expect(off.json().optedOut).toBe(true);
    await sendPrivacyReminders(t.context);
    expect(recipients()).toEqual(['alice@chu-valmont.fr', 'bruno@chu-valmont.fr', 'chloe@ch-bourg.fr']);
    const chloeMail = smtp.received.find((mail) => mail.to[0] === 'chloe@ch-bourg.fr') as ReceivedMail;
    const fromLink = await t.as(null, {
      method: 'POST',
      url: '/api/training/reminders/opt-out',
      payload: { token: tokenIn(chloeMail) },
    });
    expect(fromLink.statusCode).toBe(200);
    expect(fromLink.json().optedOut).toBe(true);
    smtp.received.length = 0;
    t.clock.advance(200 * DAY);
    await sendPrivacyReminders(t.context);
    expect(recipients()).toEqual(['alice@chu-valmont.fr', 'bruno@chu-valmont.fr']);
  });

  it('gives the claim back when the mail server is down, and claims nobody without mail', async () => {
    t.clock.advance(200 * DAY);
    const down = await createTestApp(dialect, {
      smtpUrl: 'smtp://127.0.0.1:1',
      mailFrom: 'blouse@chu-valmont.fr',
    });
    try {
      useRetryDelays(down.context, []);
      const hospital = await down.establishment();
      await down.user({ [hospital]: 'agent' });
      expect(await sendPrivacyReminders(down.context)).toEqual({ sent: 0, failed: 1, mailDisabled: false });
      const row = await down.storage.db
        .selectFrom('privacy_reminders')
        .select('last_sent_at')
        .executeTakeFirst();
      expect(row?.last_sent_at).toBeNull();
    } finally {
      await down.close();
    }
    // Without mail configured, a sweep claims nobody.
    const silent = await createTestApp(dialect);
    try {
      const hospital = await silent.establishment();
      await silent.user({ [hospital]: 'agent' });
      expect(await sendPrivacyReminders(silent.context)).toEqual({ sent: 0, failed: 0, mailDisabled: true });
      expect(await silent.storage.db.selectFrom('privacy_reminders').selectAll().execute()).toEqual([]);
    } finally {
      await silent.close();
    }
  });

  it('counts six calendar months', () => {
    expect(monthsBefore(new Date('2026-11-02T09:00:00.000Z'), 6).toISOString()).toBe(
      '2026-05-02T09:00:00.000Z',
    );
  });
});
