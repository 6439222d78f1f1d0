// The incident page's actions end to end: two people editing at once (the second keeps their
// input, sees the server's message and reloads), assigning to another desk member, an @mention
// that lights the header badge, the DSA notice edited and marked as sent, the PDF case file;
// the page passes axe at 1280 and 375 px.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const TIMEOUT = 120_000;

let server: BlouseServer;
let browser: Browser;
let threatPath: string | undefined;

async function open(
  role: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, server.url, viewport);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, server.account(role));
  return { context, page };
}

/** The demo threat's page (« Menaces », N4), found from the list once. */
async function gotoThreat(page: Page): Promise<void> {
  if (threatPath === undefined) {
    await page.waitForURL('**/incidents');
    const row = page.getByTestId('incidents-table').getByRole('row').filter({ hasText: 'Menaces' });
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/incidents\/[^/]+$/);
    threatPath = new URL(page.url()).pathname;
  } else {
    await page.goto(threatPath);
  }
  await page.getByRole('heading', { level: 1, name: /Menaces/ }).waitFor();
}

async function audit(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  const failures: string[] = [];
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0)
    failures.push(formatViolations(`${name} à ${page.viewportSize()?.width} px`, violations));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) failures.push(`${name} : défilement horizontal de ${overflow} px`);
  return failures;
}

describe('the incident page’s actions, end to end', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startBlouseServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'two people qualify at once: the second keeps their value, reads why, and reloads the first’s',
    async () => {
      const first = await open('communication');
      const second = await open('community_manager');
      try {
        await gotoThreat(first.page);
        await gotoThreat(second.page);
        await first.page.getByLabel('Gravité').selectOption('N3');
        await first.page.getByRole('button', { name: 'Confirmer la qualification' }).click();
        await first.page.getByText('Gravité et catégorie confirmées').waitFor();

        const severity = second.page.getByLabel('Gravité');
        await severity.selectOption('N2');
        await second.page.getByRole('button', { name: 'Confirmer la qualification' }).click();
        const alert = second.page.getByRole('alert').filter({ hasText: 'modifié entre-temps' });
        await alert.waitFor();
        expect(await alert.textContent()).toContain('rechargez-le avant de recommencer');
        expect(await severity.inputValue()).toBe('N2');
        await screenshot(second.page, 'incident-conflict');

        await alert.getByRole('button', { name: 'Recharger' }).click();
        await second.page.getByText('Gravité et catégorie confirmées').waitFor();
        expect(await second.page.getByLabel('Gravité').inputValue()).toBe('N3');
        expect(await second.page.getByRole('alert').filter({ hasText: 'modifié entre-temps' }).count()).toBe(
          0,
        );
      } finally {
        await first.context.close();
        await second.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'communication assigns the legal service, mentions it, edits and sends the notice, downloads the case file',
    async () => {
      const { context, page } = await open('communication');
      const legal = await open('legal');
      try {
        await gotoThreat(page);
        await page.getByLabel('Attribuer à').selectOption({ label: 'Louise Juridique' });
        await page.getByRole('button', { name: 'Attribuer', exact: true }).click();
        await page.getByTestId('desk-owner').getByText('Louise Juridique').waitFor();

        await page.getByLabel('Votre commentaire').fill('Peux-tu préparer la plainte ?');
        await page
          .getByRole('combobox', { name: 'Mentionner' })
          .selectOption({ label: 'Louise Juridique (@louise.juridique)' });
        expect(await page.getByLabel('Votre commentaire').inputValue()).toBe(
          'Peux-tu préparer la plainte ? @louise.juridique ',
        );
        await page.getByRole('button', { name: 'Commenter' }).click();
        await page
          .getByRole('region', { name: 'Commentaires' })
          .getByRole('listitem')
          .filter({ hasText: 'Peux-tu préparer la plainte ? @louise.juridique' })
          .waitFor();

        await legal.page.reload();
        await legal.page.getByTestId('notifications-badge').getByText('1').waitFor();
        await legal.page.getByTestId('notifications-button').click();
        await legal.page.getByText('Camille Communication vous a mentionné dans').click();
        await legal.page.getByRole('heading', { level: 1, name: /Menaces/ }).waitFor();

        await page.getByRole('button', { name: 'Préparer la notification' }).click();
        await page.getByTestId('notice-text').waitFor();
        await page.getByRole('button', { name: 'Modifier le texte' }).click();
        const editor = page.getByRole('textbox', { name: 'Texte de la notification' });
        await editor.fill(`${await editor.inputValue()}\n\nPièce jointe : capture d’écran du 2 novembre.`);
        await page.getByRole('button', { name: 'Enregistrer le texte' }).click();
        await page
          .getByTestId('notice-text')
          .getByText('Pièce jointe : capture d’écran du 2 novembre.')
          .waitFor();
        await page.getByLabel('Canal').selectOption('courriel');
        await page.getByRole('button', { name: 'Noter l’envoi' }).click();
        await page
          .getByTestId('notice-sent')
          .getByText(/Envoyée le .* \(Courriel\) par Camille Communication/)
          .waitFor();
        await page.getByTestId('timeline').getByText('Notification envoyée').waitFor();

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Dossier PDF pour l’avocat' }).click(),
        ]);
        const pdf = readFileSync(await download.path());
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

        const failures = await audit(page, 'incident-actions');
        if (failures.length > 0) throw new Error(failures.join('\n\n'));
      } finally {
        await context.close();
        await legal.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'the incident page with its actions passes axe at 375 px',
    async () => {
      const { context, page } = await open('communication', MOBILE);
      try {
        await gotoThreat(page);
        await page.getByTestId('timeline').waitFor();
        const failures = await audit(page, 'incident-actions');
        if (failures.length > 0) throw new Error(failures.join('\n\n'));
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
