// Listening live, end to end (issue 10's « Done when »): a real Bluesky network (PLC directory and
// PDS from @atproto/dev-env), a real SMTP server on loopback and a real `blouse serve`. In the
// browser, the communication officer adds the PDS's firehose as a source and two alert routes
// (immediate and volume, by e-mail); a privacy breach posted on the PDS appears in « Veille »
// with its category and sends an immediate alert e-mail (French subject, no post text, a link to
// the alert); a burst of posts raises a volume alert; each alert opens an incident in one click,
// with its mentions sealed as evidence. At 1280 px, and the key pages at 375 px, with screenshots.
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { SpikeDetector } from '@blouse/buzz';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../server/src/db/database.js';
import {
  type ReceivedMail,
  startSmtpServer,
} from '../../server/src/incidents/notifications/smtp-test-server.js';
import { foldForSearch } from '../../server/src/incidents/search-fold.js';
import { writeSeries } from '../../server/src/listening/alerts/alert-repository.js';
import type { SeriesState } from '../../server/src/listening/alerts/series-state.js';
import {
  assertWebBuilt,
  type BlouseServer,
  DESKTOP,
  launchBrowser,
  MOBILE,
  newContext,
  screenshot,
  signIn,
  startBlouseServer,
} from './harness.js';

const HOUR = 3_600_000;
/** Generous: the machine is shared; nothing here measures speed. */
const WAIT = 60_000;
const ALERTS_TO = 'veille@chu-demo.test';
const PRIVACY_BREACH =
  'Ma voisine Mme Jeanne Martin est hospitalisée au CHU de Démonstration en psychiatrie depuis mardi, chambre 12';
/** Enough posts in one hour, against a history of one every four hours, to trip the detector. */
const BURST = 25;
const CATEGORIES = [
  'complaint',
  'rumor',
  'threat',
  'defamation',
  'doxxing',
  'privacy_breach',
  'praise',
  'question',
  'info',
];

let network: TestNetworkNoAppView;
let critic: AtpAgent;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let server: BlouseServer;
let browser: Browser;
const timings: string[] = [];

