import sharp from 'sharp';
import type { Region } from '../image-finding.js';
import { overlapShare } from '../regions.js';
import { type DecodedPicture, decoded, pictureImage } from '../upright-picture.js';
import { faceDetector } from './face-model.js';

/**
 * The detector sees squares of this side: a tile is padded to one, never stretched. BlazeFace
 * reads 256 × 256 whatever it is given: on the development set of `blouse eval image`, squares
 * of 512 found the same faces as squares of 1,024 (101 of 103), with two stray boxes instead of
 * four, in two thirds of the time.
 */
const SIDE = 512;

/**
 * The detector never sees more than this many pixels on a side of a tile (512 px squares from
 * tiles of at most 0.6 of the picture): the picture is brought down to it once, and the tiles
 * are cut from that, rather than each resized from the 12 million pixels of the photo.
 */
const PREVIEW_SIDE = 2048;

/**
 * The faces in a picture, in its own pixels as shown. The detector misses small faces in a wide
 * picture: it is run on the whole picture padded to a square, then on 2 × 2 tiles overlapping by
 * a fifth (a group photo, a face in the background), and the boxes found twice are merged.
 */
export async function findFaces(input: Uint8Array | DecodedPicture): Promise<Region[]> {
  return (await findScoredFaces(input)).map((face) => face.region);
}

/** The faces with the detector's confidence in each, for measuring where to draw the line. */
export async function findScoredFaces(
  input: Uint8Array | DecodedPicture,
): Promise<{ region: Region; score: number }[]> {
  const picture = await decoded(input);
  const shrink = Math.min(1, PREVIEW_SIDE / Math.max(picture.width, picture.height));
  const preview = await pictureImage(picture)
    .resize(Math.round(picture.width * shrink), Math.round(picture.height * shrink))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = preview.info;
  const detector = await faceDetector();
  const found: { region: Region; score: number }[] = [];
  for (const tile of tilesOf(width, height)) {
    const scale = SIDE / Math.max(tile.width, tile.height);
    const { data } = await sharp(preview.data, { raw: { width, height, channels } })
      .extract({ left: tile.x, top: tile.y, width: tile.width, height: tile.height })
      .resize(Math.round(tile.width * scale), Math.round(tile.height * scale))
      .resize(SIDE, SIDE, { fit: 'contain', position: 'left top', background: '#000' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // From the detector's square back to the picture's own pixels.
    const back = scale * shrink;
    for (const face of await detector.detect(new Uint8Array(data), SIDE, SIDE))
      found.push({
        score: face.score,
        region: {
          x: Math.round((tile.x * scale + face.box[0]) / back),
          y: Math.round((tile.y * scale + face.box[1]) / back),
          width: Math.round(face.box[2] / back),
          height: Math.round(face.box[3] / back),
        },
      });
  }
  return merge(found);
}

/** The whole picture, then four tiles of 0.6 of its sides, one at each corner. */
function tilesOf(width: number, height: number): Region[] {
  const tileWidth = Math.round(width * 0.6);
  const tileHeight = Math.round(height * 0.6);
  return [
    { x: 0, y: 0, width, height },
    { x: 0, y: 0, width: tileWidth, height: tileHeight },
    { x: width - tileWidth, y: 0, width: tileWidth, height: tileHeight },
    { x: 0, y: height - tileHeight, width: tileWidth, height: tileHeight },
    { x: width - tileWidth, y: height - tileHeight, width: tileWidth, height: tileHeight },
  ];
}

/** Boxes of one face found in several tiles become one: the most confident, widened to both. */
function merge(found: readonly { region: Region; score: number }[]): { region: Region; score: number }[] {
  const kept: { region: Region; score: number }[] = [];
  for (const candidate of [...found].sort((a, b) => b.score - a.score)) {
    const same = kept.find((k) => overlapShare(k.region, candidate.region) > 0.3);
    if (same === undefined) kept.push({ ...candidate });
  }
  return kept.sort((a, b) => a.region.y - b.region.y || a.region.x - b.region.x);
}
