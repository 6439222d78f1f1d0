import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM } from 'tesseract.js';
import type { Region } from '../image-finding.js';

export interface OcrWord {
  readonly text: string;
  /** In pixels of the picture as it is shown (orientation applied). */
  readonly region: Region;
  readonly confidence: number;
}

export interface BackgroundText {
  /** The words read, line by line. */
  readonly lines: readonly (readonly OcrWord[])[];
}

/** Small text on a board needs pixels: the long side is brought to this size before reading. */
const READ_AT = 2400;
/** Words read with less confidence are noise more often than text. */
const MIN_CONFIDENCE = 60;

/** French « best_int » data shipped in @tesseract.js-data/fra: nothing is downloaded. */
const LANG_PATH = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/fra/package.json')),
  '4.0.0_best_int',
);

/**
 * The text in a picture's background (a whiteboard, a door label, a screen, a wristband), read
 * offline with tesseract.js in French, each word with its box. The picture is turned as it is
 * shown and brought to 2,400 px on its long side; boxes are given back in its own pixels.
 * No cache is written anywhere (cacheMethod none): the data is read from the package.
 */
export async function readBackgroundText(bytes: Uint8Array): Promise<BackgroundText> {
  const upright = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
  const { info } = await upright.clone().toBuffer({ resolveWithObject: true });
  const scale = READ_AT / Math.max(info.width, info.height);
  const prepared = await upright
    .resize(Math.round(info.width * scale), Math.round(info.height * scale))
    .greyscale()
    .png()
    .toBuffer();
  const worker = await createWorker('fra', OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    gzip: true,
    cacheMethod: 'none',
  });
  try {
    // The prepared picture carries no resolution: say it, rather than let tesseract guess 70 dpi.
    await worker.setParameters({ user_defined_dpi: '300' });
    const { data } = await worker.recognize(prepared, {}, { blocks: true });
    const lines = (data.blocks ?? []).flatMap((block) =>
      block.paragraphs.flatMap((paragraph) =>
        paragraph.lines.map((line) =>
          line.words
            .filter((word) => word.confidence >= MIN_CONFIDENCE && word.text.trim() !== '')
            .map((word) => ({
              text: word.text.trim(),
              confidence: word.confidence,
              region: {
                x: Math.floor(word.bbox.x0 / scale),
                y: Math.floor(word.bbox.y0 / scale),
                width: Math.ceil((word.bbox.x1 - word.bbox.x0) / scale),
                height: Math.ceil((word.bbox.y1 - word.bbox.y0) / scale),
              },
            })),
        ),
      ),
    );
    return { lines: lines.filter((line) => line.length > 0) };
  } finally {
    await worker.terminate();
  }
}
