import { createHash } from 'node:crypto';
import { Problem } from '../http/problem.js';
import { safeFileName } from './file-name.js';
import { SCREENSHOT_TYPES, type ScreenshotType, sniffScreenshotType } from './media-type.js';
import type { ReceivedFile } from './multipart-form.js';

export interface Screenshot {
  readonly fileName: string;
  readonly mediaType: ScreenshotType;
  readonly bytes: Buffer;
  readonly sha256: string;
}

/**
 * Checks every received file before anything is stored: each must be a PNG, JPEG or WebP image
 * by its bytes. The type and the name kept are ours, derived from the bytes; the client's are
 * only a hint for the name's stem, and not even that for an anonymous report: a name such as
 * « Capture d’écran 2026-11-02 à 10.15.23 » or « jdupont_IMG » can point to the sender, so it
 * becomes « capture-1.png », « capture-2.jpg »…
 */
export function acceptScreenshots(files: readonly ReceivedFile[], anonymous: boolean): Screenshot[] {
  return files.map((file, index) => {
    const mediaType = sniffScreenshotType(file.bytes);
    if (mediaType === undefined) {
      throw new Problem(
        415,
        'type_de_fichier_refuse',
        `La capture n° ${index + 1} n’est pas une image PNG, JPEG ou WebP.`,
      );
    }
    return {
      fileName: anonymous
        ? `capture-${index + 1}.${SCREENSHOT_TYPES[mediaType]}`
        : safeFileName(file.declaredName, index + 1, mediaType),
      mediaType,
      bytes: file.bytes,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
  });
}
