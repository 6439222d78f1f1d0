// The consent register end to end: the community manager records a doctor's consent with the
// signed form, writes a post naming him (the guard blocks it: nobody consented), links the consent
// (the post can go); the legal service records his withdrawal; the post can no longer be
// submitted and says why. At 1280 and 375 px, with screenshots, axe and no sideways scroll.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  auditPage,
  type BlouseServer,
  DESKTOP,
  followMainNav,
  launchBrowser,
  MOBILE,
  startBlouseServer,
  type Viewport,
  withSignedInPage,
} from './harness.js';

const TIMEOUT = 120_000;
/** A scanned form as a scanner writes it (the server reads its first bytes, not its name). */
const FORM = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let server: BlouseServer;
let browser: Browser;

const withPage = (viewport: Viewport, role: string, run: (page: Page) => Promise<void>) =>
  withSignedInPage(browser, server.url, server.account(role), viewport, run);

async function openRegister(page: Page): Promise<void> {
  await followMainNav(page, 'Publier');
  await page.waitForURL('**/publier');
  await page.getByRole('link', { name: 'Consentements' }).click();
  await page.getByRole('heading', { level: 1, name: 'Registre des consentements' }).waitFor();
}

describe('the consent register, end to end', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startBlouseServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [viewport, label, doctor] of [
    [DESKTOP, 'desktop', 'Paul Girard'],
    [MOBILE, 'phone', 'Luc Arnaud'],
  ] as const) {
    it(
      `records a consent, relies on it, and a withdrawal stops the post (${label})`,
      async () => {
        const failures: string[] = [];
        const title = `Conférence du Dr ${doctor}`;
        let address = '';
        await withPage(viewport, 'community_manager', async (page) => {
          await openRegister(page);
          // The demo's own consent is in the register.
          await page.getByRole('link', { name: 'Pr Hélène Morvan' }).first().waitFor();
          await page.getByLabel('Nom tel que publié', { exact: false }).fill(`Dr ${doctor}`);
          await page.getByRole('checkbox', { name: 'image' }).uncheck();
          await page.getByLabel('Objet (campagne, reportage…)').fill('Conférence grand public sur le cœur');
          await page.getByLabel('Signé le').fill('2026-11-02');
          await page.getByLabel('Valable jusqu’au').fill('2030-11-01');
          await page
            .locator('input[type="file"]')
            .setInputFiles({ name: 'consentement.pdf', mimeType: 'application/pdf', buffer: FORM });
          failures.push(...(await auditPage(page, `consents-form-${label}`)));
          await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
          await page.getByRole('status').filter({ hasText: 'Consentement enregistré.' }).waitFor();
          await page.getByRole('link', { name: `Dr ${doctor}` }).waitFor();
          failures.push(...(await auditPage(page, `consents-register-${label}`)));

          // A post naming him, before linking his consent: blocked by the register's rule.
          await page.goto(`${server.url}/publier/nouvelle`);
          await page.getByLabel('Titre interne (jamais publié)').fill(title);
          await page.getByRole('checkbox', { name: 'Facebook' }).uncheck();
          await page.getByRole('checkbox', { name: 'Bluesky' }).check();
          await page
            .getByLabel('Texte pour Bluesky')
            .fill(
              `Jeudi à 18 h, le Dr ${doctor} répond à vos questions sur le cœur, amphithéâtre du CHU. Entrée libre.`,
            );
          await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
          await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
          address = page.url();
          const bluesky = page.getByTestId('variant-bluesky');
          await expect.poll(() => bluesky.textContent()).toMatch(/Bloquée/);
          expect(await bluesky.textContent()).toMatch(/INST-02/);
          expect(await bluesky.textContent()).toMatch(/registre des consentements/);
          failures.push(...(await auditPage(page, `consents-draft-blocked-${label}`)));

          // She links his consent from the register: the guard reads his name as consented to.
          await page
            .getByLabel('Chercher dans le registre (consentements en vigueur)')
            .fill(doctor.split(' ')[1] ?? '');
          await page.getByRole('button', { name: `Lier un consentement : Dr ${doctor}` }).click();
          await page.getByRole('button', { name: 'Enregistrer les personnes' }).click();
          await expect.poll(() => bluesky.textContent()).not.toMatch(/Bloquée/);
          expect(await page.getByTestId('people').textContent()).toMatch(/En vigueur/);
          await page.getByRole('button', { name: 'Soumettre à validation' }).waitFor();
          failures.push(...(await auditPage(page, `consents-draft-linked-${label}`)));
        });

        await withPage(viewport, 'legal', async (page) => {
          await openRegister(page);
          await page.getByRole('link', { name: `Dr ${doctor}` }).click();
          await page.getByRole('heading', { level: 1, name: `Dr ${doctor}` }).waitFor();
          expect(await page.getByText(title).count()).toBe(1);
          await page.getByLabel('Motif ou référence (courrier, appel…)').fill('Courriel du 6 décembre');
          await page.getByRole('button', { name: 'Enregistrer le retrait' }).click();
          await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
          await expect.poll(() => page.getByTestId('consent-state').first().textContent()).toBe('Retiré');
          await page.getByText('Motif : Courriel du 6 décembre', { exact: false }).waitFor();
          failures.push(...(await auditPage(page, `consents-withdrawn-${label}`)));
        });

        await withPage(viewport, 'community_manager', async (page) => {
          await page.goto(address);
          await page.getByTestId('people-problems').waitFor();
          expect(await page.getByTestId('people-problems').textContent()).toMatch(/a été retiré/);
          expect(await page.getByRole('button', { name: 'Soumettre à validation' }).count()).toBe(0);
          failures.push(...(await auditPage(page, `consents-draft-withdrawn-${label}`)));
        });
        expect(failures).toEqual([]);
      },
      TIMEOUT,
    );
  }

  it('keeps agents out of the register', async () => {
    await withPage(DESKTOP, 'agent', async (page) => {
      await page.goto(`${server.url}/publier/consentements`);
      await page.getByText('Le registre est réservé au bureau de publication.').waitFor();
    });
  });
});
