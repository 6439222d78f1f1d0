import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { UnreadableImageError } from '../metadata/read-metadata.js';
import { safeCopy } from './safe-copy.js';

/** Stripes of black and white, 4 px wide: any pixelation evens them out. */
const stripes = async (width: number, height: number) => {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      raw.fill(Math.floor(x / 4) % 2 === 0 ? 0 : 255, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return sharp(raw, { raw: { width, height, channels: 3 } });
};

const GPS = {
  IFD0: { Artist: 'Claire Dubois', Make: 'Fairphone' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '48/1 51/1 2374/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '2/1 21/1 768/100',
  },
};

/** How often two neighbouring pixels differ along a row: stripes 4 px wide change every 4 px. */
async function edgeRate(image: Buffer, region: { x: number; y: number; width: number; height: number }) {
  const { data, info } = await sharp(image)
    .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let edges = 0;
  for (let y = 0; y < info.height; y++)
    for (let x = 1; x < info.width; x++)
      if (Math.abs((data[y * info.width + x] ?? 0) - (data[y * info.width + x - 1] ?? 0)) > 24) edges++;
  return edges / (info.height * (info.width - 1));
}

describe('the safe copy', () => {
  it('keeps no position, no name, no device, in every format it writes', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const photo = await (await stripes(120, 80)).toFormat(format).withExif(GPS).toBuffer();
      expect((await sharp(photo).metadata()).exif, format).toBeDefined();
      const copy = await safeCopy(photo);
      expect(copy.mediaType).toBe(`image/${format}`);
      const after = await sharp(copy.bytes).metadata();
      expect([after.exif, after.xmp, after.iptc], format).toEqual([undefined, undefined, undefined]);
      expect(copy.bytes.includes(Buffer.from('Claire Dubois')), format).toBe(false);
      expect(copy.bytes.includes(Buffer.from('Fairphone')), format).toBe(false);
    }
  });

  it('turns the picture as it is shown and drops the orientation tag', async () => {
    const upright = await (await stripes(120, 80)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const copy = await safeCopy(upright);
    const metadata = await sharp(copy.bytes).metadata();
    expect([metadata.width, metadata.height, metadata.orientation]).toEqual([80, 120, undefined]);
  });

  it('pixelates the regions it is given, and only them', async () => {
    const photo = await (await stripes(240, 160)).png().toBuffer();
    const face = { x: 40, y: 40, width: 96, height: 64 };
    const copy = await safeCopy(photo, [
      face,
      { x: 230, y: 150, width: 50, height: 50 },
      { x: 500, y: 500, width: 10, height: 10 },
    ]);
    expect(await edgeRate(photo, face)).toBeGreaterThan(0.2);
    // Blocks of 12 px at least: no detail finer than a block is left.
    expect(await edgeRate(copy.bytes, face)).toBeLessThanOrEqual(1 / 12 + 0.01);
    // Elsewhere the stripes are untouched.
    expect(await edgeRate(copy.bytes, { x: 150, y: 10, width: 60, height: 40 })).toBeGreaterThan(0.2);
  });

  it('refuses what is not a picture', async () => {
    await expect(safeCopy(Buffer.from('<!doctype html>'))).rejects.toBeInstanceOf(UnreadableImageError);
  });

  it('writes an iPhone-style AVIF or a TIFF as a JPEG', async () => {
    const avif = await (await stripes(64, 48)).avif().withExif(GPS).toBuffer();
    const copy = await safeCopy(avif);
    expect(copy.mediaType).toBe('image/jpeg');
    expect(await exifr.gps(copy.bytes).catch(() => undefined)).toBeUndefined();
    expect((await sharp(copy.bytes).metadata()).exif).toBeUndefined();
  });
});
