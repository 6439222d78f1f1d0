// « Tableau de bord » end to end: the demo's director (role direction) signs in, lands on the
// dashboard, switches to the group (GHT) and sees which establishments it counts, changes the
// period (12 mois, then a custom range), reads the key figures and the charts with their
// tables, and downloads a table as CSV (French Excel: BOM, « ; »), at 1280 and 375 px, with
// screenshots, axe and no sideways scroll. An agent sees no « Tableau de bord » link.
import { readFileSync } from 'node:fs';
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
  withSignedInPage,
} from './harness.js';

const TIMEOUT = 120_000;

let server: BlouseServer;
let browser: Browser;

const figure = async (page: Page, key: string) =>
  ((await page.getByTestId(`figure-${key}`).locator('dd').textContent()) ?? '').replace(/\s/g, '');

describe('« Tableau de bord », end to end', () => {
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
      `a director reads the group's dashboard, changes the period and downloads a CSV (${label})`,
      () =>
        withSignedInPage(browser, server.url, server.account('direction'), viewport, async (page) => {
          const failures: string[] = [];
          // The direction lands on its dashboard after signing in.
          await page.waitForURL('**/tableau-de-bord');
          await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
          await page.getByTestId('figure-incidents').waitFor();
          // The demo's six months of history: the last 30 days are not empty.
          expect(Number(await figure(page, 'incidents'))).toBeGreaterThan(0);
          failures.push(...(await auditPage(page, `analytics-establishment-${label}`)));

          // The group: both demo hospitals, named.
          await page
            .getByTestId('scope-switch')
            .getByText(/Le groupe/)
            .click();
          await page.getByTestId('scope-counted').waitFor();
          const counted = (await page.getByTestId('scope-counted').textContent()) ?? '';
          expect(counted).toContain('CHU de Démonstration');
          expect(counted).toContain('CH de Démoville-Sud');
          await page.getByTestId('table-establishments').waitFor();
          const thirtyDays = Number(await figure(page, 'incidents'));

          // Twelve months: more incidents than in thirty days, and every chart drawn.
          await page.getByTestId('range-presets').getByText('12 mois').click();
          await expect.poll(async () => Number(await figure(page, 'incidents'))).toBeGreaterThan(thirtyDays);
          expect(await page.getByTestId('range-shown').textContent()).toMatch(/\(36[56] jours\)/);
          for (const chart of [
            'incidents-severity',
            'incidents-status',
            'incidents-daily',
            'listening-daily',
          ]) {
            await page.getByTestId(`chart-${chart}`).locator('svg').first().waitFor();
          }
          for (const key of ['withinTarget', 'overdue', 'mentions', 'alerts', 'posts']) {
            expect(await figure(page, key), key).not.toBe('');
          }
          // Each chart has its figures in a table.
          expect(await page.getByTestId('table-incidents-severity').locator('tbody tr').count()).toBe(5);
          failures.push(...(await auditPage(page, `analytics-group-${label}`)));

          // A custom period: one month, said back in words.
          await page.getByTestId('range-presets').getByText('Personnalisée').click();
          const today = new Date();
          const from = new Date(today.getTime() - 60 * 86_400_000).toISOString().slice(0, 10);
          const to = new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
          await page.getByRole('textbox', { name: 'Du', exact: true }).fill(from);
          await page.getByRole('textbox', { name: 'Au', exact: true }).fill(to);
          await expect
            .poll(async () => page.getByTestId('range-shown').textContent())
            .toMatch(/\(31 jours\)/);
          await page.getByTestId('table-incidents-daily').locator('tbody tr').first().waitFor();
          await expect
            .poll(async () => page.getByTestId('table-incidents-daily').locator('tbody tr').count())
            .toBe(31);
          failures.push(...(await auditPage(page, `analytics-custom-${label}`)));

          // The severity table as CSV, for the same group and period.
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('link', { name: 'Télécharger « Incidents par gravité » (CSV)' }).click(),
          ]);
          expect(download.suggestedFilename()).toBe(`blouse-incidents_by_severity-${from}-${to}.csv`);
          const csv = readFileSync((await download.path()) as string, 'utf8');
          expect(csv.startsWith('\uFEFFgravite;incidents\r\n')).toBe(true);
          const rows = csv.trim().split('\r\n').slice(1);
          expect(rows.map((row) => row.split(';')[0])).toEqual(['N0', 'N1', 'N2', 'N3', 'N4']);
          const csvTotal = rows.reduce((sum, row) => sum + Number(row.split(';')[1]), 0);
          expect(csvTotal).toBe(Number(await figure(page, 'incidents')));

          expect(failures, failures.join('\n\n')).toEqual([]);
        }),
      TIMEOUT,
    );
  }

  it(
    'shows no « Tableau de bord » to an agent',
    () =>
      withSignedInPage(browser, server.url, server.account('agent'), DESKTOP, async (page) => {
        await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
        const nav = page.getByRole('navigation', { name: 'Navigation principale' });
        expect(await nav.getByRole('link', { name: 'Vérifier' }).count()).toBe(1);
        expect(await nav.getByRole('link', { name: 'Tableau de bord' }).count()).toBe(0);
      }),
    TIMEOUT,
  );

  it(
    'takes the communication director to the dashboard from the main navigation',
    () =>
      withSignedInPage(browser, server.url, server.account('communication'), MOBILE, async (page) => {
        await followMainNav(page, 'Tableau de bord');
        await page.waitForURL('**/tableau-de-bord');
        await page.getByTestId('figure-incidents').waitFor();
      }),
    TIMEOUT,
  );
});
