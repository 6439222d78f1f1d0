// Reporting end to end: a screenshot reaches the desk as sealed evidence; a report without a
// link; each field's error under its field; an anonymous reporter follows the report with the
// code, without signing in, at 1280 and 375 px.
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  type BlouseServer,
  DESKTOP,
  formatViolations,
  launchBrowser,
  MOBILE,
  newContext,
  screenshot,
  seriousA11yViolations,
  signIn,
  startBlouseServer,
} from './harness.js';

const TIMEOUT = 90_000;

let server: BlouseServer;
let browser: Browser;
/** A screenshot-like image (a real PNG of a few hundred pixels). */
let capture: Buffer;

async function withPage(
  viewport: { width: number; height: number },
  role: string | null,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await newContext(browser, server.url, viewport);
  context.setDefaultTimeout(15_000);
  // The copy button writes to the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`exception : ${error.message}`));
  try {
    if (role !== null) await signIn(page, server.account(role));
    await run(page);
  } catch (error) {
    if (errors.length > 0 && error instanceof Error) error.message += `\n${errors.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
}

/** axe finds no serious or critical violation on the page as it stands. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, formatViolations(`${name} à ${page.viewportSize()?.width} px`, violations)).toEqual([]);
}

/** No sideways scrolling: the page is no wider than the window. */
async function expectNoHorizontalScroll(page: Page, name: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: (document.scrollingElement ?? document.documentElement).scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${name} : défilement horizontal`).toBeLessThanOrEqual(widths.inner);
}

async function fillReport(
  page: Page,
  fields: { url?: string; excerpt?: string; anonymous?: boolean; withCapture?: boolean },
): Promise<void> {
  await page.goto('/signaler');
  if (fields.url !== undefined) await page.getByLabel('Lien du message').fill(fields.url);
  await page.getByLabel('Réseau').selectOption({ label: 'Instagram' });
  if (fields.excerpt !== undefined) await page.getByLabel('Extrait').fill(fields.excerpt);
  if (fields.withCapture === true) {
    await page
      .getByLabel(/Captures d.écran/)
      .first()
      .setInputFiles({ name: 'capture.png', mimeType: 'image/png', buffer: capture });
  }
  if (fields.anonymous === true) await page.getByRole('checkbox', { name: 'Rester anonyme' }).check();
}

async function reference(page: Page): Promise<string> {
  await page.getByText('Merci, votre signalement est bien reçu').first().waitFor();
  const line = await page
    .getByText(/Référence : /)
    .first()
    .textContent();
  const found = /Référence : (\S+)/.exec(line ?? '')?.[1];
  if (found === undefined) throw new Error(`référence introuvable dans « ${line} »`);
  return found;
}

