// « Vérifier avant de publier » with a photo, on a phone: an agent chooses a photo of the ward
// taken with her phone, a colleague's face, a whiteboard reading « Mme Durand / chambre 214 ».
// Blouse says where it was taken, whose phone it was, that a face shows, and what the board says,
// and gives a safe
// copy, downloaded, in which none of it is left. At 375 and 1280 px, with axe and screenshots.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackgroundText } from '../../guard-image/src/ocr/read-text.js';
import { testFace, wardPhoto } from '../../guard-image/src/test-photos.js';
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

/** A face from @vladmandic/human's own assets (MIT licence), standing in the room. */
const FACE = await testFace();
const PHONE_PHOTO = await wardPhoto({ board: ['Mme Durand', 'chambre 214'], gps: true, face: FACE });

let server: BlouseServer;
let browser: Browser;

describe('checking a photo before posting it, on a phone and on a desktop', () => {
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
    [MOBILE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const)
    it(`says where the photo was taken and whose phone it was, and gives a clean copy (${label})`, async () => {
      const failures: string[] = [];
      await withSignedInPage(browser, server.url, server.account('agent'), viewport, async (page) => {
        await followMainNav(page, 'Vérifier');
        await page.getByRole('heading', { level: 2, name: 'Une photo' }).waitFor();
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: 'service.jpg', mimeType: 'image/jpeg', buffer: PHONE_PHOTO });
        const result = page.getByTestId('photo-result');
        await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/GEO-01/);
        expect(await result.textContent()).toMatch(/48\.8566, 2\.3521/);
        expect(await result.textContent()).toMatch(/PRIV-02/);
        expect(await result.textContent()).toMatch(/IMAGE-03 — Un visage est reconnaissable/);
        expect(await result.textContent()).toMatch(/Texte lu dans la photo \(« Mme Durand/);
        // The photo itself, with a numbered frame on the face and on the board's words.
        const regions = page.getByTestId('photo-regions');
        await regions.locator('img').waitFor();
        expect(await regions.locator('[aria-hidden="true"]').count()).toBeGreaterThanOrEqual(2);
        failures.push(...(await auditPage(page, `photo-check-${label}`)));
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Télécharger une copie sûre' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('photo-sure.jpg');
        const copy = await readFile((await download.path()) ?? '');
        expect((await sharp(copy).metadata()).exif).toBeUndefined();
        expect(copy.includes(Buffer.from('Claire Dubois'))).toBe(false);
        // Nothing left to read on the board either.
        const words = (await readBackgroundText(copy)).lines.flat().map((word) => word.text);
        expect(words).not.toContain('Durand');
      });
      expect(failures).toEqual([]);
    }, 120_000);
});
