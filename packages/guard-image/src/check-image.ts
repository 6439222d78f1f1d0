import type { GuardContext } from '@blouse/guard';
import { findFaces } from './faces/find-faces.js';
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
 * Everything the image guard reads in a picture: its metadata, the faces in it, and the text in
 * its background (read by the text guard in the poster's context).
 */
export async function checkImage(bytes: Uint8Array, context: GuardContext = 'staff'): Promise<ImageCheck> {
  const metadata = await readImageMetadata(bytes);
  const background = backgroundTextFindings(await readBackgroundText(bytes), context);
  const faces = await findFaces(bytes);
  const findings = [...metadataFindings(metadata), ...faces.map(faceFinding), ...background.findings];
  return {
    metadata,
    backgroundText: background.text,
    findings,
    // Faces are blurred too: a consenting colleague's is the user's call, who keeps the original.
    regions: [...faces.map((face) => widen(face, 0.2)), ...background.regions],
    verdict: findings.some((f) => f.severity === 'block') ? 'block' : findings.length > 0 ? 'warn' : 'ok',
  };
}

/** The safe copy of a checked picture: no metadata, its sensitive regions pixelated. */
export function safeCopyOf(bytes: Uint8Array, check: ImageCheck) {
  return safeCopy(bytes, check.regions);
}

/** A face: someone recognisable, patient or colleague, whose written agreement the post needs. */
function faceFinding(region: Region): ImageFinding {
  return {
    rule: 'IMAGE-03',
    severity: 'warn',
    explanation: {
      fr: 'Un visage est reconnaissable : sans l’accord écrit de la personne (patient, proche ou collègue), ne le publiez pas. La copie sûre le floute.',
      en: 'A face can be recognised: without the written agreement of the person (patient, relative or colleague), do not post it. The safe copy blurs it.',
    },
    evidence: { kind: 'region', region, detail: 'visage' },
  };
}

/** A face box widened on every side: the detector's box stops at the brow and the chin. */
function widen(region: Region, share: number): Region {
  const dx = Math.round(region.width * share);
  const dy = Math.round(region.height * share);
  return { x: region.x - dx, y: region.y - dy, width: region.width + 2 * dx, height: region.height + 2 * dy };
}
