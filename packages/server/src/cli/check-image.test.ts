import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './test-io.js';

/** A phone's photo of the ward: its position (Paris) and its owner's name in the EXIF. */
const PHONE_PHOTO = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a9' } })
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

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'blouse-image-'));
  writeFileSync(join(dir, 'photo.jpg'), PHONE_PHOTO);
  return dir;
}

async function run(argv: string[], cwd: string) {
  const { io, out, err } = captureIo({ cwd });
  const status = await main(['check', ...argv], io);
  return { status, out: out(), err: err() };
}

describe('blouse check --image', () => {
  it('says where the photo was taken and whose it is, in French, with exit 1', async () => {
    const { status, out, err } = await run(['--image', 'photo.jpg'], folder());
    expect(status).toBe(1);
    expect(err).toBe('');
    expect(out).toContain('Image vérifiée : photo.jpg (JPEG, 64 × 48)');
    expect(out).toContain('Verdict : À revoir avant publication');
    expect(out).toContain('GEO-01 : La photo contient la position où elle a été prise (48.8566, 2.3521)');
    expect(out).toContain('PRIV-02');
    expect(out).toContain('Appareil noté dans le fichier : Fairphone, FP5');
  });

  it('writes a safe copy with --fix, never over a file, and says so in JSON', async () => {
    const dir = folder();
    const { status, out } = await run(['--image', 'photo.jpg', '--fix', 'sure.jpg', '--json'], dir);
    expect(status).toBe(1);
    const report = JSON.parse(out);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(['GEO-01', 'PRIV-02']);
    expect(report.safeCopy).toBe('sure.jpg');
    const copy = readFileSync(join(dir, 'sure.jpg'));
    expect((await sharp(copy).metadata()).exif).toBeUndefined();
    expect(copy.includes(Buffer.from('Claire Dubois'))).toBe(false);
    // The copy itself is clean: exit 0.
    expect((await run(['--image', 'sure.jpg'], dir)).status).toBe(0);
    // Never over an existing file, nor over the photo itself.
    const again = await run(['--image', 'photo.jpg', '--fix', 'sure.jpg'], dir);
    expect(again.status).toBe(66);
    expect(again.err).toContain('« sure.jpg » existe déjà');
    expect((await run(['--image', 'photo.jpg', '--fix', 'photo.jpg'], dir)).status).toBe(64);
    expect(readFileSync(join(dir, 'photo.jpg')).equals(PHONE_PHOTO)).toBe(true);
  });

  it('refuses what is not a photo, a missing file and mixed requests, in French', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'page.jpg'), '<!doctype html><script>alert(1)</script>');
    const notImage = await run(['--image', 'page.jpg'], dir);
    expect(notImage.status).toBe(65);
    expect(notImage.err).toContain('n’est pas une image lisible');
    expect((await run(['--image', 'absente.jpg'], dir)).status).toBe(66);
    expect((await run(['--image', 'photo.jpg', 'un texte'], dir)).status).toBe(64);
    expect((await run(['--image', 'photo.jpg', '--redact'], dir)).status).toBe(64);
    expect((await run(['un texte', '--fix', 'sure.jpg'], dir)).status).toBe(64);
    expect(existsSync(join(dir, 'sure.jpg'))).toBe(false);
  });
});