describe('reporting, end to end', () => {
  beforeAll(async () => {
    assertWebBuilt();
    capture = await sharp({
      create: { width: 320, height: 180, channels: 3, background: { r: 30, g: 90, b: 200 } },
    })
      .png()
      .toBuffer();
    server = await startBlouseServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'an agent reports with a screenshot; the desk sees the image on the incident, sealed as evidence',
    async () => {
      let filed = '';
      await withPage(DESKTOP, 'agent', async (page) => {
        await page.waitForURL('**/verifier');
        await fillReport(page, {
          url: 'https://www.instagram.com/p/couloir42',
          excerpt: 'Photo d’un patient sur un brancard dans le couloir des urgences.',
          withCapture: true,
        });
        // The limits are stated beside the file input.
        await page.getByText(/5 fichiers au plus, 10 Mo au plus chacun/).waitFor();
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
        filed = await reference(page);
      });
      for (const viewport of [DESKTOP, MOBILE]) {
        await withPage(viewport, 'communication', async (page) => {
          await page.waitForURL('**/incidents');
          // The list has a table and phone cards: follow whichever link to the incident.
          const link = page.getByRole('link', { name: filed, exact: true }).first();
          await link.waitFor({ state: 'attached' });
          await page.goto((await link.getAttribute('href')) ?? '/incidents');
          await page.waitForURL(/\/incidents\/[^/]+$/);
          // The incident's key facts: the label, then the count beside it.
          await page
            .getByText('Preuves conservées', { exact: true })
            .locator('xpath=following-sibling::*[1]')
            .filter({ hasText: /^1$/ })
            .waitFor();
          const thumbnail = page.getByTestId('evidence-thumbnail');
          await thumbnail.waitFor();
          // The thumbnail loads lazily, as a person scrolls to it: the page grew longer above it.
          await thumbnail.scrollIntoViewIfNeeded();
          await page.waitForFunction(
            () => {
              const image = document.querySelector<HTMLImageElement>('[data-testid="evidence-thumbnail"]');
              return image?.complete && image.naturalWidth > 0;
            },
            undefined,
            { timeout: 15_000 },
          );
          // The stored image is the screenshot, turned into pixels the browser decodes.
          const size = await thumbnail.evaluate((image: HTMLImageElement) => [
            image.naturalWidth,
            image.naturalHeight,
          ]);
          expect(size).toEqual([320, 180]);
          await page.getByTestId('evidence-item').getByText('SHA-256').first().waitFor();
          await page.getByTestId('evidence-item').scrollIntoViewIfNeeded();
          await screenshot(page, 'incident-capture-signalement');
          await expectNoHorizontalScroll(page, 'incident');
        });
      }
    },
    TIMEOUT,
  );

  it(
    'shows each field’s error under it, and files a report without a link once described with a screenshot',
    () =>
      withPage(DESKTOP, 'agent', async (page) => {
        await page.waitForURL('**/verifier');
        // A link that is not one, and a description too short to go without a link.
        await fillReport(page, { url: 'instagram.com/p/x' });
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await page.getByText('Corrigez les champs signalés ci-dessous.').waitFor();
        const url = page.getByLabel('Lien du message');
        await page.getByText(/Collez l’adresse complète du message, commençant par https:\/\//).waitFor();
        expect(await url.getAttribute('aria-invalid')).toBe('true');

        await url.fill('');
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await page
          .getByText(/Sans lien, décrivez le message \(extrait ou note\) en 20 caractères au moins/)
          .waitFor();
        await page.getByText('Sans lien, joignez au moins une capture d’écran du message.').waitFor();
        expect(await page.getByLabel('Extrait').getAttribute('aria-invalid')).toBe('true');
        await screenshot(page, 'signaler-erreurs');

        await page
          .getByLabel('Extrait')
          .fill('Story Instagram : photo d’un patient dans le couloir des urgences.');
        await page
          .getByLabel(/Captures d.écran/)
          .first()
          .setInputFiles({ name: 'story.png', mimeType: 'image/png', buffer: capture });
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await reference(page);
        await page.getByRole('main').getByRole('link', { name: 'Mes signalements' }).click();
        await page.waitForURL('**/mes-signalements');
        await page.getByText('Sans lien').first().waitFor();
      }),
    TIMEOUT,
  );

  for (const viewport of [DESKTOP, MOBILE]) {
    it(
      `an anonymous reporter copies the code and follows the report without signing in, at ${viewport.width} px`,
      async () => {
        let code = '';
        await withPage(viewport, 'agent', async (page) => {
          await page.waitForURL('**/verifier');
          await fillReport(page, {
            url: 'https://www.instagram.com/p/anonyme',
            excerpt: 'Commentaire qui nomme une infirmière du service.',
            anonymous: true,
          });
          await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
          await reference(page);
          code = (await page.getByTestId('follow-up-code').textContent())?.trim() ?? '';
          expect(code).toMatch(/^[A-Z0-9-]{39}$/);
          await page.getByRole('button', { name: 'Copier le code' }).click();
          await page.getByRole('button', { name: 'Code copié' }).waitFor();
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
          await screenshot(page, 'signaler-code-de-suivi');
          await expectNoHorizontalScroll(page, 'accusé de réception');
          await expectAccessible(page, 'accusé de réception');
          await page.getByRole('link', { name: 'Suivre un signalement avec son code' }).waitFor();
        });
        await withPage(viewport, null, async (page) => {
          await page.goto('/connexion');
          await page.getByRole('link', { name: 'Suivre un signalement avec son code' }).click();
          await page.waitForURL('**/suivi');
          await page.getByRole('heading', { name: 'Suivre un signalement' }).waitFor();
          // Typed by hand: lower case, no dashes.
          await page.getByLabel('Code de suivi').fill('inconnu-0000');
          await page.getByRole('button', { name: 'Voir le suivi' }).click();
          await page.getByText('Aucun signalement ne correspond à ce code.').waitFor();
          await page.getByLabel('Code de suivi').fill(code.toLowerCase());
          await page.getByRole('button', { name: 'Voir le suivi' }).click();
          const outcome = page.getByTestId('follow-up-outcome');
          // The desk's own word for the status (@blouse/contract), as in « Mes signalements ».
          await outcome.getByText('Nouveau', { exact: true }).waitFor();
          await outcome
            .getByText('Votre signalement a bien été reçu : le service communication va l’examiner.')
            .waitFor();
          await screenshot(page, 'suivi');
          await expectNoHorizontalScroll(page, 'suivi');
          await expectAccessible(page, 'suivi');
        });
      },
      TIMEOUT,
    );
  }
});
