// « Publier » live: a real `blouse serve` with a sealing key, a real AT Protocol network on
// loopback (PLC, PDS and AppView from @atproto/dev-env, on this machine's PostgreSQL and Redis)
// and Debian's Chromium. The director connects the
// establishment's Bluesky account; the community manager writes a Mois sans tabac post with a
// photo, the guard flags the patient it names, she fixes it and submits; the director approves; she
// schedules it for the next minute; it is on the PDS at its time, not before, and once; someone
// likes it, and the desk reads the like back.
import { randomBytes } from 'node:crypto';
import { AtpAgent } from '@atproto/api';
import { TestNetwork } from '@atproto/dev-env';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  auditPage,
  type BlouseServer,
  DESKTOP,
  launchBrowser,
  MOBILE,
  startBlouseServer,
  withSignedInPage,
} from './harness.js';

const FLAGGED =
  'Bravo à Kévin, hospitalisé en pneumologie chambre 12, qui a enfin arrêté de fumer après son infarctus ! #MoisSansTabac';
const FIXED = `Novembre, Mois sans tabac : consultations d’aide à l’arrêt gratuites au CHU, du lundi au vendredi. Tabac info service : 39 89. #MoisSansTabac ${randomBytes(3).toString('hex')}`;

/** A small poster, as a community manager would attach one. */
const POSTER = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#1e6f5c' } })
  .png()
  .toBuffer();

