import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { Region } from '../image-finding.js';

/**
 * Real faces for the evaluation set, cut out of the pictures @vladmandic/human ships in its
 * `assets/` folder (MIT licence; photos of adults published by its author for its demos):
 * - the five portraits on the bottom row of `screenshot-facedetect.jpg` (150 px each);
 * - the 18 × 6 grid of faces in `screenshot-facematch.jpg` (about 90 px each), each cut inside
 *   its cell so that the similarity figure above and the age below stay out.
 * Even-numbered faces go to the development set, odd-numbered ones to the blind set: the blind
 * set's faces are never seen while its figures are not final.
 */
const ASSETS = join(dirname(dirname(createRequire(import.meta.url).resolve('@vladmandic/human'))), 'assets');

interface FaceCut {
  readonly file: string;
  readonly cut: Region;
}

function faceCuts(): FaceCut[] {
  const portraits = [8, 164, 321, 478, 634].map((x) => ({
    file: 'screenshot-facedetect.jpg',
    cut: { x, y: 348, width: 150, height: 148 },
  }));
  // Cells of the grid: rows start under the black bands measured on the picture, every 112.5 px;
  // columns every 1920 / 18 px.
  const rowTops = [283, 395, 508, 620, 733, 845];
  const grid = rowTops.flatMap((top) =>
    Array.from({ length: 18 }, (_, column) => ({
      file: 'screenshot-facematch.jpg',
      cut: { x: Math.round(column * (1920 / 18)) + 10, y: top + 16, width: 86, height: 74 },
    })),
  );
  return [...portraits, ...grid];
}

export type EvalSplit = 'dev' | 'blind';

/** The faces of one split, as PNG buffers, in a fixed order. */
export async function loadFaces(split: EvalSplit): Promise<Buffer[]> {
  const cuts = faceCuts().filter((_, i) => (split === 'dev' ? i % 2 === 0 : i % 2 === 1));
  const sources = new Map<string, Buffer>();
  const faces: Buffer[] = [];
  for (const { file, cut } of cuts) {
    if (!sources.has(file)) sources.set(file, await readFile(join(ASSETS, file)));
    const source = sources.get(file) as Buffer;
    faces.push(
      await sharp(source)
        .extract({ left: cut.x, top: cut.y, width: cut.width, height: cut.height })
        .png()
        .toBuffer(),
    );
  }
  return faces;
}
