// « Publier » end to end: the community manager writes a Mois sans tabac post for Facebook and
// Bluesky, the guard flags the patient it names, she fixes it and submits it; she cannot approve
// her own post; the communication director approves it. A sensitive post (the guard warns) also
// goes to the legal service, who sends it back with a comment. At 1280 and 375 px, with
// screenshots, axe and no sideways scroll. An agent sees no « Publier » entry.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFace, wardPhoto } from '../../guard-image/src/test-photos.js';
import { testMp4 } from '../../server/src/publishing/media/mp4-test-file.js';
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
const FLAGGED =
  '#MoisSansTabac Bravo à Kévin, hospitalisé en pneumologie chambre 12, qui a enfin arrêté de fumer après son infarctus !';
const FIXED =
  '#MoisSansTabac Bravo à toutes celles et ceux qui ont arrêté de fumer ce mois-ci avec notre équipe de tabacologie !';
const BLUESKY =
  'Novembre, Mois sans tabac 🚭 Consultations d’aide à l’arrêt gratuites au CHU, du lundi au vendredi. Tabac info service : 39 89.';

let server: BlouseServer;
let browser: Browser;

const withPage = (viewport: Viewport, role: string, run: (page: Page) => Promise<void>) =>
  withSignedInPage(browser, server.url, server.account(role), viewport, run);

async function openDesk(page: Page): Promise<void> {
  await followMainNav(page, 'Publier');
  await page.waitForURL('**/publier');
  await page.getByRole('heading', { level: 1, name: 'Publications de l’établissement' }).waitFor();
}

