import { SpikeDetector } from '@blouse/buzz';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppContext, afterCommitIdle } from '../../http/context.js';
import type { ReceivedMail } from '../../incidents/notifications/smtp-test-server.js';
import { startSmtpServer } from '../../incidents/notifications/smtp-test-server.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { alertOnMentions, tickVolume } from './alert-on-mentions.js';
import { alertView } from './alert-repository.js';
import { DEFAULT_DELIVERY_OPTIONS, deliverDueAlerts, useDeliveryOptions } from './delivery.js';
import { BREACH, storeMention, storeRoute } from './test-kit.js';
import { mailText, startWebhookReceiver } from './test-receivers.js';
import { useVolumeSettings } from './volume.js';
import { signWebhook } from './webhook.js';

const HOUR = 3_600_000;
const DETECTOR = { warmUpBuckets: 12 };

describe.each(DIALECTS)('alerting on new mentions on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startWebhookReceiver();
    t = await createTestApp(dialect, { smtpUrl: smtp.url, mailFrom: 'Blouse <blouse@chu-valmont.fr>' });
    useVolumeSettings(t.context, { bucketSeconds: 3600, detector: DETECTOR });
    useDeliveryOptions(t.context, {
      ...DEFAULT_DELIVERY_OPTIONS,
      webhook: { allowLoopbackHttp: true, timeoutMs: 10_000 },
    });
  });
  beforeEach(() => {
    smtp.received.length = 0;
    hooks.received.length = 0;
    // A fresh hour for each test: cooldowns and buckets of one test do not reach the next.
    t.clock.advance(24 * HOUR);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await hooks.close();
  });

  const alertsOf = async (eid: string) =>
    (
      await t.storage.db
        .selectFrom('listening_alerts')
        .selectAll()
        .where('establishment_id', '=', eid)
        .orderBy('created_at')
        .execute()
    ).map(alertView);

  async function hear(eid: string, ...specs: Parameters<typeof storeMention>[3][]) {
    const mentions = [];
    for (const spec of specs) mentions.push(await storeMention(t.storage.db, eid, t.clock.now(), spec));
    await alertOnMentions(t.context, mentions);
    await afterCommitIdle(t.context);
    return mentions;
  }

  it('mails and posts a privacy breach at once, explained in French, without the post’s words', async () => {
    const eid = await t.establishment('CHU de Valmont');
    await storeRoute(t.storage.db, eid, t.clock.now(), {
      tier: 'immediate',
      channel: 'email',
      target: 'dircom@chu-valmont.fr',
      // Quiet hours around now: an immediate alert is never held.
      quietFrom: '00:00',
      quietUntil: '23:59',
    });
    const secret = 'secret-de-test-0123456789';
    await storeRoute(t.storage.db, eid, t.clock.now(), {
      tier: 'immediate',
      channel: 'webhook',
      target: hooks.url,
      secret,
    });
    const [mention] = await hear(eid, BREACH);
    const [alert] = await alertsOf(eid);
    expect(alert).toMatchObject({ tier: 'immediate', reason: 'privacy_breach', mentionIds: [mention?.id] });
    expect(alert?.explanation).toBe(
      'Atteinte au secret : une publication expose un patient (@temoin.bsky.social, 12\u202f400 abonnés).',
    );

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0] as ReceivedMail;
    expect(mail.to).toEqual(['dircom@chu-valmont.fr']);
    const text = mailText(mail);
    expect(text).toContain('Alerte immédiate de la veille pour CHU de Valmont');
    expect(text).toContain('Atteinte au secret : une publication expose un patient');
    expect(text).toContain('Termes les plus cités : « CHU de Valmont » (1)');
    expect(text).toContain('Auteurs les plus actifs : @temoin.bsky.social (1)');
    expect(text).toContain(`http://localhost:8080/veille/alertes/${alert?.id}`);
    for (const word of ['chambre 214', '92 ans', 'Mme D.']) expect(text).not.toContain(word);

    expect(hooks.received).toHaveLength(1);
    const hook = hooks.received[0];
    const timestamp = String(hook?.headers['x-blouse-timestamp']);
    expect(hook?.headers['x-blouse-signature']).toBe(signWebhook(secret, timestamp, hook?.body ?? ''));
    expect(Number(timestamp) * 1000).toBe(Math.floor(t.clock.now().getTime() / 1000) * 1000);
    const body = JSON.parse(hook?.body ?? '{}') as { alert: { id: string; reason: string } };
    expect(body.alert).toMatchObject({ id: alert?.id, reason: 'privacy_breach' });
    expect(hook?.body).not.toContain('chambre 214');
  });

  it('groups mentions of one reason within the cooldown into one alert and one mail', async () => {
    const eid = await t.establishment('CHU de Valmont');
    await storeRoute(t.storage.db, eid, t.clock.now(), {
      tier: 'immediate',
      channel: 'email',
      target: 'dircom@chu-valmont.fr',
    });
    const [first] = await hear(eid, BREACH);
    t.clock.advance(10 * 60_000);
    const [second, third] = await hear(eid, { ...BREACH, authorHandle: 'autre.bsky.social' }, BREACH);
    let alerts = await alertsOf(eid);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.mentionIds).toEqual([first?.id, second?.id, third?.id]);
    expect(alerts[0]?.explanation).toMatch(/ ; 3 publications de ce type en peu de temps\.$/);
    expect(alerts[0]?.details.topAuthors).toEqual([
      { handle: 'temoin.bsky.social', count: 2 },
      { handle: 'autre.bsky.social', count: 1 },
    ]);
    expect(smtp.received).toHaveLength(1);

    // Past the cooldown (30 min from the first alert), a new breach is a new alert and a new mail.
    t.clock.advance(25 * 60_000);
    await hear(eid, BREACH);
    alerts = await alertsOf(eid);
    expect(alerts).toHaveLength(2);
    expect(smtp.received).toHaveLength(2);
  });

  it('alerts at once on the press, an official account, a threat and a reach above the establishment’s threshold', async () => {
    const eid = await t.establishment();
    await t.storage.db
      .insertInto('listening_alert_settings')
      .values({
        establishment_id: eid,
        reach_threshold: 500,
        cooldown_minutes: 30,
        updated_at: t.clock.now().toISOString(),
      })
      .execute();
    await hear(
      eid,
      { authorKind: 'press', authorHandle: 'lequotidien.fr', reach: null },
      { authorKind: 'official', authorHandle: 'ars.sante.fr' },
      { category: 'threat' },
      { category: 'doxxing' },
      { reach: 499 },
      { reach: 501, authorHandle: 'influence.bsky.social' },
      { category: 'complaint' },
    );
    const reasons = (await alertsOf(eid)).map((a) => a.reason).sort();
    expect(reasons).toEqual(['doxxing', 'high_reach', 'official', 'press', 'threat']);
    const high = (await alertsOf(eid)).find((a) => a.reason === 'high_reach');
    expect(high?.explanation).toBe(
      'Forte audience : un compte très suivi parle de l’établissement (@influence.bsky.social, 501 abonnés).',
    );
  });

  it('a blocked post under a breach rule alerts as a privacy breach whatever its category', async () => {
    const eid = await t.establishment();
    await hear(eid, {
      category: 'complaint',
      verdict: 'block',
      findings: [
        { rule: 'SECRET-02', severity: 'block', explanation: 'Données de santé.', raisedBy: 'rule' },
      ],
    });
    expect((await alertsOf(eid)).map((a) => a.reason)).toEqual(['privacy_breach']);
  });

  /** Two quiet-ish days of hourly mentions, closed by the tick: the detector's history. */
  async function history(eid: string, hours: number, reference: SpikeDetector) {
    for (let h = 0; h < hours; h++) {
      const count = h % 3 === 0 ? 1 : 2;
      const bucket = Math.floor(t.clock.now().getTime() / HOUR) * HOUR;
      await hear(eid, ...Array.from({ length: count }, () => ({ category: 'complaint' })));
      reference.update(bucket, count);
      t.clock.advance(HOUR);
      await tickVolume(t.context);
    }
  }

  it('raises a volume alert on a burst within its hour, held by quiet hours and released when they end', async () => {
    const eid = await t.establishment('CHU de Valmont');
    // The volume route is quiet all day but one minute; immediate routes would not be.
    t.clock.set(new Date('2026-12-01T00:00:00.000Z'));
    const reference = new SpikeDetector({ ...DETECTOR, bucketSeconds: 3600 });
    await history(eid, 30, reference);
    expect(await alertsOf(eid)).toEqual([]);

    // The detector's state in buzz_series is the one an uninterrupted detector reaches: each
    // batch restored it from there, as a restarted process would.
    const stored = await t.storage.db
      .selectFrom('buzz_series')
      .select('snapshot')
      .where('establishment_id', '=', eid)
      .where('series_key', '=', 'category:complaint')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(stored.snapshot) as { detector: unknown }).detector).toEqual(reference.snapshot());

    await storeRoute(t.storage.db, eid, t.clock.now(), {
      tier: 'volume',
      channel: 'email',
      target: 'veille@chu-valmont.fr',
      quietFrom: '07:00',
      quietUntil: '09:00',
    });
    // 06:10 UTC is 07:10 in Paris: quiet hours.
    expect(t.clock.now().toISOString()).toBe('2026-12-02T06:00:00.000Z');
    t.clock.advance(10 * 60_000);
    await hear(
      eid,
      ...Array.from({ length: 17 }, (_, i) => ({
        category: 'complaint',
        authorHandle: i % 2 === 0 ? 'colere.bsky.social' : `voix${i}.bsky.social`,
        matchedTerms: i < 12 ? ['CHU de Valmont'] : ['Urgences de Valmont'],
      })),
    );
    // The burst lifts its category and its term: one alert, led by the series with most mentions.
    const volume = (await alertsOf(eid)).filter((a) => a.tier === 'volume');
    expect(volume).toHaveLength(1);
    const onCategory = volume[0];
    expect(onCategory?.seriesKey).toBe('category:complaint');
    // The term as the establishment wrote it, not its folded series key.
    expect(onCategory?.explanation).toMatch(
      /^Hausse sur catégorie plaintes : 17 mentions en 10 min, 1,\d attendues? sur 1 h\. Hausse aussi sur « CHU de Valmont »\.$/,
    );
    expect(onCategory?.details).toMatchObject({
      count: 17,
      windowMinutes: 10,
      topTerms: [
        { term: 'CHU de Valmont', count: 12 },
        { term: 'Urgences de Valmont', count: 5 },
      ],
    });
    expect(onCategory?.details.topAuthors[0]).toEqual({ handle: 'colere.bsky.social', count: 9 });
    expect(onCategory?.mentionIds).toHaveLength(17);
    // Held: nothing sent during quiet hours, even when the tick passes.
    expect(smtp.received).toHaveLength(0);
    t.clock.advance(60 * 60_000);
    await tickVolume(t.context);
    expect(smtp.received).toHaveLength(0);
    // 08:00 UTC is 09:00 in Paris: quiet hours end, the held alerts go.
    t.clock.set(new Date('2026-12-02T08:00:00.000Z'));
    await tickVolume(t.context);
    expect(smtp.received).toHaveLength(1);
    expect(mailText(smtp.received[0] as ReceivedMail)).toContain(
      'Alerte de volume de la veille pour CHU de Valmont',
    );
    // The bucket closing does not alert a second time for the same burst.
    expect((await alertsOf(eid)).filter((a) => a.tier === 'volume')).toHaveLength(1);
  });

  it('retries a webhook that fails, then stops once it is delivered', async () => {
    const eid = await t.establishment();
    await storeRoute(t.storage.db, eid, t.clock.now(), {
      tier: 'immediate',
      channel: 'webhook',
      target: hooks.url,
      secret: 's',
    });
    hooks.statuses.push(500);
    await hear(eid, { category: 'threat' });
    expect(hooks.received).toHaveLength(1);
    const delivery = () =>
      t.storage.db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('establishment_id', '=', eid)
        .executeTakeFirstOrThrow();
    expect(await delivery()).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'webhook : réponse HTTP 500',
    });
    // Not before its back-off.
    expect(await deliverDueAlerts(t.context)).toBe(0);
    t.clock.advance(31_000);
    expect(await deliverDueAlerts(t.context)).toBe(1);
    expect(hooks.received).toHaveLength(2);
    expect(await delivery()).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(await deliverDueAlerts(t.context)).toBe(0);
    expect(hooks.received).toHaveLength(2);
  });

  it('a process restarted after a crash mid-send sends the delivery once its claim lapses; a last failure stops', async () => {
    const eid = await t.establishment();
    await hear(eid, { category: 'doxxing' });
    const [alert] = await alertsOf(eid);
    const routeId = await storeRoute(t.storage.db, eid, t.clock.now(), {
      tier: 'immediate',
      channel: 'webhook',
      target: hooks.url,
      secret: 's',
    });
    // What a process leaves behind when it dies right after claiming a delivery: a pending row
    // whose not_before is its five-minute lease.
    await t.storage.db
      .insertInto('alert_deliveries')
      .values({
        id: 'livraison-reprise',
        establishment_id: eid,
        alert_id: alert?.id ?? '',
        route_id: routeId,
        status: 'pending',
        attempts: 0,
        not_before: new Date(t.clock.now().getTime() + 5 * 60_000).toISOString(),
        last_error: null,
        created_at: t.clock.now().toISOString(),
        sent_at: null,
      })
      .execute();
    // Another process: the same database and settings, none of the first one's memory.
    const restarted: AppContext = { ...t.context };
    useDeliveryOptions(restarted, {
      retryDelaysMs: [],
      webhook: { allowLoopbackHttp: true, timeoutMs: 10_000 },
    });
    expect(await deliverDueAlerts(restarted)).toBe(0);
    expect(hooks.received).toHaveLength(0);
    t.clock.advance(5 * 60_000);
    hooks.statuses.push(503);
    expect(await deliverDueAlerts(restarted)).toBe(0);
    expect(hooks.received).toHaveLength(1);
    const row = await t.storage.db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('id', '=', 'livraison-reprise')
      .executeTakeFirstOrThrow();
    // No retry left in this process's settings: the delivery is given up and logged.
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: 'webhook : réponse HTTP 503' });
    t.clock.advance(24 * HOUR);
    expect(await deliverDueAlerts(restarted)).toBe(0);
    expect(hooks.received).toHaveLength(1);
  });

  it('counts no post older than a day, and a series whose snapshot cannot be read starts afresh', async () => {
    const eid = await t.establishment();
    const old = new Date(t.clock.now().getTime() - 25 * HOUR).toISOString();
    await hear(eid, { category: 'question', publishedAt: old });
    const series = () =>
      t.storage.db.selectFrom('buzz_series').selectAll().where('establishment_id', '=', eid).execute();
    expect(await series()).toEqual([]);
    await t.storage.db
      .insertInto('buzz_series')
      .values({
        establishment_id: eid,
        series_key: 'category:question',
        snapshot: '{"v":1,"count":"abc',
        updated_at: '',
      })
      .execute();
    await hear(eid, { category: 'question' });
    const [row] = (await series()).filter((r) => r.series_key === 'category:question');
    expect(JSON.parse(row?.snapshot ?? '{}')).toMatchObject({ v: 1, count: 1 });
  });
});
