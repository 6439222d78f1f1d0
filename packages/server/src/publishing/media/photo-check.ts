import { checkImage, UnreadableImageError } from '@blouse/guard-image';
import { Problem } from '../../http/problem.js';

/**
 * What the publishing gate keeps of the image guard's reading of a photo: how many faces it saw,
 * and the rules the text in its background breaks. Not the words read, nor where: the photo
 * itself is the only place a patient's name may stay, until it is replaced by its safe copy.
 */
export interface PhotoCheck {
  readonly faces: number;
  readonly backgroundRules: string[];
  /** The background text breaks a blocking rule (a patient's name and room, a record number). */
  readonly backgroundBlocks: boolean;
}

/** Reads a photo as the establishment would post it. */
export async function checkPhoto(bytes: Uint8Array): Promise<PhotoCheck> {
  try {
    const check = await checkImage(bytes, 'institutional');
    const background = check.findings.filter(
      (finding) => finding.evidence.kind === 'region' && finding.rule !== 'IMAGE-03',
    );
    return {
      faces: check.findings.filter((finding) => finding.rule === 'IMAGE-03').length,
      backgroundRules: [...new Set(background.map((finding) => finding.rule))].sort(),
      backgroundBlocks: background.some((finding) => finding.severity === 'block'),
    };
  } catch (error) {
    if (error instanceof UnreadableImageError)
      throw new Problem(
        415,
        'media_illisible',
        'Cette photo est illisible : joignez un PNG, un JPEG ou un WebP.',
      );
    throw error;
  }
}

export function parsePhotoCheck(stored: string | null): PhotoCheck | null {
  if (stored === null) return null;
  const value = JSON.parse(stored) as Partial<PhotoCheck>;
  return {
    faces: typeof value.faces === 'number' ? value.faces : 0,
    backgroundRules: Array.isArray(value.backgroundRules) ? value.backgroundRules.map(String) : [],
    backgroundBlocks: value.backgroundBlocks === true,
  };
}
