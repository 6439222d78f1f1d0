import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { multipartBody } from './multipart-body.js';

/** Internal decisions as the desk stores them: kinds, notes, the staff member, the owner. */
const INTERNAL_DECISIONS = [
  { kind: 'complaint', note: 'Plainte déposée par Maître Lambert', by: 'juriste-7' },
  {
    kind: 'protection_fonctionnelle',
    note: 'Accordée à l’infirmière visée',
    targetStaffName: 'Claire Martin',
    targetStaffUserId: 'user-claire',
  },
  { kind: 'cnil_notification', note: 'Notification CNIL n° 2026-118' },
];
const SECRETS = [
  'complaint',
  'protection',
  'fonctionnelle',
  'cnil',
  'CNIL',
  'Maître Lambert',
  'Claire Martin',
  'user-claire',
  'juriste-7',
  'Plainte',
  'owner',
  'note',
];

describe.each(DIALECTS)('what a reporter sees of the outcome, on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  let agent: SignedIn;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
    agent = await t.user({ [establishment]: 'agent' });
    owner = await t.user({ [establishment]: 'legal' });
  });
  afterAll(async () => t.close());

  async function fileAndDecide(anonymous: boolean, decisions: unknown[], status: 'decided' | 'closed') {
    const body = multipartBody({
      url: 'https://www.facebook.com/x/posts/1',
      network: 'facebook',
      anonymous: String(anonymous),
    });
    const filed = (
      await t.as(agent, {
        method: 'POST',
        url: `/api/establishments/${establishment}/reports`,
        payload: body.payload,
        headers: body.headers,
      })
    ).json();
    await t.storage.db
      .updateTable('incidents')
      .set({ status, decisions: JSON.stringify(decisions), owner_id: owner.userId })
      .where('report_id', '=', filed.reportId)
      .execute();
    return filed;
  }

  const follow = (code: string) =>
    t.app.inject({ method: 'POST', url: '/api/reports/follow-up', payload: { code } });
  const mine = () => t.as(agent, { method: 'GET', url: `/api/establishments/${establishment}/reports/mine` });

  it('never shows legal action, protection fonctionnelle or a CNIL notification, through mine or the follow-up', async () => {
    const anonymous = await fileAndDecide(true, INTERNAL_DECISIONS, 'decided');
    await fileAndDecide(false, INTERNAL_DECISIONS, 'closed');
    const followed = await follow(anonymous.followUpCode);
    const listed = await mine();
    expect(followed.statusCode).toBe(200);
    expect(listed.statusCode).toBe(200);
    expect(followed.json().outcome).toBe('Une suite a été donnée. Le service communication s’en occupe.');
    expect(listed.json().reports[0].outcome).toBe('Votre signalement a été traité. Merci.');
    for (const body of [followed.body, listed.body]) {
      for (const secret of [...SECRETS, owner.userId]) expect(body).not.toContain(secret);
    }
  });

  it('tells a plain outcome when the action is public (the platform was notified)', async () => {
    const filed = await fileAndDecide(
      true,
      [...INTERNAL_DECISIONS, { kind: 'platform_notice', note: 'Notice DSA envoyée à Meta' }],
      'closed',
    );
    const followed = await follow(filed.followUpCode);
    expect(followed.json().outcome).toBe(
      'Votre signalement a été traité : le message a été signalé à la plateforme.',
    );
    for (const secret of [...SECRETS, 'DSA', 'Meta', owner.userId])
      expect(followed.body).not.toContain(secret);
  });
});
