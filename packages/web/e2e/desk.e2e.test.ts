// The incident desk end to end: communication qualifies the demo threat, decides, responds,
// comments, seals a text as evidence, exports the zip and drafts the platform notice; the page
// passes axe at 1280 and 375 px; an agent is kept out.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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
const CAPTURED = 'Commentaire TikTok capturé : « je sais où elle habite : 12 rue des Lilas ».';

let server: BlouseServer;
let browser: Browser;
/** The demo threat's page, found by the first journey, reused by the others. */
let incidentPath: string | undefined;

async function withPage(
  viewport: { width: number; height: number },
  role: string,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await newContext(browser, server.url, viewport);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`exception : ${error.message}`));
  try {
    await signIn(page, server.account(role));
    await run(page);
  } catch (error) {
    if (errors.length > 0 && error instanceof Error) error.message += `\n${errors.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
}

/** axe (serious and critical) and no sideways scrolling, with a screenshot. */
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

describe('incident desk, end to end', () => {
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
    'communication handles the demo threat from qualification to response',
    () =>
      withPage(DESKTOP, 'communication', async (page) => {
        await page.waitForURL('**/incidents');
        // The demo threat: proposed « Menaces », N4.
        const row = page.getByTestId('incidents-table').getByRole('row').filter({ hasText: 'Menaces' });
        await row.getByText('N4 · Critique').waitFor();
        await row.getByRole('link').first().click();
        await page.waitForURL(/\/incidents\/[^/]+$/);
        incidentPath = new URL(page.url()).pathname;
        await page.getByRole('heading', { level: 1, name: /Menaces/ }).waitFor();

        // Qualify: confirm N4 and « Menaces ».
        await page.getByLabel('Gravité').selectOption('N4');
        await page.getByLabel('Catégorie').selectOption({ label: 'Menaces' });
        await page.getByRole('button', { name: 'Confirmer la qualification' }).click();
        await page.getByTestId('desk-status').getByText('Qualifié').waitFor();

        // Decide: platform notice and PHAROS (a threat is within PHAROS's remit).
        const pharos = page.getByRole('checkbox', { name: 'Signaler à PHAROS' });
        expect(await pharos.isDisabled()).toBe(false);
        await page.getByRole('checkbox', { name: 'Signaler à la plateforme (DSA art. 16)' }).check();
        await pharos.check();
        await page.getByRole('button', { name: 'Enregistrer les décisions' }).click();
        const decisions = page.getByTestId('decisions-list');
        await decisions.getByText('Signaler à PHAROS').waitFor();
        await decisions.getByText('Signaler à la plateforme (DSA art. 16)').waitFor();

        // decided → responded.
        await page.getByRole('button', { name: 'Passer à « Décidé »' }).click();
        await page.getByTestId('desk-status').getByText('Décidé').waitFor();
        await page.getByRole('button', { name: 'Passer à « Répondu »' }).click();
        await page.getByTestId('desk-status').getByText('Répondu').waitFor();

        // « M'attribuer »: the owner's name comes back with the incident.
        await page.getByRole('button', { name: 'M’attribuer' }).click();
        await page.getByTestId('desk-owner').getByText('(vous)').waitFor();

        // A comment.
        await page.getByLabel('Votre commentaire').fill('PHAROS saisi, plainte à suivre avec le juridique.');
        await page.getByRole('button', { name: 'Commenter' }).click();
        await page
          .getByRole('region', { name: 'Commentaires' })
          .getByText('PHAROS saisi, plainte à suivre avec le juridique.')
          .waitFor();

        // A captured text, sealed: its SHA-256 is the one of its UTF-8 bytes.
        await page.getByRole('textbox', { name: 'Texte capturé' }).fill(CAPTURED);
        await page.getByRole('button', { name: 'Sceller la preuve' }).click();
        const hash = page.getByTestId('evidence-sha256').first();
        await hash.waitFor();
        const expected = createHash('sha256').update(CAPTURED, 'utf8').digest('hex');
        expect(await hash.textContent()).toBe(expected);

        // The zip export.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Exporter les preuves (zip)' }).click(),
        ]);
        const zip = readFileSync(await download.path());
        expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
        expect(zip.includes(Buffer.from('manifest.json'))).toBe(true);

        // The platform notice and its four elements.
        await page.getByRole('button', { name: 'Préparer la notification' }).click();
        const notice = page.getByTestId('notice-text');
        await notice.waitFor();
        const text = (await notice.textContent()) ?? '';
        expect(text).toContain(
          '1. Emplacement électronique exact du contenu : https://www.tiktok.com/@demo/video/3003',
        );
        expect(text).toContain('2. Motifs pour lesquels le contenu est illicite');
        expect(text).toContain('3. Auteur de la notification');
        expect(text).toContain('4. Je déclare de bonne foi');
        expect(await page.getByTestId('notice-elements').getByRole('listitem').count()).toBe(4);
        await page.getByRole('button', { name: 'Copier', exact: true }).waitFor();

        // The history, oldest first, with who did what.
        const kinds = await page
          .getByTestId('timeline')
          .locator('li')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
        expect(kinds[0]).toBe('created');
        expect(kinds).toContain('qualification');
        expect(kinds.filter((kind) => kind === 'decision')).toHaveLength(2);
        expect(kinds.at(-1)).toBe('comment');

        const failures = await audit(page, 'incident-desk');
        if (failures.length > 0) throw new Error(failures.join('\n\n'));
      }),
    TIMEOUT,
  );

  it(
    'the incident page passes axe at 375 px, and the list shows cards',
    () =>
      withPage(MOBILE, 'communication', async (page) => {
        expect(incidentPath, 'le premier parcours n’a pas trouvé l’incident').toBeTruthy();
        await page.waitForURL('**/incidents');
        await page.locator('.desk-cards').getByRole('link').first().waitFor();
        const failures = await audit(page, 'incidents-desk-list');
        await page.goto(incidentPath as string);
        await page.getByRole('heading', { level: 1, name: /Menaces/ }).waitFor();
        await page.getByTestId('timeline').waitFor();
        failures.push(...(await audit(page, 'incident-desk')));
        if (failures.length > 0) throw new Error(failures.join('\n\n'));
      }),
    TIMEOUT,
  );

  it(
    'an agent opening an incident sees that it is reserved',
    () =>
      withPage(DESKTOP, 'agent', async (page) => {
        await page.goto(incidentPath ?? '/incidents/inconnu');
        await page
          .getByText('Cette page est réservée au service communication et au service juridique.')
          .waitFor();
      }),
    TIMEOUT,
  );
});
