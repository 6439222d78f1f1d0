import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/**
 * A ward photo made for tests: a green wall, a whiteboard with a line of text on it, written in
 * DejaVu Sans (the font Debian's Chromium brings), optionally the GPS position of a phone.
 */
export async function wardPhoto(
  options: { board?: readonly string[]; gps?: boolean; width?: number; height?: number; face?: Buffer } = {},
): Promise<Buffer> {
  const width = options.width ?? 1600;
  const height = options.height ?? 1000;
  const lines = (options.board ?? [])
    .map(
      (line, i) =>
        `<text x="${width * 0.58}" y="${height * 0.23 + i * 90}" font-family="DejaVu Sans" font-size="48" fill="#1a1a1a">${line}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#6d8f7a"/><rect x="${width * 0.56}" y="${height * 0.12}" width="${width * 0.38}" height="${height * 0.36}" fill="#f4f4f0"/>${lines}</svg>`;
  // A face, when given, stands on the left of the room, away from the board.
  const scene = options.face
    ? await sharp(Buffer.from(svg))
        .composite([
          {
            input: await sharp(options.face)
              .resize({ height: Math.round(height * 0.45) })
              .toBuffer(),
            left: Math.round(width * 0.08),
            top: Math.round(height * 0.3),
          },
        ])
        .png()
        .toBuffer()
    : Buffer.from(svg);
  const image = sharp(scene).jpeg();
  return (
    options.gps
      ? image.withExif({
          IFD0: { Artist: 'Claire Dubois' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '48/1 51/1 2374/100',
            GPSLongitudeRef: 'E',
            GPSLongitude: '2/1 21/1 768/100',
          },
        })
      : image
  ).toBuffer();
}

/** A face from @vladmandic/human's own assets (MIT licence), cut out of its group screenshot. */
export async function testFace(): Promise<Buffer> {
  const assets = join(
    dirname(dirname(createRequire(import.meta.url).resolve('@vladmandic/human'))),
    'assets',
  );
  return sharp(await readFile(join(assets, 'screenshot-facedetect.jpg')))
    .extract({ left: 0, top: 370, width: 175, height: 190 })
    .toBuffer();
}

/**
 * Even grain, as a cheap sensor makes in a dark room: tesseract's sparse-text reading takes tens
 * of seconds over it (33 s at 2,400 px on one core), which makes it the attacker's picture.
 */
export async function grainPicture(): Promise<Buffer> {
  const width = 800;
  const height = 600;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    pixels[i] = 90 + (seed % 60);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}
