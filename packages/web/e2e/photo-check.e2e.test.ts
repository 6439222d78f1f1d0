// « Vérifier avant de publier » with a photo, on a phone: an agent chooses a photo of the ward
// taken with her phone; Blouse says where it was taken and whose phone it was, and gives a safe
// copy, downloaded, in which nothing of either is left. At 375 px, with axe and a screenshot.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  auditPage,
  type BlouseServer,
  followMainNav,
  launchBrowser,
  MOBILE,
  startBlouseServer,
  withSignedInPage,
} from './harness.js';

const PHONE_PHOTO = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a9' } })
  .jpeg()
  .withExif({
    IFD0: { Artist: 'Claire Dubois', Make: 'Fairphone', Model: 'FP5' },
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '48/1 51/1 2374/100',
      GPSLongitudeRef: 'E',
      GPSLongitude: '2/1 21/1 768/100',
    },
  })
  .toBuffer();

let server: BlouseServer;
let browser: Browser;

describe('checking a photo before posting it, on a phone', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startBlouseServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says where the photo was taken and whose phone it was, and gives a clean copy', async () => {
    const failures: string[] = [];
    await withSignedInPage(browser, server.url, server.account('agent'), MOBILE, async (page) => {
      await followMainNav(page, 'Vérifier');
      await page.getByRole('heading', { level: 2, name: 'Une photo' }).waitFor();
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'service.jpg', mimeType: 'image/jpeg', buffer: PHONE_PHOTO });
      const result = page.getByTestId('photo-result');
      await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/GEO-01/);
      expect(await result.textContent()).toMatch(/48\.8566, 2\.3521/);
      expect(await result.textContent()).toMatch(/PRIV-02/);
      expect(await result.textContent()).toMatch(/Fairphone, FP5/);
      failures.push(...(await auditPage(page, 'photo-check')));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger une copie sûre' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('photo-sure.jpg');
      const copy = await readFile((await download.path()) ?? '');
      expect((await sharp(copy).metadata()).exif).toBeUndefined();
      expect(copy.includes(Buffer.from('Claire Dubois'))).toBe(false);
    });
    expect(failures).toEqual([]);
  }, 120_000);
});
