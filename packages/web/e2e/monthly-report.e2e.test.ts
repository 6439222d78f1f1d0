// The director's month: on the dashboard of the group (GHT), she picks last month and downloads
// its report. Its pages are rendered to PNG (pdftoppm, as a reader would see them) and read back
// by the OCR: the title, the group, and the key figures are those of the dashboard for that month.
// At 1280 and 375 px, with axe and screenshots.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScreenText } from '../../guard-image/src/ocr/read-text.js';
import { releaseTextReader } from '../../guard-image/src/ocr/text-reader.js';
import {
  assertWebBuilt,
  auditPage,
  type BlouseServer,
  DESKTOP,
  launchBrowser,
  MOBILE,
  SCREENSHOT_DIR,
  startBlouseServer,
  withSignedInPage,
} from './harness.js';

let server: BlouseServer;
let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'blouse-monthly-e2e-'));

/** The month before the one Paris is in: the report the direction has just received. */
function lastMonth(): string {
  const paris = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .slice(0, 7);
  const [year, month] = paris.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

const monthDays = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10) };
};

/** Renders each page of a PDF to PNG at 110 dpi; returns the files, in page order. */
function pagesOf(pdf: string, name: string): string[] {
  const prefix = join(work, name);
  execFileSync('/usr/bin/pdftoppm', ['-r', '110', '-png', pdf, prefix]);
  return readdirSync(work)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .sort()
    .map((file) => join(work, file));
}

async function openGroupDashboard(page: Page): Promise<void> {
  await page.waitForURL('**/tableau-de-bord');
  await page.getByTestId('scope-switch').getByText('Le groupe (GHT de Démonstration)').click();
  await page.getByTestId('scope-counted').waitFor();
}

describe('the director downloads the group’s monthly report', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startBlouseServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await releaseTextReader();
    rmSync(work, { recursive: true, force: true });
  });

  for (const [label, viewport] of [
    ['1280', DESKTOP],
    ['375', MOBILE],
  ] as const)
    it(`at ${label} px: last month’s PDF, its pages read back with the dashboard’s figures`, async () => {
      const failures: string[] = [];
      const month = lastMonth();
      await withSignedInPage(browser, server.url, server.account('direction'), viewport, async (page) => {
        await openGroupDashboard(page);
        const panel = page.getByRole('region', { name: 'Rapport mensuel' });
        await panel.scrollIntoViewIfNeeded();
        const monthName = new Intl.DateTimeFormat('fr-FR', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${month}-01T12:00:00Z`));
        // The last finished month is chosen by default.
        await expect.poll(() => panel.getByLabel('Mois').inputValue()).toContain(monthName);
        failures.push(...(await auditPage(page, `monthly-report-${label === '1280' ? 'desktop' : 'phone'}`)));

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          panel.getByRole('link', { name: 'Télécharger le rapport du mois (PDF)' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`rapport-mensuel-${month}-ght-de-demonstration.pdf`);
        const pdf = join(work, `report-${label}.pdf`);
        await download.saveAs(pdf);
        expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

        // The same month's figures, as the dashboard gives them to this director.
        const { from, to } = monthDays(month);
        const dashboard = await (
          await page.request.get(
            `/api/groups/${await groupId(page)}/analytics/dashboard?from=${from}&to=${to}`,
          )
        ).json();
        const pages = pagesOf(pdf, `report-${label}`);
        expect(pages.length).toBeGreaterThanOrEqual(2);
        copyFileSync(pages[0] as string, join(SCREENSHOT_DIR, `monthly-report-pdf-page1-${label}.png`));
        const first = await readScreenText(readFileSync(pages[0] as string));
        expect(first).toContain('Rapport mensuel');
        expect(first).toContain(monthName.split(' ')[0] as string);
        expect(first).toContain('GHT de D');
        // The key figures, as the « En bref » sentence prints them (digits inside words, which the
        // OCR reads surely; the tiles' lone large digits it may skip).
        const flat = first.replace(/\s+/g, ' ');
        expect(flat).toMatch(new RegExp(`${dashboard.keyFigures.incidents} incidents? ouverts?`));
        expect(flat).toMatch(new RegExp(`${dashboard.keyFigures.overdue} incidents? en retard`));
        if (dashboard.keyFigures.mentions !== null)
          expect(flat).toContain(
            `${new Intl.NumberFormat('fr-FR').format(dashboard.keyFigures.mentions).replace(/\s/g, ' ')} mention`,
          );
        expect(first).toContain('Incidents par gravité');
      });
      expect(failures).toEqual([]);
    }, 180_000);
});

async function groupId(page: Page): Promise<string> {
  const response = await page.request.get('/api/analytics/groups');
  const { groups } = (await response.json()) as { groups: { id: string; name: string }[] };
  const group = groups.find((entry) => entry.name === 'GHT de Démonstration');
  if (group === undefined) throw new Error('groupe de démonstration introuvable');
  return group.id;
}
