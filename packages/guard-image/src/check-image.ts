import type { GuardContext } from '@blouse/guard';
import { safeCopy } from './fix/safe-copy.js';
import type { ImageFinding, Region } from './image-finding.js';
import { metadataFindings } from './metadata/metadata-findings.js';
import { type ImageMetadata, readImageMetadata } from './metadata/read-metadata.js';
import { readBackgroundText } from './ocr/read-text.js';
import { backgroundTextFindings } from './ocr/text-findings.js';

export interface ImageCheck {
  readonly metadata: ImageMetadata;
  /** What the guard read in the picture's background, as one text (empty when nothing). */
  readonly backgroundText: string;
  readonly findings: ImageFinding[];
  /** What the safe copy hides. */
  readonly regions: Region[];
  readonly verdict: 'ok' | 'warn' | 'block';
}

/**
 * Everything the image guard reads in a picture, for now: its metadata and the text in its
 * background (read by the text guard in the poster's context). Faces come next.
 */
export async function checkImage(bytes: Uint8Array, context: GuardContext = 'staff'): Promise<ImageCheck> {
  const metadata = await readImageMetadata(bytes);
  const background = backgroundTextFindings(await readBackgroundText(bytes), context);
  const findings = [...metadataFindings(metadata), ...background.findings];
  return {
    metadata,
    backgroundText: background.text,
    findings,
    regions: background.regions,
    verdict: findings.some((f) => f.severity === 'block') ? 'block' : findings.length > 0 ? 'warn' : 'ok',
  };
}

/** The safe copy of a checked picture: no metadata, its sensitive regions pixelated. */
export function safeCopyOf(bytes: Uint8Array, check: ImageCheck) {
  return safeCopy(bytes, check.regions);
}
