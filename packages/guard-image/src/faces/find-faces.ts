import sharp from 'sharp';
import type { Region } from '../image-finding.js';
import { faceDetector } from './face-model.js';

/** The detector sees squares of this side: a tile is padded to one, never stretched. */
const SIDE = 1024;

/**
 * The faces in a picture, in its own pixels as shown. The detector misses small faces in a wide
 * picture: it is run on the whole picture padded to a square, then on 2 × 2 tiles overlapping by
 * a fifth (a group photo, a face in the background), and the boxes found twice are merged.
 */
export async function findFaces(bytes: Uint8Array): Promise<Region[]> {
  const upright = await sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 })
    .rotate()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = upright.info;
  const tileWidth = Math.round(width * 0.6);
  const tileHeight = Math.round(height * 0.6);
  const tiles: Region[] = [
    { x: 0, y: 0, width, height },
    { x: 0, y: 0, width: tileWidth, height: tileHeight },
    { x: width - tileWidth, y: 0, width: tileWidth, height: tileHeight },
    { x: 0, y: height - tileHeight, width: tileWidth, height: tileHeight },
    { x: width - tileWidth, y: height - tileHeight, width: tileWidth, height: tileHeight },
  ];
  const detector = await faceDetector();
  const found: { region: Region; score: number }[] = [];
  for (const tile of tiles) {
    const scale = SIDE / Math.max(tile.width, tile.height);
    const { data } = await sharp(upright.data)
      .extract({ left: tile.x, top: tile.y, width: tile.width, height: tile.height })
      .resize(Math.round(tile.width * scale), Math.round(tile.height * scale))
      .resize(SIDE, SIDE, { fit: 'contain', position: 'left top', background: '#000' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (const face of await detector.detect(new Uint8Array(data), SIDE, SIDE))
      found.push({
        score: face.score,
        region: {
          x: Math.round(tile.x + face.box[0] / scale),
          y: Math.round(tile.y + face.box[1] / scale),
          width: Math.round(face.box[2] / scale),
          height: Math.round(face.box[3] / scale),
        },
      });
  }
  return merge(found);
}

/** Boxes of one face found in several tiles become one: the most confident, widened to both. */
function merge(found: readonly { region: Region; score: number }[]): Region[] {
  const kept: { region: Region; score: number }[] = [];
  for (const candidate of [...found].sort((a, b) => b.score - a.score)) {
    const same = kept.find((k) => overlap(k.region, candidate.region) > 0.3);
    if (same === undefined) kept.push({ ...candidate });
  }
  return kept.map((k) => k.region).sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Intersection over the smaller box: a face cut by a tile's edge still matches the whole one. */
function overlap(a: Region, b: Region): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  return (width * height) / Math.min(a.width * a.height, b.width * b.height);
}
