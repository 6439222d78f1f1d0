import { checkAndCopyImage, checkImage } from '@blouse/guard-image';
import sharp from 'sharp';

export interface ImageBenchSettings {
  /** Photos checked, after one for warming up. */
  readonly photos: number;
  readonly width: number;
  readonly height: number;
}

/** A 12-megapixel photo, as a phone takes one (4,000 × 3,000). */
export const DEFAULT_IMAGE_BENCH_SETTINGS: ImageBenchSettings = { photos: 3, width: 4000, height: 3000 };

export interface ImageBenchResult {
  readonly megapixels: number;
  readonly photos: number;
  /** Check (metadata and text in the background) and safe copy, per photo. */
  readonly msPerPhoto: { readonly p50: number; readonly max: number };
  readonly checkMs: number;
  readonly safeCopyMs: number;
  /** The process's peak resident memory after the run (what a server needs for one photo at a time). */
  readonly peakRssMb: number;
}

/**
 * The image guard on a phone-sized photo: a noisy scene (so the JPEG weighs what a real one does)
 * with a whiteboard naming a patient and the phone's GPS position, checked (metadata, faces,
 * background text) then made safe, one after the other.
 */
export async function runImageBench(settings: ImageBenchSettings): Promise<ImageBenchResult> {
  const photo = await benchPhoto(settings.width, settings.height);
  const times: { check: number; copy: number }[] = [];
  for (let i = 0; i <= settings.photos; i++) {
    // The check and its copy share one decoding of the photo, as on the server: the copy's own
    // time is what the pair takes beyond the check alone.
    const started = performance.now();
    await checkAndCopyImage(photo, 'staff');
    const both = performance.now() - started;
    const checkStarted = performance.now();
    await checkImage(photo, 'staff');
    const check = performance.now() - checkStarted;
    if (i > 0) times.push({ check, copy: Math.max(0, both - check) });
  }
  const totals = times.map((t) => t.check + t.copy).sort((a, b) => a - b);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return {
    megapixels: (settings.width * settings.height) / 1e6,
    photos: settings.photos,
    msPerPhoto: { p50: totals[Math.floor(totals.length / 2)] ?? 0, max: totals.at(-1) ?? 0 },
    checkMs: mean(times.map((t) => t.check)),
    safeCopyMs: mean(times.map((t) => t.copy)),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function benchPhoto(width: number, height: number): Promise<Buffer> {
  const noise = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    noise[i] = 90 + (seed % 60);
  }
  const board = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width * 0.38)}" height="${Math.round(height * 0.3)}"><rect width="100%" height="100%" fill="#f4f4f0"/><text x="40" y="${Math.round(height * 0.1)}" font-family="DejaVu Sans" font-size="${Math.round(height * 0.04)}" fill="#1a1a1a">Mme Durand</text><text x="40" y="${Math.round(height * 0.2)}" font-family="DejaVu Sans" font-size="${Math.round(height * 0.04)}" fill="#1a1a1a">chambre 214</text></svg>`,
  );
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .composite([{ input: board, left: Math.round(width * 0.56), top: Math.round(height * 0.12) }])
    .jpeg({ quality: 88 })
    .withExif({
      IFD0: { Make: 'Fairphone', Model: 'FP5' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2374/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 768/100',
      },
    })
    .toBuffer();
}
