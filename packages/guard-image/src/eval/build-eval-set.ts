import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mulberry32 } from '@blouse/guard';
import sharp from 'sharp';
import { composePhoto, type TruthFace, type TruthLabel } from './compose-photo.js';
import { type EvalSplit, loadFaces } from './face-pool.js';

/** One line of `truth.jsonl`: what the photo holds, for `blouse eval image`. */
export interface ImageTruth {
  readonly file: string;
  readonly format: 'jpeg' | 'png' | 'webp' | 'avif';
  readonly width: number;
  readonly height: number;
  /** GPS position written into the file, and by what. */
  readonly gps: boolean;
  readonly author: boolean;
  readonly metadataWriter: 'exiftool' | 'sharp' | null;
  readonly faces: readonly TruthFace[];
  readonly labels: readonly TruthLabel[];
}

export interface BuildOptions {
  readonly split: EvalSplit;
  readonly count: number;
  readonly seed: number;
  /**
   * Small text only: letters of 0.5 to 0.9 % of the photo's height (a wristband, a screen seen
   * across the room; 15 to 27 px on a 12-megapixel photo, 9 to 16 px once brought to 2,400 px).
   */
  readonly smallText?: boolean;
}

const SMALL_FONT_SHARES = [0.005, 0.007, 0.009];

const execFileAsync = promisify(execFile);

/**
 * Writes an evaluation set of ward photos into `dir`: `NNN.<format>` and `truth.jsonl`. One photo
 * in four is clean (ordinary labels at most, no GPS, no face): false alarms are counted on those.
 * The others get, independently, GPS and an author in the metadata (half of them), faces (three
 * in five of them, one to three each), and sensitive labels (three in five, one or two).
 * GPS and author are written by exiftool when it is installed (Debian's libimage-exiftool-perl),
 * as a phone or an editing program would, so that the guard is not only tested on files written
 * by the library it reads them with; otherwise by sharp, and the truth says which.
 */
export async function buildImageEvalSet(dir: string, options: BuildOptions): Promise<ImageTruth[]> {
  await mkdir(dir, { recursive: true });
  const random = mulberry32(options.seed + (options.split === 'blind' ? 1_000_003 : 0));
  const faces = await loadFaces(options.split);
  const exiftool = await hasExiftool();
  const truths: ImageTruth[] = [];
  for (let i = 0; i < options.count; i++) {
    const clean = i % 4 === 0;
    const chance = (p: number) => !clean && random() < p;
    const plan = {
      faces: chance(0.6) ? 1 + Math.floor(random() * 3) : 0,
      sensitiveLabels: chance(0.6) ? 1 + Math.floor(random() * 2) : 0,
      ordinaryLabels: Math.floor(random() * 2) + (clean ? 1 : 0),
      ...(options.smallText ? { fontShares: SMALL_FONT_SHARES } : {}),
    };
    const gps = chance(0.5);
    const photo = await composePhoto(options.split, plan, faces, random);
    const format = pickFormat(random(), photo.width);
    const file = `${String(i + 1).padStart(3, '0')}.${format}`;
    const path = join(dir, file);
    const image = sharp(photo.png);
    const encoded =
      format === 'jpeg'
        ? image.jpeg({ quality: 80 })
        : format === 'png'
          ? image.png()
          : format === 'webp'
            ? image.webp({ quality: 80 })
            : image.avif({ quality: 55, effort: 2 });
    let writer: ImageTruth['metadataWriter'] = null;
    if (gps && !exiftool) {
      await writeFile(path, await encoded.withExif(SHARP_EXIF).toBuffer());
      writer = 'sharp';
    } else {
      await writeFile(path, await encoded.toBuffer());
      if (gps) {
        await writeWithExiftool(path, format);
        writer = 'exiftool';
      }
    }
    truths.push({
      file,
      format,
      width: photo.width,
      height: photo.height,
      gps,
      author: gps,
      metadataWriter: writer,
      faces: photo.faces,
      labels: photo.labels,
    });
  }
  await writeFile(join(dir, 'truth.jsonl'), `${truths.map((truth) => JSON.stringify(truth)).join('\n')}\n`);
  return truths;
}

function pickFormat(draw: number, width: number): ImageTruth['format'] {
  if (draw < 0.6) return 'jpeg';
  if (draw < 0.8) return 'webp';
  if (draw < 0.9 || width > 2000) return 'png';
  // AVIF is slow to encode at 12 megapixels: only the smaller photos.
  return 'avif';
}

/** Notre-Dame de Paris, as a phone writes it; the author as a camera's owner field. */
const SHARP_EXIF = {
  IFD0: { Artist: 'Claire Dubois' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '48/1 51/1 2374/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '2/1 21/1 768/100',
  },
};

async function hasExiftool(): Promise<boolean> {
  try {
    await execFileAsync('exiftool', ['-ver']);
    return true;
  } catch {
    return false;
  }
}

/** EXIF where the format has it; XMP for PNG, as editing programs write it there. */
async function writeWithExiftool(path: string, format: ImageTruth['format']): Promise<void> {
  const group = format === 'png' ? 'XMP' : 'EXIF';
  await execFileAsync('exiftool', [
    '-overwrite_original',
    '-q',
    `-${group}:GPSLatitude=48.8566`,
    `-${group}:GPSLatitudeRef=N`,
    `-${group}:GPSLongitude=2.3522`,
    `-${group}:GPSLongitudeRef=E`,
    format === 'png' ? '-XMP:Creator=Claire Dubois' : '-EXIF:Artist=Claire Dubois',
    path,
  ]);
}