describe('« Publier », end to end', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startBlouseServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [viewport, label] of [
    [DESKTOP, 'desktop'],
    [MOBILE, 'phone'],
  ] as const) {
    it(
      `a community manager writes, fixes and submits; the director approves (${label})`,
      async () => {
        const failures: string[] = [];
        const title = `Mois sans tabac ${label}`;
        let address = '';
        await withPage(viewport, 'community_manager', async (page) => {
          await openDesk(page);
          await page.getByRole('link', { name: 'Nouvelle publication' }).click();
          await page.getByLabel('Titre interne (jamais publié)').fill(title);
          await page.getByRole('checkbox', { name: 'Bluesky' }).check();
          await page.getByLabel('Texte pour Facebook').fill(FLAGGED);
          await page.getByLabel('Texte pour Bluesky').fill(BLUESKY);
          // Bluesky counts graphemes: the counter is the server's own count.
          await expect
            .poll(() => page.locator('#counter-bluesky').textContent())
            .toMatch(/\d+ \/ 300 caractères/);
          failures.push(...(await auditPage(page, `publishing-editor-${label}`)));
          await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
          await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
          address = page.url();

          // The guard blocks the Facebook variant and says why; no submission is offered.
          const facebook = page.getByTestId('variant-facebook');
          await expect.poll(() => facebook.textContent()).toMatch(/Bloquée/);
          expect(await facebook.textContent()).toMatch(/SECRET-01/);
          expect(await page.getByRole('button', { name: 'Soumettre à validation' }).count()).toBe(0);
          failures.push(...(await auditPage(page, `publishing-flagged-${label}`)));

          // She fixes it: the guard reads it again, and she submits.
          await page.getByLabel('Texte pour Facebook').fill(FIXED);
          await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
          await expect.poll(() => facebook.textContent()).toMatch(/Rien à signaler/);
          await page.getByRole('button', { name: 'Soumettre à validation' }).click();
          await expect
            .poll(() => page.getByTestId('draft-status').first().textContent())
            .toBe('En validation');
          expect(await page.getByTestId('pending-step').textContent()).toMatch(
            /Direction de la communication/,
          );
          // Her own post: the server says she may not approve it, and no button is shown.
          expect(await page.getByTestId('approve-refusal').textContent()).toMatch(/écrite ou modifiée/);
          expect(await page.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
          failures.push(...(await auditPage(page, `publishing-submitted-${label}`)));
        });

        await withPage(viewport, 'communication', async (page) => {
          await openDesk(page);
          // The demo's own posts are there too: one waiting for the director, one approved.
          await page.getByRole('link', { name: 'Mois sans tabac — consultations gratuites' }).waitFor();
          failures.push(...(await auditPage(page, `publishing-list-${label}`)));
          await page.getByRole('link', { name: title, exact: true }).click();
          await page.waitForURL(address);
          await page.getByLabel('Commentaire (obligatoire pour refuser)').fill('Bravo, on publie.');
          failures.push(...(await auditPage(page, `publishing-review-${label}`)));
          await page.getByRole('button', { name: 'Approuver' }).click();
          await expect.poll(() => page.getByTestId('draft-status').first().textContent()).toBe('Approuvée');
          expect(await page.getByTestId('decisions').textContent()).toMatch(
            /Approuvée à l’étape « Direction de la communication » \(version 2\).*Bravo, on publie\./,
          );
          failures.push(...(await auditPage(page, `publishing-approved-${label}`)));
        });
        expect(failures).toEqual([]);
      },
      TIMEOUT,
    );
  }

  for (const [viewport, label] of [
    [DESKTOP, 'desktop'],
    [MOBILE, 'phone'],
  ] as const) {
    it(
      `a sensitive post waits for the legal service, who sends it back with a comment (${label})`,
      async () => {
        const failures: string[] = [];
        const title = `Agression aux urgences ${label}`;
        let address = '';
        await withPage(viewport, 'community_manager', async (page) => {
          await page.goto('/publier/nouvelle');
          await page.getByLabel('Titre interne (jamais publié)').fill(title);
          await page
            .getByLabel('Texte pour Facebook')
            .fill('Un patient a agressé une infirmière cette nuit aux urgences ; nous portons plainte.');
          await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
          await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
          address = page.url();
          // The guard warns (not blocks): the post may go, after the legal service has read it.
          await expect.poll(() => page.getByTestId('variant-facebook').textContent()).toMatch(/À relire/);
          await page.getByRole('button', { name: 'Soumettre à validation' }).click();
          await expect
            .poll(() => page.getByTestId('draft-status').first().textContent())
            .toBe('En validation');
        });
        await withPage(viewport, 'communication', async (page) => {
          await page.goto(address);
          await page.getByRole('button', { name: 'Approuver' }).click();
          // Approved by the director, it now waits for the legal service.
          await expect
            .poll(() => page.getByTestId('pending-step').textContent())
            .toMatch(/Service juridique/);
          expect(await page.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
        });
        await withPage(viewport, 'legal', async (page) => {
          await openDesk(page);
          await page.getByRole('link', { name: title, exact: true }).click();
          await page.waitForURL(address);
          await expect
            .poll(() => page.getByTestId('pending-step').textContent())
            .toMatch(/Service juridique/);
          failures.push(...(await auditPage(page, `publishing-legal-review-${label}`)));
          await page
            .getByLabel('Commentaire (obligatoire pour refuser)')
            .fill('Ne parlez pas de la plainte avant le dépôt : retirez la dernière phrase.');
          await page.getByRole('button', { name: 'Refuser' }).click();
          await expect.poll(() => page.getByTestId('draft-status').first().textContent()).toBe('Refusée');
          expect(await page.getByTestId('decisions').textContent()).toMatch(
            /Refusée à l’étape « Service juridique ».*retirez la dernière phrase/,
          );
          failures.push(...(await auditPage(page, `publishing-legal-refused-${label}`)));
        });
        await withPage(viewport, 'community_manager', async (page) => {
          await page.goto(address);
          // The author reads why, and may edit and submit again.
          await page.getByText('retirez la dernière phrase', { exact: false }).first().waitFor();
          await page.getByRole('button', { name: 'Soumettre à validation' }).waitFor();
        });
        expect(failures).toEqual([]);
      },
      TIMEOUT,
    );
  }

  it(
    'prepares a YouTube video on a phone: the video, its title, the statement that it shows nobody',
    async () => {
      const failures: string[] = [];
      await withPage(MOBILE, 'community_manager', async (page) => {
        await page.goto('/publier/nouvelle');
        await page.getByLabel('Titre interne (jamais publié)').fill('Vidéo tabacologie');
        await page.getByRole('checkbox', { name: 'Facebook' }).uncheck();
        await page.getByRole('checkbox', { name: 'YouTube' }).check();
        await page.getByLabel('Titre de la vidéo (YouTube)').fill('Mois sans tabac : vos questions');
        await page
          .getByLabel('Texte pour YouTube')
          .fill('Consultations gratuites au CHU, du lundi au vendredi.');
        await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
        await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
        // No video yet: YouTube cannot take the post, and the page does not offer to submit it.
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: testMp4({ seconds: 20 }) });
        await page
          .getByLabel('Texte alternatif (ce que montre la photo ou la vidéo)')
          .fill('Deux tabacologues répondent');
        await page.getByRole('button', { name: 'Joindre le fichier' }).click();
        await page.locator('video[aria-label="Deux tabacologues répondent"]').first().waitFor();
        await page
          .getByRole('checkbox', {
            name: 'Les photos ou la vidéo ne montrent aucune personne reconnaissable',
          })
          .check();
        await page.getByRole('button', { name: 'Enregistrer les personnes' }).click();
        await page.getByRole('button', { name: 'Soumettre à validation' }).click();
        await expect.poll(() => page.getByTestId('draft-status').first().textContent()).toBe('En validation');
        failures.push(...(await auditPage(page, 'publishing-video-phone')));
      });
      expect(failures).toEqual([]);
    },
    TIMEOUT,
  );

  for (const [viewport, label] of [
    [MOBILE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    it(
      `holds a photo whose face contradicts « nobody recognisable », until its safe copy replaces it (${label})`,
      async () => {
        const failures: string[] = [];
        const photo = await wardPhoto({ face: await testFace() });
        await withPage(viewport, 'community_manager', async (page) => {
          await page.goto('/publier/nouvelle');
          await page.getByLabel('Titre interne (jamais publié)').fill(`Équipe de rééducation ${label}`);
          await page
            .getByLabel('Texte pour Facebook')
            .fill('Portes ouvertes du service de rééducation samedi, de 10 h à 17 h.');
          await page.getByRole('button', { name: 'Enregistrer et faire relire par le garde' }).click();
          await page.waitForURL(/\/publier\/[0-9a-f-]{36}$/);
          await page
            .locator('input[type="file"]')
            .setInputFiles({ name: 'equipe.jpg', mimeType: 'image/jpeg', buffer: photo });
          await page
            .getByLabel('Texte alternatif (ce que montre la photo ou la vidéo)')
            .fill('Le plateau de rééducation');
          await page.getByRole('button', { name: 'Joindre le fichier' }).click();
          // The image guard read the photo when it was attached.
          await page.getByText('Le garde voit un visage.').waitFor();
          await page
            .getByRole('checkbox', {
              name: 'Les photos ou la vidéo ne montrent aucune personne reconnaissable',
            })
            .check();
          await page.getByRole('button', { name: 'Enregistrer les personnes' }).click();
          await expect
            .poll(() => page.getByTestId('people-problems').textContent())
            .toMatch(/le garde voit un visage sur les photos/);
          failures.push(...(await auditPage(page, `publishing-photo-face-${label}`)));
          await page
            .getByRole('button', {
              name: 'Remplacer par la copie sûre la photo « Le plateau de rééducation »',
            })
            .click();
          await page.getByText('Le garde ne voit ni visage ni texte sensible.').waitFor();
          await expect.poll(() => page.getByTestId('people-problems').count()).toBe(0);
          failures.push(...(await auditPage(page, `publishing-photo-safe-copy-${label}`)));
          await page.getByRole('button', { name: 'Soumettre à validation' }).click();
          await expect
            .poll(() => page.getByTestId('draft-status').first().textContent())
            .toBe('En validation');
        });
        expect(failures).toEqual([]);
      },
      TIMEOUT,
    );
  }

  it('shows no « Publier » entry to an agent, and tells them the desk is not theirs', async () => {
    await withPage(DESKTOP, 'agent', async (page) => {
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      await nav.waitFor();
      expect(await nav.getByRole('link', { name: 'Publier' }).count()).toBe(0);
      await page.goto(`${server.url}/publier`);
      await page.getByText('Le bureau de publication est réservé').waitFor();
    });
  });
});
