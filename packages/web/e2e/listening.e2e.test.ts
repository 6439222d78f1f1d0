// « Veille » end to end: a communication officer opens listening, reads the demo hospital's
// mentions and their hourly volume, filters by category (kept in the address), opens a mention
// (original link opening the network), opens an incident from it, and in the settings adds a
// watch term and an RSS source; at 1280 and 375 px, with screenshots, axe and no sideways scroll.
// A community manager imports another tool's CSV export from « Réglages » and reads what became
// of each line. An agent sees no « Veille » entry.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const TIMEOUT = 120_000;

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

const cards = (page: Page) => page.getByTestId('mentions').locator('article');

async function openListening(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Veille' })
    .click();
  await page.waitForURL('**/veille');
  await page.getByRole('heading', { level: 1, name: 'Veille' }).waitFor();
  await cards(page).first().waitFor();
}

describe('« Veille », end to end', () => {
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
      `reads, filters and opens mentions, then sets listening up (${label})`,
      () =>
        withPage(viewport, 'communication', async (page) => {
          const failures: string[] = [];
          if (viewport === MOBILE) {
            // The header folds its links into a menu on a phone.
            const menu = page.getByRole('button', { name: 'Ouvrir le menu' });
            if (await menu.isVisible()) await menu.click();
          }
          await openListening(page);
          // The demo hospital's five mentions, newest first, each with its source and words.
          await expect.poll(() => cards(page).count()).toBeGreaterThanOrEqual(5);
          const stream = (await page.getByTestId('mentions').textContent()) ?? '';
          expect(stream).toMatch(/5 heures d’attente aux urgences/);
          expect(stream).toMatch(/Mastodon|Bluesky/);
          expect(stream).toMatch(/Verdict : /);
          const times = await cards(page)
            .locator('time')
            .evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute('datetime') ?? '')));
          expect(times).toEqual([...times].sort((a, b) => b - a));
          await page.getByTestId('volume-chart').locator('svg').first().waitFor();
          failures.push(...(await audit(page, `listening-stream-${label}`)));

          // Filter by the first mention's category: the address carries it and every card has it.
          const category =
            (await cards(page).first().locator('[data-category]').getAttribute('data-category')) ?? '';
          const categoryWord = (
            (await cards(page).first().locator('[data-category]').textContent()) ?? ''
          ).trim();
          await page.getByLabel('Catégorie').selectOption({ label: categoryWord });
          await page.waitForURL(new RegExp(`[?&]categorie=${category}`));
          await expect
            .poll(() =>
              cards(page)
                .locator('[data-category]')
                .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-category'))),
            )
            .toSatisfy(
              (values: string[]) => values.length > 0 && values.every((value) => value === category),
            );
          await page.reload();
          await cards(page).first().waitFor();
          expect(await page.getByLabel('Catégorie').inputValue()).toBe(category);

          // The chart's figures as a table.
          await page.getByText('Voir les chiffres sous forme de tableau').click();
          await page.getByTestId('volume-table').locator('tbody tr').first().waitFor();

          // One mention: its text, the original post opening the network, findings in French.
          await page.getByRole('button', { name: 'Effacer les filtres' }).click();
          await page.waitForURL(/\/veille$/);
          const waiting = cards(page).filter({ hasText: '5 heures d’attente' });
          await waiting.getByRole('link', { name: /Voir la mention/ }).click();
          await page.waitForURL(/\/veille\/mentions\//);
          await page.getByRole('heading', { level: 1, name: /Mention — Bluesky/ }).waitFor();
          await page
            .getByText('5 heures d’attente aux urgences du CHU Démo ce soir', { exact: false })
            .first()
            .waitFor();
          const original = page.getByRole('link', { name: /Voir la publication d’origine sur Bluesky/ });
          if ((await original.count()) > 0) {
            expect(await original.getAttribute('rel')).toBe('noopener noreferrer');
            expect(await original.getAttribute('target')).toBe('_blank');
          }
          await page.getByRole('heading', { name: 'Ce que le garde-fou a relevé' }).waitFor();
          failures.push(...(await audit(page, `listening-mention-${label}`)));

          // A mention that exposes a patient: each finding says who raised it, a rule or the model.
          await page.goto('/veille');
          await cards(page)
            .filter({ hasText: 'Mme Lebrun' })
            .getByRole('link', { name: /Voir la mention/ })
            .click();
          await page.waitForURL(/\/veille\/mentions\//);
          await page.getByTestId('mention-findings').waitFor();
          const raisedBy = await page.getByTestId('raised-by').allTextContents();
          expect(raisedBy.length).toBeGreaterThan(0);
          for (const line of raisedBy) expect(line).toMatch(/repéré par (une règle écrite|le modèle appris)/);
          failures.push(...(await audit(page, `listening-mention-breach-${label}`)));
          await page.goBack();
          await page.waitForURL(/\/veille$/);
          await cards(page)
            .filter({ hasText: '5 heures d’attente' })
            .getByRole('link', { name: /Voir la mention/ })
            .click();
          await page.waitForURL(/\/veille\/mentions\//);
          await page.getByRole('heading', { name: 'Ce que le garde-fou a relevé' }).waitFor();

          // « Ouvrir un incident »: the desk's page of the incident opened (or the one already opened).
          const open = page.getByRole('button', { name: 'Ouvrir un incident' });
          if ((await open.count()) > 0) await open.click();
          else await page.getByRole('link', { name: 'Voir l’incident' }).click();
          await page.waitForURL(/\/incidents\/[^/]+$/);
          await page.getByRole('heading', { level: 1 }).waitFor();

          // Settings: a watch term and an RSS source.
          await page.goto('/veille/reglages');
          await page.getByRole('heading', { level: 1, name: 'Réglages de la veille' }).waitFor();
          const term = `Clinique ${label}`;
          await page.getByRole('textbox', { name: 'Terme' }).fill(term);
          await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Autre nom' });
          await page.getByRole('button', { name: 'Ajouter le terme' }).click();
          await page.getByTestId('watch-terms').getByText(term, { exact: true }).waitFor();

          // A wrong address first: the server's French message next to the field.
          await page.getByRole('textbox', { name: 'Nom' }).fill(`Journal ${label}`);
          await page.getByRole('textbox', { name: /Adresse du flux/ }).fill('ftp://journal.example/flux');
          await page.getByRole('button', { name: 'Ajouter la source' }).click();
          await page
            .getByText(/http:\/\/ ou https:\/\/ attendue/)
            .first()
            .waitFor();
          await page
            .getByRole('textbox', { name: /Adresse du flux/ })
            .fill(`https://journal-${label}.example/rss`);
          await page.getByRole('button', { name: 'Ajouter la source' }).click();
          await page.getByTestId('sources').getByText(`Journal ${label}`, { exact: true }).waitFor();
          await page.getByTestId('sources').getByText(`https://journal-${label}.example/rss`).waitFor();
          failures.push(...(await audit(page, `listening-settings-${label}`)));

          // The alerts page reads, even when empty.
          await page.goto('/veille/alertes');
          await page.getByRole('heading', { level: 1, name: 'Alertes' }).waitFor();
          failures.push(...(await audit(page, `listening-alerts-${label}`)));
          if (failures.length > 0) throw new Error(failures.join('\n\n'));
        }),
      TIMEOUT,
    );
  }

  it(
    'a community manager imports an export from « Réglages » and reads what became of each line (desktop)',
    () =>
      withPage(DESKTOP, 'community_manager', async (page) => {
        // Three posts naming the demo hospital, one whose date does not exist (line 5, after the header).
        const folder = mkdtempSync(join(tmpdir(), 'blouse-import-'));
        const csv = join(folder, 'export-outil.csv');
        writeFileSync(
          csv,
          [
            'Date;Heure;Auteur;Abonnés;Réseau;Texte;Lien',
            '01/11/2026;14:30;@marie_l;1200;Twitter;Deux heures d’attente aux urgences du CHU Démo;https://x.example/marie_l/status/901',
            '01/11/2026;15:00;@paul;10;Facebook;Merci au CHU de Démonstration pour l’accueil;https://facebook.example/paul/posts/902',
            '02/11/2026;09:15;@jo;40;Instagram;Belle fête de Noël au #CHUDemo;https://instagram.example/p/903',
            '31/02/2026;10:00;@lea;5;Facebook;Le CHU Démo recrute;https://facebook.example/lea/posts/904',
          ].join('\n'),
        );
        const notJson = join(folder, 'abime.json');
        writeFileSync(notJson, 'Ceci n’est pas du JSON');
        try {
          await page.goto('/veille');
          await page
            .getByRole('navigation', { name: 'Sections de la veille' })
            .getByRole('link', { name: 'Réglages' })
            .click();
          await page.getByRole('heading', { level: 1, name: 'Réglages de la veille' }).waitFor();
          const section = page.getByRole('region', { name: 'Importer un export' });
          await section.getByText(/Mo au plus/).waitFor();
          // Terms and sources stay with administration and communication.
          expect(await page.getByRole('button', { name: 'Ajouter le terme' }).count()).toBe(0);

          // A broken file first: the server's French refusal, kindly.
          await section.getByLabel('Fichier exporté').setInputFiles(notJson);
          await section.getByRole('button', { name: 'Importer' }).click();
          await section
            .getByRole('alert')
            .filter({ hasText: 'Fichier refusé' })
            .filter({ hasText: 'ce n’est pas du JSON' })
            .waitFor();
          await screenshot(page, 'listening-import-refused');

          await section.getByLabel('Fichier exporté').setInputFiles(csv);
          await section.getByLabel('Format').selectOption({ label: 'CSV' });
          await section.getByRole('button', { name: 'Importer' }).click();
          const summary = section.getByRole('status');
          await summary.waitFor();
          expect(await summary.textContent()).toBe(
            '4 lignes lues, 3 mentions enregistrées, 0 déjà connue, 0 sans terme surveillé, 1 refusée',
          );
          expect(await section.getByRole('alert').count()).toBe(0);
          const refused = section.getByTestId('import-rejected').getByRole('listitem');
          expect(await refused.count()).toBe(1);
          expect(await refused.first().textContent()).toMatch(/^ligne 5 : .*31\/02\/2026.*n’existe pas/);
          const failures = await audit(page, 'listening-import');
          if (failures.length > 0) throw new Error(failures.join('\n\n'));
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }),
    TIMEOUT,
  );

  it(
    'an agent has no « Veille » entry and is told plainly when reaching it',
    () =>
      withPage(DESKTOP, 'agent', async (page) => {
        await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
        expect(await page.getByRole('link', { name: 'Veille' }).count()).toBe(0);
        await page.goto('/veille');
        await page.getByText(/La veille est réservée/).waitFor();
      }),
    TIMEOUT,
  );
});
