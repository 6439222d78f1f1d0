import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import type { Region } from '../image-finding.js';
import { overlapShare } from '../regions.js';
import { uprightPicture } from '../upright-picture.js';
import { withTextReader } from './text-reader.js';

export interface OcrWord {
  readonly text: string;
  /** In pixels of the picture as it is shown (orientation applied). */
  readonly region: Region;
  readonly confidence: number;
}

/**
 * The text of a screenshot (a post, a comment, a message), line by line: one straight pass, as
 * a screen shows its text level.
 */
export async function readScreenText(bytes: Uint8Array): Promise<string> {
  const { lines } = await readBackgroundText(bytes, { tilted: false });
  return lines.map((line) => line.map((word) => word.text).join(' ')).join('\n');
}

export interface BackgroundText {
  /** The words read, line by line, pass after pass (a word may be read by more than one). */
  readonly lines: readonly (readonly OcrWord[])[];
}

/**
 * The passes over the picture. Straight text on a board needs pixels: the first pass reads the
 * picture brought to 2,400 px on its long side. Tesseract reads lines within a few degrees of
 * level only, and a door label or a wristband photographed askew is tilted by 10 to 25 degrees:
 * two more passes read the picture turned by 15 degrees each way, at 1,600 px, which is enough
 * for the larger tilted text and keeps the three passes near one and a half seconds. On the
 * development set these passes took the share of label words read from 60 % to 82 %.
 */
const PASSES: readonly { readonly longSide: number; readonly angle: number }[] = [
  { longSide: 2400, angle: 0 },
  { longSide: 1600, angle: -15 },
  { longSide: 1600, angle: 15 },
];
/** Words read with less confidence are noise more often than text. */
const MIN_CONFIDENCE = 60;

/**
 * The text in a picture's background (a whiteboard, a door label, a screen, a wristband), read
 * offline with tesseract.js in French, each word with its box in the picture's own pixels.
 * The picture is decoded, turned as shown and brought to 2,400 px in grey once; the tilted passes
 * start from that.
 */
export async function readBackgroundText(
  bytes: Uint8Array,
  options: { readonly tilted?: boolean } = {},
): Promise<BackgroundText> {
  const { image: upright } = await uprightPicture(bytes);
  const info = shownSize(await upright.metadata());
  const largest = Math.max(...PASSES.map((pass) => pass.longSide));
  // Small pictures (a screenshot) are enlarged too, up to four times: tesseract reads letters
  // of 20 pixels and more.
  const scale = Math.min(4, largest / Math.max(info.width, info.height));
  const grey = await upright
    .resize(Math.round(info.width * scale), Math.round(info.height * scale))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const base = {
    data: grey.data,
    width: grey.info.width,
    height: grey.info.height,
    channels: grey.info.channels,
  };
  return withTextReader(async (worker) => {
    let lines: OcrWord[][] = [];
    // A screenshot is level: the turned passes would only read it again, worse.
    for (const pass of options.tilted === false ? PASSES.slice(0, 1) : PASSES) {
      for (const line of await readPass(worker, base, scale, pass)) lines = keepNew(lines, line);
    }
    return { lines };
  });
}

async function readPass(
  worker: Worker,
  base: { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 },
  baseScale: number,
  pass: { longSide: number; angle: number },
): Promise<OcrWord[][]> {
  const shrink = Math.min(1, pass.longSide / Math.max(base.width, base.height));
  const width = Math.round(base.width * shrink);
  const height = Math.round(base.height * shrink);
  const scale = baseScale * shrink;
  const image = sharp(base.data, {
    raw: { width: base.width, height: base.height, channels: base.channels },
  });
  const resized = shrink < 1 ? image.resize(width, height) : image;
  const prepared = await (pass.angle === 0 ? resized : resized.rotate(pass.angle, { background: '#808080' }))
    .png({ compressionLevel: 0 })
    .toBuffer({ resolveWithObject: true });
  const back = unturn(pass.angle, prepared.info, { width, height }, scale);
  const { data } = await worker.recognize(prepared.data, {}, { blocks: true });
  return (data.blocks ?? [])
    .flatMap((block) =>
      block.paragraphs.flatMap((paragraph) =>
        paragraph.lines.map((line) =>
          line.words
            .filter((word) => word.confidence >= MIN_CONFIDENCE && /[\p{L}\p{N}]/u.test(word.text))
            .map((word) => ({
              text: word.text.trim(),
              confidence: word.confidence,
              region: back(word.bbox),
            })),
        ),
      ),
    )
    .filter(isText);
}

/**
 * Where a line was read by an earlier pass, a turned pass reads the same words again: straight
 * words askew (« Mme Du rang »), tilted words straight and better. Both are kept, for the guard
 * reads each line on its own and its findings are merged by place (on the development set,
 * keeping only the more confident of two readings lost a tenth of the labels); only a line that
 * says nothing new, every word already read at its place, is dropped.
 */
function keepNew(lines: readonly OcrWord[][], line: OcrWord[]): OcrWord[][] {
  const read = lines.flat();
  const isNew = (word: OcrWord) =>
    !read.some(
      (other) =>
        other.text.toLocaleLowerCase('fr') === word.text.toLocaleLowerCase('fr') &&
        overlapShare(other.region, word.region) > 0.3,
    );
  return line.some(isNew) ? [...lines, line] : [...lines];
}

/**
 * Sparse-text reading finds glyphs in the grain of a wall and along the edges of a door: a line
 * that is a single short word (« 2 », « e », « oP ») is such a blob far more often than a label,
 * and next to a service name the text guard took a stray digit for a room or an age.
 */
function isText(line: readonly OcrWord[]): boolean {
  return line.length > 1 || (line[0]?.text.length ?? 0) > 2;
}

/** The size of the picture as shown: EXIF orientations 5 to 8 turn it by a quarter. */
function shownSize(metadata: { width?: number; height?: number; orientation?: number }) {
  const width = metadata.width ?? 1;
  const height = metadata.height ?? 1;
  return (metadata.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

/**
 * From a box read on the turned, resized picture to the box that holds it on the picture
 * itself: its four corners turned back around the centre, then brought to the original scale.
 */
function unturn(
  angle: number,
  turned: { width: number; height: number },
  resized: { width: number; height: number },
  scale: number,
) {
  const radians = (-angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return (box: { x0: number; y0: number; x1: number; y1: number }): Region => {
    const corners = [
      [box.x0, box.y0],
      [box.x1, box.y0],
      [box.x0, box.y1],
      [box.x1, box.y1],
    ].map(([x = 0, y = 0]) => {
      const dx = x - turned.width / 2;
      const dy = y - turned.height / 2;
      return [
        (dx * cos - dy * sin + resized.width / 2) / scale,
        (dx * sin + dy * cos + resized.height / 2) / scale,
      ] as const;
    });
    const left = Math.floor(Math.min(...corners.map(([x]) => x)));
    const top = Math.floor(Math.min(...corners.map(([, y]) => y)));
    return {
      x: left,
      y: top,
      width: Math.ceil(Math.max(...corners.map(([x]) => x))) - left,
      height: Math.ceil(Math.max(...corners.map(([, y]) => y))) - top,
    };
  };
}
