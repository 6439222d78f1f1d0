import { createHash } from 'node:crypto';
import { Problem } from '../http/problem.js';
import { safeFileName } from './file-name.js';
import { type ScreenshotType, sniffScreenshotType } from './media-type.js';
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
 * only a hint for the name's stem.
 */
export function acceptScreenshots(files: readonly ReceivedFile[]): Screenshot[] {
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
      fileName: safeFileName(file.declaredName, index + 1, mediaType),
      mediaType,
      bytes: file.bytes,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
  });
}
