import { readFile } from 'node:fs/promises';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkAndCopyImage, checkImage, safeCopyOf } from './check-image.js';
import { findFaces } from './faces/find-faces.js';
import { readBackgroundText } from './ocr/read-text.js';
import { grainPicture, testFace, wardPhoto } from './test-photos.js';

const words = async (bytes: Uint8Array) =>
  (await readBackgroundText(bytes)).lines.flat().map((word) => word.text);

const FACE = await testFace();

describe('checking a ward photo', () => {
  it('gives the issue’s three findings for GPS, a face and « Mme Durand, chambre 214 », and a safe copy with none of them', async () => {
    const photo = await wardPhoto({ board: ['Mme Durand,', 'chambre 214'], gps: true, face: FACE });
    const check = await checkImage(photo);
    const rules = check.findings.map((f) => f.rule);
    expect(rules).toContain('GEO-01');
    expect(rules).toContain('IMAGE-03');
    expect(rules.filter((rule) => rule.startsWith('SECRET')).length).toBeGreaterThan(0);
    const copy = await safeCopyOf(photo, check);
    expect(await exifr.gps(copy.bytes).catch(() => undefined)).toBeUndefined();
    expect(await findFaces(copy.bytes)).toEqual([]);
    const left = await words(copy.bytes);
    expect(left).not.toContain('Durand');
    expect(left).not.toContain('Durand,');
  }, 60_000);

  it('reads the whiteboard, finds the patient, and hides her name and room in the safe copy', async () => {
    const photo = await wardPhoto({ board: ['Mme Durand', 'chambre 214'], gps: true });
    const check = await checkImage(photo);
    expect(check.backgroundText).toMatch(/^Mme Durand\nchambre 214/);
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

  it('takes no letters of a board for a face', async () => {
    // The detector sees a face in « re 2 » of « chambre 214 »; the reader reads the words there.
    const check = await checkImage(await wardPhoto({ board: ['Mme Durand', 'chambre 214'] }));
    expect(check.findings.map((f) => f.rule)).not.toContain('IMAGE-03');
  }, 30_000);

  it('raises nothing on a photo without text or metadata', async () => {
    const check = await checkImage(await wardPhoto());
    expect(check).toMatchObject({ verdict: 'ok', findings: [], regions: [], backgroundText: '' });
  }, 30_000);

  it('holds a legible name and birth date against the background check (IMAGE-02), though the words alone break no rule', async () => {
    const check = await checkImage(await wardPhoto({ board: ['MICHEL Jeanne', 'née le 23/10/1988'] }));
    const background = check.findings.find((f) => f.rule === 'IMAGE-02');
    expect(background?.severity).toBe('block');
    expect(background?.evidence).toMatchObject({ kind: 'region', detail: 'MICHEL Jeanne' });
    expect(check.verdict).toBe('block');
    expect(check.regions.length).toBeGreaterThan(0);
  }, 30_000);

  it('reads a door label turned by 20 degrees, and gives its box on the photo itself', async () => {
    const label = await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="200"><rect width="100%" height="100%" fill="#f2f2ee"/><text x="40" y="130" font-family="DejaVu Sans" font-size="90" fill="#1b1b1b">Ch 214 Mme Durand</text></svg>',
      ),
    )
      .rotate(20, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer({ resolveWithObject: true });
    const photo = await sharp(await wardPhoto({ width: 3000, height: 2000 }))
      .composite([{ input: label.data, left: 300, top: 900 }])
      .jpeg()
      .toBuffer();
    const check = await checkImage(photo);
    const secret = check.findings.find((f) => f.rule.startsWith('SECRET'));
    expect(secret, check.backgroundText).toBeDefined();
    const box = secret?.evidence.kind === 'region' ? secret.evidence.region : undefined;
    // Inside the label as pasted, give or take the turn.
    expect(box?.x).toBeGreaterThanOrEqual(250);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(300 + label.info.width + 50);
    expect(box?.y).toBeGreaterThanOrEqual(850);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(900 + label.info.height + 50);
  }, 30_000);

  it('reads an iPhone’s HEIC photo (HEVC) as any other, and gives its safe copy as a JPEG', async () => {
    const heic = await readFile(new URL('./fixtures/ward-photo.heic', import.meta.url));
    const check = await checkImage(heic);
    expect(check.metadata.format).toBe('heif');
    expect(check.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['GEO-01', 'PRIV-02', 'IMAGE-03', 'SECRET-01']),
    );
    const copy = await safeCopyOf(heic, check);
    expect(copy.mediaType).toBe('image/jpeg');
    expect(await findFaces(copy.bytes)).toEqual([]);
    expect(await exifr.gps(copy.bytes).catch(() => undefined)).toBeUndefined();
    expect(await words(copy.bytes)).not.toContain('Durand,');
  }, 60_000);

  it('lets a harmless board through', async () => {
    const check = await checkImage(await wardPhoto({ board: ['Bienvenue', 'au service'] }));
    expect(check.backgroundText).toMatch(/^Bienvenue\nau service/);
    expect(check.findings).toEqual([]);
  }, 30_000);

  it('gives the same check and its safe copy from one decoding', async () => {
    const photo = await wardPhoto({ board: ['Mme Durand', 'chambre 214'], gps: true, face: FACE });
    const { check, copy } = await checkAndCopyImage(photo);
    expect(check).toEqual(await checkImage(photo));
    expect(copy.mediaType).toBe('image/jpeg');
    expect(await exifr.gps(copy.bytes).catch(() => undefined)).toBeUndefined();
    expect(await findFaces(copy.bytes)).toEqual([]);
    expect(await words(copy.bytes)).not.toContain('Durand');
  }, 60_000);

  it('says so when the background could not be read in full, rather than pass the photo as clean', async () => {
    const check = await checkImage(await grainPicture(), 'staff', { readingBudgetMs: 300 });
    const unread = check.findings.find((f) => f.rule === 'IMAGE-02');
    expect(unread).toMatchObject({
      severity: 'warn',
      evidence: { kind: 'region', region: { x: 0, y: 0, width: 800, height: 600 } },
    });
    expect(unread?.explanation.fr).toMatch(/n’a pas pu être lu en entier/);
    expect(check.verdict).toBe('warn');
    // Nothing to pixelate for it: the whole photo is not hidden for what was not read.
    expect(check.regions).toEqual([]);
  }, 30_000);
});