/** This run's AppView schema (letters only, the AppView's rule), dropped afterwards. */
const SCHEMA = `live_${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const POSTGRES = process.env.BLOUSE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let network: TestNetwork;
let hospital: AtpAgent;
let appPassword: string;
let server: BlouseServer;
let browser: Browser;

async function postsOnPds(): Promise<string[]> {
  const records = await hospital.com.atproto.repo.listRecords({
    repo: hospital.session?.did ?? '',
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return records.data.records.map((record) => (record.value as { text: string }).text);
}

async function openDraft(page: Page, title: string): Promise<void> {
  await page.goto('/publier');
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
}

describe('« Publier » live: approved, scheduled, published on a Bluesky PDS', () => {
  beforeAll(async () => {
    assertWebBuilt();
    process.env.REDIS_HOST ??= '127.0.0.1:6379';
    network = await TestNetwork.create({ dbPostgresUrl: POSTGRES, dbPostgresSchema: SCHEMA });
    hospital = new AtpAgent({ service: network.pds.url });
    await hospital.createAccount({
      handle: 'chu-demo.test',
      email: 'com@chu-demo.test',
      password: 'mdp-du-compte',
    });
    appPassword = (await hospital.com.atproto.server.createAppPassword({ name: 'blouse' })).data.password;
    server = await startBlouseServer(90_000, { BLOUSE_SECRET_KEY: randomBytes(32).toString('base64') });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await network?.close();
    const client = new pg.Client({ connectionString: POSTGRES });
    await client.connect();
    for (const schema of [`appview_${SCHEMA}`, `ozone_${SCHEMA}`])
      await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('goes from a flagged draft to a post on the PDS at its time (1280 px, then 375 px)', async () => {
    const failures: string[] = [];
    const title = 'Mois sans tabac — consultations';
    const as = (role: string, run: (page: Page) => Promise<void>) =>
      withSignedInPage(browser, server.url, server.account(role), DESKTOP, run);

    await as('communication', async (page) => {
      await page.goto('/publier');
      await page.getByLabel('Serveur (PDS) Bluesky').fill(network.pds.url);
      await page.getByLabel('Identifiant du compte').fill('chu-demo.test');
      await page.getByLabel('Mot de passe d’application').fill(appPassword);
      await page.getByRole('button', { name: 'Connecter le compte Bluesky' }).click();
      await page.getByTestId('account').filter({ hasText: 'chu-demo.test' }).waitFor();
    });

    await as('community_manager', async (page) => {
      await page.goto('/publier/nouvelle');
      await page.getByLabel('Titre interne (jamais publié)').fill(title);
      await page.getByRole('checkbox', { name: 'Facebook' }).uncheck();
      await page.getByRole('checkbox', { name: 'Bluesky' }).check();
      await page.getByLabel('Texte pour Bluesky').fill(FLAGGED);
      await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
      await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByTestId('variant-bluesky').textContent()).toMatch(/Bloquée/);
      // The campaign's poster: stored without its metadata, published with its alt text.
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'affiche.png', mimeType: 'image/png', buffer: POSTER });
      await page
        .getByLabel('Texte alternatif (ce que montre la photo ou la vidéo)')
        .fill('Affiche du Mois sans tabac');
      await page.getByRole('button', { name: 'Joindre le fichier' }).click();
      // Once in the photos, once in the network's preview.
      await page.getByRole('img', { name: 'Affiche du Mois sans tabac' }).first().waitFor();
      await page.getByLabel('Texte pour Bluesky').fill(FIXED);
      await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
      await expect.poll(() => page.getByTestId('variant-bluesky').textContent()).toMatch(/Rien à signaler/);
      // A photo may show someone: until she says who, or that it shows nobody, no submission.
      expect(await page.getByTestId('people-problems').textContent()).toMatch(/photo/);
      expect(await page.getByRole('button', { name: 'Soumettre à validation' }).count()).toBe(0);
      await page
        .getByRole('checkbox', { name: 'Les photos ou la vidéo ne montrent aucune personne reconnaissable' })
        .check();
      await page.getByRole('button', { name: 'Enregistrer les personnes' }).click();
      await expect.poll(() => page.getByTestId('people-problems').count()).toBe(0);
      await page.getByRole('button', { name: 'Soumettre à validation' }).click();
      await expect.poll(() => page.getByTestId('draft-status').first().textContent()).toBe('En validation');
    });

    await as('communication', async (page) => {
      await openDraft(page, title);
      await page.getByRole('button', { name: 'Approuver' }).click();
      await expect.poll(() => page.getByTestId('draft-status').first().textContent()).toBe('Approuvée');
    });

    await as('community_manager', async (page) => {
      await openDraft(page, title);
      // The next whole minute in the page's time zone (Europe/Paris), at least 5 s ahead.
      const due = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
      const local = await page.evaluate((iso) => {
        const d = new Date(iso);
        return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      }, due.toISOString());
      await page.getByLabel('Date et heure de publication').fill(local);
      await page.getByRole('button', { name: 'Programmer' }).click();
      await expect.poll(() => page.getByTestId('publications').textContent()).toMatch(/Bluesky — programmée/);
      failures.push(...(await auditPage(page, 'publishing-scheduled')));
      expect(await postsOnPds()).not.toContain(FIXED);
      // At its time the job publishes; the page follows it and shows the post's address.
      await expect
        .poll(() => page.getByTestId('publications').textContent(), { timeout: 90_000, interval: 1_000 })
        .toMatch(/Bluesky — publiée/);
      expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
      const posts = await postsOnPds();
      expect(posts.filter((text) => text === FIXED)).toHaveLength(1);
      const records = await hospital.com.atproto.repo.listRecords({
        repo: hospital.session?.did ?? '',
        collection: 'app.bsky.feed.post',
        limit: 100,
      });
      const record = records.data.records.find((item) => (item.value as { text: string }).text === FIXED);
      expect(record?.value).toMatchObject({ embed: { images: [{ alt: 'Affiche du Mois sans tabac' }] } });
      const link = page.getByRole('link', { name: 'voir sur le réseau' });
      expect(await link.getAttribute('href')).toMatch(
        /^https:\/\/bsky\.app\/profile\/chu-demo\.test\/post\//,
      );
      // Someone likes it; the desk reads the figures back from the network.
      const reader = new AtpAgent({ service: network.pds.url });
      await reader.createAccount({ handle: 'lectrice.test', email: 'l@exemple.test', password: 'mdp' });
      await reader.like(record?.uri ?? '', record?.cid ?? '');
      await network.processAll();
      await page.getByRole('button', { name: 'Actualiser les statistiques sur Bluesky' }).click();
      await expect
        .poll(() => page.getByTestId('publication-metrics').textContent())
        .toMatch(/^1 j’aime · 0 partage · 0 commentaire · relevé le/);
      failures.push(...(await auditPage(page, 'publishing-published')));
      await page.setViewportSize(MOBILE);
      failures.push(...(await auditPage(page, 'publishing-published')));
    });
    expect(failures).toEqual([]);
  }, 240_000);

  it('shows the month on the calendar, offers a health day as a new post, and moves a scheduled one', async () => {
    const failures: string[] = [];
    const title = 'Journée des aidants — témoignages';
    await withSignedInPage(
      browser,
      server.url,
      server.account('community_manager'),
      DESKTOP,
      async (page) => {
        // A second post, approved below and scheduled for tomorrow at 10:00, to be moved.
        await page.goto('/publier/nouvelle');
        await page.getByLabel('Titre interne (jamais publié)').fill(title);
        await page.getByRole('checkbox', { name: 'Facebook' }).uncheck();
        await page.getByRole('checkbox', { name: 'Bluesky' }).check();
        await page
          .getByLabel('Texte pour Bluesky')
          .fill(`Aidants : une permanence d’écoute au CHU chaque mardi. ${randomBytes(3).toString('hex')}`);
        await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
        await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
        await page.getByRole('button', { name: 'Soumettre à validation' }).click();
        await expect.poll(() => page.getByTestId('draft-status').first().textContent()).toBe('En validation');
      },
    );
    await withSignedInPage(browser, server.url, server.account('communication'), DESKTOP, async (page) => {
      await openDraft(page, title);
      await page.getByRole('button', { name: 'Approuver' }).click();
      await expect.poll(() => page.getByTestId('draft-status').first().textContent()).toBe('Approuvée');
    });
    await withSignedInPage(
      browser,
      server.url,
      server.account('community_manager'),
      DESKTOP,
      async (page) => {
        await openDraft(page, title);
        const tomorrow = await page.evaluate(() => {
          const d = new Date();
          d.setDate(d.getDate() + 1);
          d.setHours(10, 0, 0, 0);
          return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
        });
        await page.getByLabel('Date et heure de publication').fill(tomorrow);
        await page.getByRole('button', { name: 'Programmer' }).click();
        await expect.poll(() => page.getByTestId('publications').textContent()).toMatch(/programmée/);

        await page.goto('/publier/calendrier');
        await page.getByRole('heading', { level: 1, name: 'Calendrier éditorial' }).waitFor();
        // This week's view holds tomorrow unless today is Sunday: the month view always does.
        const entry = page.getByTestId('calendar-entry').filter({ hasText: title });
        await entry.waitFor();
        const day = await page.evaluate(() => {
          const d = new Date();
          d.setDate(d.getDate() + 2);
          return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        });
        failures.push(...(await auditPage(page, 'publishing-calendar')));
        // From the keyboard: « ↔ », then « ici » on the day after tomorrow.
        await entry.getByRole('button', { name: `Déplacer « ${title} » à un autre jour` }).click();
        const target = page.locator(`[data-day="${day}"]`);
        if ((await target.count()) === 0) await page.getByRole('button', { name: /Suivant/ }).click();
        await page.locator(`[data-day="${day}"]`).getByRole('button', { name: 'ici' }).click();
        await expect.poll(() => page.locator(`[data-day="${day}"]`).textContent()).toContain(title);
        await page.setViewportSize(MOBILE);
        failures.push(...(await auditPage(page, 'publishing-calendar')));
        // A health day of the month is a starting point: its name becomes the new post's title.
        await page.setViewportSize(DESKTOP);
        const healthDay = page.locator('[data-day] a[href^="/publier/nouvelle?titre="]').first();
        const name = ((await healthDay.textContent()) ?? '').trim();
        expect(name.length).toBeGreaterThan(5);
        await healthDay.click();
        await page.waitForURL(/\/publier\/nouvelle\?titre=/);
        expect(await page.getByLabel('Titre interne (jamais publié)').inputValue()).toBe(name);
      },
    );
    expect(failures).toEqual([]);
  }, 180_000);

  it('shows the « Tout suspendre » banner to every member while it holds', async () => {
    await withSignedInPage(browser, server.url, server.account('communication'), DESKTOP, async (page) => {
      await page.goto('/publier');
      await page.getByLabel('Raison (affichée à tous)').fill('Crise en cours');
      await page.getByRole('button', { name: 'Tout suspendre' }).click();
      await page.getByTestId('pause-banner').waitFor();
    });
    await withSignedInPage(browser, server.url, server.account('agent'), MOBILE, async (page) => {
      await page.goto('/verifier');
      const banner = page.getByTestId('pause-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/Crise en cours/);
      expect(await auditPage(page, 'publishing-paused-banner')).toEqual([]);
    });
    await withSignedInPage(browser, server.url, server.account('communication'), DESKTOP, async (page) => {
      await page.goto('/publier');
      await page.getByRole('button', { name: 'Reprendre les publications' }).click();
      await expect.poll(() => page.getByTestId('pause-banner').count()).toBe(0);
    });
  }, 120_000);
});
