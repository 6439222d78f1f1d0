import sharp from 'sharp';
import type { Region } from '../image-finding.js';
import { overlapShare } from '../regions.js';
import { type DecodedPicture, decoded, pictureImage } from '../upright-picture.js';
import { faceDetector } from './face-model.js';

/**
 * The detector sees squares of this side: a tile is padded to one, never stretched. BlazeFace
 * reads 256 × 256 whatever it is given, and squares of 256 spare it the shrinking: with 3 × 3
 * tiles, they found the 103 faces of the development set of `blouse eval image` with 3 stray
 * boxes, where squares of 512 left 16.
 */
const SIDE = 256;

/**
 * The detector never needs more pixels than this on the picture's long side (a square of 256
 * from a tile of 0.4 of it): the picture is brought down to it once, and the tiles are cut
 * from that, rather than each resized from the 12 million pixels of the photo.
 */
const PREVIEW_SIDE = 1024;

/**
 * The faces in a picture, in its own pixels as shown. The detector misses small faces in a wide
 * picture: it is run on the whole picture padded to a square, then on 3 × 3 tiles overlapping
 * (a group photo, a face in the background), and the boxes found twice are merged. On the
 * development set, 2 × 2 tiles missed 2 of the 13 faces under 60 px (3 % of the picture's
 * height); 3 × 3 found them all, for a tenth of a second more on a 12-megapixel photo.
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

/**
 * The whole picture, then 3 × 3 tiles of 0.4 of its sides, which overlap by a tenth of the
 * picture: a face up to that size lies whole in one of them, and a larger one is seen whole by
 * the first pass.
 */
function tilesOf(width: number, height: number): Region[] {
  const share = 0.4;
  const tileWidth = Math.round(width * share);
  const tileHeight = Math.round(height * share);
  const tiles: Region[] = [{ x: 0, y: 0, width, height }];
  for (let row = 0; row < 3; row++)
    for (let column = 0; column < 3; column++)
      tiles.push({
        x: Math.round(((width - tileWidth) * column) / 2),
        y: Math.round(((height - tileHeight) * row) / 2),
        width: tileWidth,
        height: tileHeight,
      });
  return tiles;
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