/** Polls `read` until it returns a value (not undefined), or fails after `limitMs` saying what was awaited. */
async function waitFor<T>(what: string, read: () => Promise<T | undefined> | T | undefined, limitMs = WAIT) {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - started > limitMs) throw new Error(`attendu en vain pendant ${limitMs} ms : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A mail's Subject header, unfolded, with its RFC 2047 encoded words decoded. */
function subjectOf(mail: ReceivedMail): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(mail.raw)?.[1] ?? '';
  return header
    .replace(/\?=\r?\n[ \t]+=\?/g, '?==?')
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/** A mail's body as a reader sees it (quoted-printable decoded). */
function bodyOf(mail: ReceivedMail): string {
  const body = mail.raw.slice(mail.raw.search(/\r?\n\r?\n/));
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * A week of history for every series the demo hospital's mentions count in (one mention every four
 * hours), written where the server keeps it. The volume detector stays silent for its first day
 * (its warm-up) and `blouse serve` has no setting to shorten it (useVolumeSettings is an in-process
 * hook), so without history no burst could alert in a test; this is the state a server running
 * for a week would have.
 */
async function seedVolumeHistory(establishmentId: string): Promise<void> {
  const storage = openStorage(server.databaseUrl);
  try {
    const terms = await storage.db
      .selectFrom('watch_terms')
      .select('term')
      .where('establishment_id', '=', establishmentId)
      .execute();
    const keys = [
      ...terms.map(({ term }) => `term:${foldForSearch(term)}`),
      ...CATEGORIES.map((category) => `category:${category}`),
    ];
    const now = Date.now();
    const bucketStart = Math.floor(now / HOUR) * HOUR;
    for (const key of keys) {
      const detector = new SpikeDetector({ bucketSeconds: 3600 });
      for (let ago = 7 * 24; ago >= 1; ago--)
        detector.update(bucketStart - ago * HOUR, ago % 4 === 0 ? 1 : 0);
      const state: SeriesState = {
        v: 1,
        detector: detector.snapshot(),
        bucketStart,
        count: 0,
        mentionIds: [],
        terms: {},
        authors: {},
        alertedBucket: null,
      };
      await writeSeries(storage.db, establishmentId, key, JSON.stringify(state), new Date(now).toISOString());
    }
  } finally {
    await storage.close();
  }
}

/** The Bluesky source's stored cursor: set once it has read the PDS's firehose. */
async function blueskyCursor(): Promise<string | undefined> {
  const storage = openStorage(server.databaseUrl);
  try {
    const row = await storage.db
      .selectFrom('listening_sources')
      .select('cursor')
      .where('kind', '=', 'bluesky')
      .executeTakeFirst();
    return row?.cursor ?? undefined;
  } finally {
    await storage.close();
  }
}

const mentionCards = (page: Page) => page.getByTestId('mentions').locator('article');
const evidenceItems = (page: Page) => page.locator('section[aria-labelledby="desk-evidence"] ul > li');

/** The page's address of an alert, from the link in its e-mail (its path and query). */
function alertPathIn(mail: ReceivedMail): { path: string; alertId: string; establishmentId: string } {
  const link = /(https?:\/\/\S+\/veille\/alertes\/([0-9a-f-]+)\?etablissement=([0-9a-f-]+))/.exec(
    bodyOf(mail),
  );
  if (link === null) throw new Error(`pas de lien vers l’alerte dans le courriel :\n${bodyOf(mail)}`);
  const url = new URL(link[1] as string);
  return {
    path: `${url.pathname}${url.search}`,
    alertId: link[2] as string,
    establishmentId: link[3] as string,
  };
}

/** From an alert's page, « Ouvrir un incident » once: the incident's page, with the sealed mentions. */
async function openIncidentFromAlert(page: Page, path: string, expectedEvidence: number): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Ouvrir un incident' }).click();
  await page.waitForURL(/\/incidents\/[^/?]+$/, { timeout: WAIT });
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expect.poll(() => evidenceItems(page).count(), { timeout: WAIT }).toBe(expectedEvidence);
  // The key facts at the top say it too, before the long list.
  const sealed = page
    .getByText('Preuves conservées', { exact: true })
    .locator('xpath=following-sibling::*[1]');
  expect((await sealed.textContent())?.trim()).toBe(String(expectedEvidence));
}

describe('« Veille » live: Bluesky PDS → mention, alert e-mail, volume alert, incident', () => {
  beforeAll(async () => {
    assertWebBuilt();
    let started = Date.now();
    network = await TestNetworkNoAppView.create({});
    critic = new AtpAgent({ service: network.pds.url });
    await critic.createAccount({ handle: 'voisin-bavard.test', email: 'v@x.test', password: 'mdp-voisin' });
    timings.push(`réseau Bluesky local prêt : ${Date.now() - started} ms`);
    smtp = await startSmtpServer();
    started = Date.now();
    server = await startBlouseServer(90_000, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Blouse <veille@blouse.test>',
    });
    timings.push(`serveur Blouse prêt : ${Date.now() - started} ms`);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    await network?.close();
    console.log(`Veille en direct — durées observées :\n  ${timings.join('\n  ')}`);
  });

  it('hears the PDS, mails the immediate alert, raises a volume alert, and opens incidents (1280 px)', async () => {
    const context = await newContext(browser, server.url, DESKTOP);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`exception : ${error.message}`));
    try {
      await signIn(page, server.account('communication'));

      // Settings, in the browser: the PDS's firehose as a source, then who receives which alert.
      await page.goto('/veille/reglages');
      await page.getByRole('heading', { level: 1, name: 'Réglages de la veille' }).waitFor();
      await page.getByLabel('Type de source').selectOption('bluesky');
      await page.getByRole('textbox', { name: 'Nom' }).fill('PDS de test');
      await page
        .getByRole('textbox', { name: /Service Bluesky/ })
        .fill(network.pds.url.replace(/^http/, 'ws'));
      await page.getByRole('button', { name: 'Ajouter la source' }).click();
      await page.getByTestId('sources').getByText('PDS de test', { exact: true }).waitFor();
      // The row says where it reads.
      await page.getByTestId('sources').getByText(network.pds.url.replace(/^http/, 'ws')).waitFor();

      for (const tier of ['immediate', 'volume']) {
        await page.getByLabel('Niveau d’alerte').selectOption(tier);
        await page.getByLabel('Canal').selectOption('email');
        await page.getByRole('textbox', { name: 'Adresse électronique' }).fill(ALERTS_TO);
        await page.getByRole('button', { name: 'Ajouter la règle' }).click();
        await expect
          .poll(() => page.getByRole('region', { name: 'Envoi des alertes' }).getByText(ALERTS_TO).count())
          .toBe(tier === 'immediate' ? 1 : 2);
      }
      await screenshot(page, 'live-settings');

      const establishmentId = await page.evaluate(async () => {
        const response = await fetch('/api/session');
        const session = (await response.json()) as { memberships?: { establishmentId: string }[] };
        return session.memberships?.[0]?.establishmentId ?? '';
      });
      expect(establishmentId).not.toBe('');
      await seedVolumeHistory(establishmentId);

      // The source reads the firehose live (no stored cursor yet): wait until it has read an event
      // (it stores its cursor), posting something that names no hospital meanwhile.
      let started = Date.now();
      await waitFor('la source Bluesky lit le flux du PDS', async () => {
        await critic.post({ text: 'Il fait beau sur Démoville aujourd’hui.' });
        return blueskyCursor();
      });
      timings.push(`source Bluesky connectée (curseur enregistré) : ${Date.now() - started} ms`);

      // The privacy breach: in « Veille », classified, and an immediate alert e-mail.
      started = Date.now();
      await critic.post({ text: PRIVACY_BREACH, langs: ['fr'] });
      await page.goto('/veille');
      const breachCard = mentionCards(page).filter({ hasText: 'Mme Jeanne Martin' });
      await waitFor('la mention dans « Veille »', async () => {
        if ((await breachCard.count()) > 0) return true;
        await page.reload();
        await mentionCards(page).first().waitFor();
        return undefined;
      });
      timings.push(`post du PDS → mention visible dans « Veille » : ${Date.now() - started} ms`);
      expect(await breachCard.locator('[data-category]').getAttribute('data-category')).toBe(
        'privacy_breach',
      );
      expect((await breachCard.textContent()) ?? '').toMatch(/Bluesky/);
      await screenshot(page, 'live-mentions');

      const immediateMail = await waitFor('le courriel d’alerte immédiate', () =>
        smtp.received.find((mail) => /immédiate/i.test(subjectOf(mail))),
      );
      timings.push(`post du PDS → courriel d’alerte immédiate reçu : ${Date.now() - started} ms`);
      expect(immediateMail.to).toEqual([ALERTS_TO]);
      expect(subjectOf(immediateMail)).toMatch(/^\[Blouse\] Alerte immédiate : .+ — /);
      const immediateBody = bodyOf(immediateMail);
      for (const word of ['Jeanne', 'Martin', 'psychiatrie', 'chambre 12']) {
        expect(immediateBody).not.toContain(word);
        expect(subjectOf(immediateMail)).not.toContain(word);
      }
      const immediate = alertPathIn(immediateMail);
      expect(immediate.establishmentId).toBe(establishmentId);

      // The burst: a volume alert in « Veille › Alertes » (and its e-mail, the volume tier is routed).
      started = Date.now();
      for (let index = 1; index <= BURST; index++) {
        await critic.post({
          text: `Encore des heures d’attente aux urgences du CHU de Démonstration ce soir, témoignage n°${index}`,
        });
      }
      await page.goto('/veille/alertes');
      await page.getByRole('heading', { level: 1, name: 'Alertes' }).waitFor();
      const volumeCards = page.locator('article[data-alert-id]').filter({ hasText: /Hausse sur/ });
      await waitFor('l’alerte de volume dans « Alertes »', async () => {
        if ((await volumeCards.count()) > 0) return true;
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Alertes' }).waitFor();
        return undefined;
      });
      timings.push(`rafale de ${BURST} posts → alerte de volume visible : ${Date.now() - started} ms`);
      await screenshot(page, 'live-alerts');
      const volumeMail = await waitFor('le courriel d’alerte de volume', () =>
        smtp.received.find((mail) => /volume/i.test(subjectOf(mail))),
      );
      timings.push(`rafale → courriel d’alerte de volume reçu : ${Date.now() - started} ms`);
      const volume = alertPathIn(volumeMail);
      const volumeMentions = Number(/Publications concernées : (\d+)/.exec(bodyOf(volumeMail))?.[1] ?? 0);
      expect(volumeMentions).toBeGreaterThan(1);

      // From each alert's page, one click opens an incident with its mentions sealed as evidence.
      await page.goto(immediate.path);
      await page.getByRole('heading', { level: 1, name: /Atteinte au secret/ }).waitFor();
      await page.getByText('Mme Jeanne Martin', { exact: false }).first().waitFor();
      await screenshot(page, 'live-immediate-alert');
      await openIncidentFromAlert(page, immediate.path, 1);
      await screenshot(page, 'live-immediate-incident');
      await page.goto(volume.path);
      await page.getByRole('heading', { level: 1, name: /Hausse du volume/ }).waitFor();
      await page.getByRole('heading', { name: 'Ses mentions' }).waitFor();
      await screenshot(page, 'live-volume-alert');
      await openIncidentFromAlert(page, volume.path, volumeMentions);
      await screenshot(page, 'live-volume-incident');
    } catch (error) {
      if (errors.length > 0 && error instanceof Error) error.message += `\n${errors.join('\n')}`;
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);

  it('shows the live mention and the alerts on a phone (375 px)', async () => {
    const context = await newContext(browser, server.url, MOBILE);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const shoot = async (name: string) => {
      await screenshot(page, name);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `défilement horizontal sur ${name}`).toBeLessThanOrEqual(1);
    };
    try {
      await signIn(page, server.account('communication'));
      await page.goto('/veille');
      await mentionCards(page).filter({ hasText: 'Mme Jeanne Martin' }).first().waitFor();
      await shoot('live-mentions');
      await page.goto('/veille/alertes');
      await page.locator('article[data-alert-id]').first().waitFor();
      await shoot('live-alerts');
      await page
        .locator('article[data-alert-id]')
        .filter({ hasText: /Hausse sur/ })
        .getByRole('link')
        .first()
        .click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await shoot('live-volume-alert');
      await page.goto('/veille/reglages');
      await page.getByTestId('sources').getByText('PDS de test', { exact: true }).waitFor();
      await shoot('live-settings');
    } finally {
      await context.close();
    }
  }, 120_000);
});
