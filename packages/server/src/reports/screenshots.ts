import { createHash } from 'node:crypto';
import { stripImageMetadata } from '../evidence/strip-metadata.js';
import { Problem } from '../http/problem.js';
import { safeFileName } from './file-name.js';
import { SCREENSHOT_TYPES, type ScreenshotType, sniffScreenshotType } from './media-type.js';
import type { ReceivedFile } from './multipart-form.js';

export interface Screenshot {
  readonly fileName: string;
  readonly mediaType: ScreenshotType;
  /** The image re-encoded without its metadata: what is stored. */
  readonly bytes: Buffer;
  readonly sha256: string;
  /** The SHA-256 of the file as received, kept in the evidence. */
  readonly originalSha256: string;
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
      const message = `La capture n° ${index + 1} n’est pas une image PNG, JPEG ou WebP.`;
      throw screenshotProblem(415, 'type_de_fichier_refuse', 'capture_refusee', message);
    }
    return {
      fileName: anonymous
        ? `capture-${index + 1}.${SCREENSHOT_TYPES[mediaType]}`
        : safeFileName(file.declaredName, index + 1, mediaType),
      mediaType,
      bytes: file.bytes,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      originalSha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
  });
}

/**
 * Every screenshot re-encoded without its metadata (EXIF author, phone model, GPS position…),
 * one at a time so that five large images never decode at once. An anonymous report must carry
 * nothing that points to its sender, and a signed one nothing the desk does not need.
 */
export async function stripScreenshots(screenshots: readonly Screenshot[]): Promise<Screenshot[]> {
  const stripped: Screenshot[] = [];
  for (const [index, screenshot] of screenshots.entries()) {
    try {
      const image = await stripImageMetadata(screenshot.bytes, screenshot.mediaType);
      stripped.push({ ...screenshot, bytes: image.bytes, sha256: image.sha256 });
    } catch (error) {
      if (error instanceof Problem && error.code === 'image_illisible') {
        const message = `La capture n° ${index + 1} est illisible ou trop grande.`;
        throw screenshotProblem(422, 'image_illisible', 'image_illisible', message);
      }
      throw error;
    }
  }
  return stripped;
}

/** A refused screenshot, named under the form's file field with a stable code for translation. */
function screenshotProblem(status: number, code: string, fieldCode: string, message: string): Problem {
  const errors = [{ field: 'screenshots', message, code: fieldCode }];
  return new Problem(status, code, message, errors);
}
