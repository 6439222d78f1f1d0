import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import type { Region } from '../image-finding.js';
import { overlapShare } from '../regions.js';
import { type DecodedPicture, decoded, pictureImage } from '../upright-picture.js';
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
export async function readScreenText(input: Uint8Array | DecodedPicture): Promise<string> {
  const { lines } = await readBackgroundText(input, { tilted: false });
  return lines.map((line) => line.map((word) => word.text).join(' ')).join('\n');
}

export interface BackgroundText {
  /** The words read, line by line, pass after pass (a word may be read by more than one). */
  readonly lines: readonly (readonly OcrWord[])[];
  /**
   * False when the reading was stopped before its end: some pictures (fine grain, foliage, a
   * crowd of small shapes) keep tesseract busy for half a minute, and one sent on purpose would
   * hold the reader for everyone.
   */
  readonly complete: boolean;
}

export interface ReadingOptions {
  /** False for a screenshot: one straight pass. */
  readonly tilted?: boolean;
  /** How long the passes may take in all, in milliseconds. */
  readonly budgetMs?: number;
}

/**
 * Ten seconds for the passes of one picture: on one core a 12-megapixel photo takes one, a
 * screenshot dense with text three; pure camera grain took thirty-three.
 */
const READING_BUDGET_MS = 10_000;

class ReadingStopped extends Error {}

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
  input: Uint8Array | DecodedPicture,
  options: ReadingOptions = {},
): Promise<BackgroundText> {
  const picture = await decoded(input);
  const largest = Math.max(...PASSES.map((pass) => pass.longSide));
  // Small pictures (a screenshot) are enlarged too, up to four times: tesseract reads letters
  // of 20 pixels and more.
  const scale = Math.min(4, largest / Math.max(picture.width, picture.height));
  const grey = await pictureImage(picture)
    .resize(Math.round(picture.width * scale), Math.round(picture.height * scale))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const base = {
    data: grey.data,
    width: grey.info.width,
    height: grey.info.height,
    channels: grey.info.channels,
  };
  // A screenshot is level: the turned passes would only read it again, worse.
  const passes = options.tilted === false ? PASSES.slice(0, 1) : PASSES;
  let lines: OcrWord[][] = [];
  try {
    await withTextReader(async (worker) => {
      // From the start of this picture's turn: the wait behind other pictures does not count.
      const deadline = performance.now() + (options.budgetMs ?? READING_BUDGET_MS);
      for (const pass of passes) {
        const read = await within(deadline, readPass(worker, base, scale, pass));
        for (const line of read) lines = keepNew(lines, line);
      }
    });
  } catch (error) {
    // The reader was stopped in the middle of a pass (and is replaced for the next picture):
    // what the finished passes read is kept, and the reading says it is not whole.
    if (error instanceof ReadingStopped) return { lines, complete: false };
    throw error;
  }
  return { lines, complete: true };
}

/**
 * The pass's result, or a ReadingStopped error at the deadline. Tesseract cannot be interrupted
 * in the middle of a picture: the error makes the reader's lender terminate the worker.
 */
async function within<T>(deadline: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReadingStopped('lecture du texte interrompue')),
      Math.max(0, deadline - performance.now()),
    );
  });
  try {
    return await Promise.race([work, stop]);
  } finally {
    clearTimeout(timer);
    // The abandoned pass fails once its worker is terminated: nobody waits for it any more.
    work.catch(() => undefined);
  }
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
