import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { checkImage, safeCopyOf } from './check-image.js';
import { readBackgroundText } from './ocr/read-text.js';
import { wardPhoto } from './test-photos.js';

const words = async (bytes: Uint8Array) =>
  (await readBackgroundText(bytes)).lines.flat().map((word) => word.text);

describe('checking a ward photo', () => {
  it('reads the whiteboard, finds the patient, and hides her name and room in the safe copy', async () => {
    const photo = await wardPhoto({ board: ['Mme Durand', 'chambre 214'], gps: true });
    const check = await checkImage(photo);
    expect(check.backgroundText).toBe('Mme Durand\nchambre 214');
    expect(check.findings.map((f) => f.rule)).toContain('GEO-01');
    // A board's words are not the poster's speech: only what they reveal counts, not their tone.
    expect(check.findings.map((f) => f.rule.split('-')[0])).not.toContain('RESPECT');
    const fromBoard = check.findings.filter((f) => f.evidence.kind === 'region');
    expect(fromBoard.length).toBeGreaterThan(0);
    expect(fromBoard[0]?.explanation.fr).toMatch(/^Texte lu dans la photo/);
    expect(check.verdict).not.toBe('ok');
    // The name's box is on the board, top right.
    expect(check.regions.length).toBeGreaterThan(0);
    for (const region of check.regions) expect(region.x).toBeGreaterThan(800);

    const copy = await safeCopyOf(photo, check);
    expect(await exifr.gps(copy.bytes).catch(() => undefined)).toBeUndefined();
    const left = await words(copy.bytes);
    expect(left).not.toContain('Durand');
    expect(left).not.toContain('214');
  }, 30_000);

  it('raises nothing on a photo without text or metadata', async () => {
    const check = await checkImage(await wardPhoto());
    expect(check).toMatchObject({ verdict: 'ok', findings: [], regions: [], backgroundText: '' });
  }, 30_000);

  it('lets a harmless board through', async () => {
    const check = await checkImage(await wardPhoto({ board: ['Bienvenue', 'au service'] }));
    expect(check.backgroundText).toBe('Bienvenue\nau service');
    expect(check.findings).toEqual([]);
  }, 30_000);
});
