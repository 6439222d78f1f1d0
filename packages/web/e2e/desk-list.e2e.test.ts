// The desk's list and shared words end to end: search (accents and case ignored) and sort kept
// in the address, one name per network and per status, N0–N4 explained, no English in the
// French history, and on a phone the nearest deadline and the owner on the first screen.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../server/src/db/database.js';
import type { Row } from '../../server/src/db/schema.js';
import { listKeysOf } from '../../server/src/incidents/list-keys.js';
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

const table = (page: Page) => page.getByTestId('incidents-table');
const rowTitles = (page: Page) =>
  table(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''));

describe('the desk’s list and shared words, end to end', () => {
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
    'searches without regard to accents or case, sorts, and keeps both in the address',
    () =>
      withPage(DESKTOP, 'communication', async (page) => {
        await page.waitForURL('**/incidents');
        await table(page).locator('tbody tr').nth(2).waitFor();
        // Networks by their names, in the titles the server writes.
        const titles = await rowTitles(page);
        expect(titles).toContain('Plainte ou critique — X (anciennement Twitter)');
        expect(titles.some((title) => / — (x|facebook|tiktok)$/.test(title))).toBe(false);

        // « pancreas » finds « pancréas » in the excerpt; the address carries the search.
        await page.getByRole('searchbox', { name: 'Rechercher' }).fill('PANCREAS');
        await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
        await page.waitForURL(/[?&]q=PANCREAS/);
        await expect
          .poll(() => rowTitles(page))
          .toEqual(['Atteinte au secret (données de patient) — Facebook']);
        await page.getByRole('status').getByText('1 incident').waitFor();

        // Reloading the address gives the same list.
        await page.reload();
        await expect.poll(() => rowTitles(page)).toHaveLength(1);
        expect(await page.getByRole('searchbox', { name: 'Rechercher' }).inputValue()).toBe('PANCREAS');

        // Clearing the search and sorting by severity: the N4 first, the complaint last.
        await page.getByRole('searchbox', { name: 'Rechercher' }).fill('');
        await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
        await page.getByLabel('Trier par').selectOption({ label: 'Gravité' });
        await page.waitForURL(/[?&]sort=severity/);
        expect(page.url()).not.toContain('q=');
        await expect.poll(() => rowTitles(page)).toHaveLength(3);
        const severities = await table(page)
          .locator('tbody tr [data-severity]')
          .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-severity')));
        expect(severities).toEqual([...severities].sort().reverse());
        expect(severities[0]).toBe('N4');
        expect((await rowTitles(page)).at(-1)).toMatch(/^Plainte ou critique/);

        // N0…N4 are explained where they are shown.
        await page.getByTestId('severity-legend').getByText('Que signifient N0 à N4 ?').click();
        await page
          .getByTestId('severity-legend')
          .getByText(/Menace, divulgation d’adresse/)
          .waitFor();
        const badgeTitle = await table(page)
          .locator('tbody tr [data-severity="N4"]')
          .first()
          .getAttribute('title');
        expect(badgeTitle).toMatch(/cellule de crise/);

        // One status vocabulary: the filter offers the badges' words.
        const statusOptions = await page.getByLabel('Statut').locator('option').allTextContents();
        expect(statusOptions).toEqual(['Tous', 'Nouveau', 'Qualifié', 'Décidé', 'Répondu', 'Clos']);
        await table(page).getByText('Nouveau').first().waitFor();

        const failures = await audit(page, 'desk-list-sorted');
        if (failures.length > 0) throw new Error(failures.join('\n\n'));
      }),
    TIMEOUT,
  );

  it(
    'the reporter reads the desk’s status word, with what it means',
    () =>
      withPage(DESKTOP, 'agent', async (page) => {
        await page.goto('/mes-signalements');
        const badge = page.locator('[data-status="new"]').first();
        await badge.waitFor();
        expect(await badge.textContent()).toBe('Nouveau');
        await page.getByText('Reçu, pas encore examiné par la cellule.').first().waitFor();
        await page
          .getByText(/^TikTok · /)
          .first()
          .waitFor();
      }),
    TIMEOUT,
  );

  it(
    'one way to qualify, and a French history without « evidence »',
    () =>
      withPage(DESKTOP, 'communication', async (page) => {
        await page.waitForURL('**/incidents');
        await table(page).getByRole('row').filter({ hasText: 'Menaces' }).getByRole('link').click();
        await page.getByRole('heading', { level: 1, name: /Menaces — TikTok/ }).waitFor();
        // The status panel points to the qualification panel rather than offering its own button.
        await page.getByRole('link', { name: /Pour qualifier/ }).waitFor();
        expect(await page.getByRole('button', { name: /^Qualifier/ }).count()).toBe(0);
        await page.getByRole('button', { name: 'Confirmer la qualification' }).waitFor();
        // The reported network by its name.
        await page.getByText('TikTok ·', { exact: false }).first().waitFor();

        await page.getByRole('textbox', { name: 'Texte capturé' }).fill('Commentaire capturé.');
        await page.getByRole('button', { name: 'Sceller la preuve' }).click();
        await page.getByTestId('evidence-sha256').first().waitFor();
        await page.reload();
        const timeline = page.getByTestId('timeline');
        await timeline.locator('li[data-kind="evidence"]').waitFor();
        await timeline.getByText('Preuve scellée').waitFor();
        expect((await timeline.textContent()) ?? '').not.toMatch(/evidence/i);
        expect((await page.locator('main').textContent()) ?? '').not.toMatch(/\bevidence\b/i);
      }),
    TIMEOUT,
  );

  it(
    'on a phone, the nearest deadline and the owner are on the first screen of an incident',
    () =>
      withPage(MOBILE, 'communication', async (page) => {
        await page.waitForURL('**/incidents');
        await page.locator('.desk-cards').getByRole('link').first().waitFor();
        const failures = await audit(page, 'desk-list-phone');
        await page.locator('.desk-cards li').filter({ hasText: 'Menaces' }).getByRole('link').click();
        await page.getByRole('heading', { level: 1, name: /Menaces/ }).waitFor();
        const facts = page.getByTestId('incident-key-facts');
        await facts.waitFor();
        await page.evaluate(() => window.scrollTo(0, 0));
        const height = page.viewportSize()?.height ?? 0;
        for (const id of ['key-deadline', 'key-owner']) {
          const box = await page.getByTestId(id).boundingBox();
          expect(box, id).not.toBeNull();
          expect((box?.y ?? 0) + (box?.height ?? 0), `${id} sous le premier écran`).toBeLessThanOrEqual(
            height,
          );
        }
        await page.getByTestId('key-deadline').locator('[data-state]').waitFor();
        // Before the long panels.
        const report = await page.getByRole('heading', { name: 'Le signalement' }).boundingBox();
        const owner = await page.getByTestId('key-owner').boundingBox();
        expect((owner?.y ?? 0) < (report?.y ?? 0)).toBe(true);
        failures.push(...(await audit(page, 'desk-incident-phone')));
        if (failures.length > 0) throw new Error(failures.join('\n\n'));
      }),
    TIMEOUT,
  );

  it(
    'shows 50 incidents, then the rest with « Afficher plus »',
    async () => {
      // More incidents than a page, written straight into the server's database (filing 60
      // reports through the form would test the form, not the list).
      const storage = openStorage(server.databaseUrl);
      try {
        // The desk's hospital: the demo's live incidents, not the group's past ones (« INC-H-… »).
        const { establishment_id } = await storage.db
          .selectFrom('incidents')
          .select('establishment_id')
          .where('reference', 'not like', 'INC-H-%')
          .executeTakeFirstOrThrow();
        const at = new Date(Date.now() - 86_400_000);
        for (let i = 0; i < 60; i++) {
          const created = new Date(at.getTime() + i * 1_000).toISOString();
          const row: Row<'incidents'> = {
            id: randomUUID(),
            establishment_id,
            report_id: null,
            reference: `INC-2026-9${String(i).padStart(3, '0')}`,
            title: 'Question — Facebook',
            status: 'new',
            proposed_severity: 'N0',
            severity: null,
            proposed_category: 'question',
            category: null,
            guard_findings: '{}',
            decisions: '[]',
            owner_id: null,
            first_published_at: null,
            breach_aware_at: null,
            created_at: created,
            updated_at: created,
            version: 1,
            next_due_at: null,
            search_text: '',
          };
          await storage.db
            .insertInto('incidents')
            .values({ ...row, ...listKeysOf(row, [], null) })
            .execute();
        }
      } finally {
        await storage.close();
      }
      await withPage(DESKTOP, 'communication', async (page) => {
        await page.goto('/incidents?sort=oldest');
        const count = page.getByTestId('incidents-count');
        await count.getByText('50 affichés sur 63').waitFor();
        expect(await table(page).locator('tbody tr').count()).toBe(50);
        await page.getByRole('button', { name: 'Afficher plus' }).click();
        await count.getByText('63 incidents').waitFor();
        const references = await table(page).locator('tbody tr td:first-child').allTextContents();
        expect(references).toHaveLength(63);
        expect(new Set(references).size).toBe(63);
        expect(await page.getByRole('button', { name: 'Afficher plus' }).count()).toBe(0);
      });
    },
    TIMEOUT,
  );
});
