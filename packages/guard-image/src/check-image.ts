import { availableParallelism } from 'node:os';
import type { GuardContext } from '@blouse/guard';
import { findFaces } from './faces/find-faces.js';
import { type SafeCopy, safeCopy } from './fix/safe-copy.js';
import type { ImageFinding, Region } from './image-finding.js';
import { metadataFindings } from './metadata/metadata-findings.js';
import { type ImageMetadata, readImageMetadata } from './metadata/read-metadata.js';
import { type OcrWord, readBackgroundText } from './ocr/read-text.js';
import { backgroundTextFindings } from './ocr/text-findings.js';
import { coveredShare } from './regions.js';
import { type DecodedPicture, decodePicture } from './upright-picture.js';

export interface ImageCheck {
  readonly metadata: ImageMetadata;
  /** What the guard read in the picture's background, as one text (empty when nothing). */
  readonly backgroundText: string;
  readonly findings: ImageFinding[];
  /** What the safe copy hides. */
  readonly regions: Region[];
  readonly verdict: 'ok' | 'warn' | 'block';
}

export interface CheckOptions {
  /** How long the text in the background may take to read, in milliseconds (ten seconds). */
  readonly readingBudgetMs?: number;
}

/**
 * Everything the image guard reads in a picture: its metadata, the faces in it, and the text in
 * its background (read by the text guard in the poster's context).
 */
export async function checkImage(
  bytes: Uint8Array,
  context: GuardContext = 'staff',
  options: CheckOptions = {},
): Promise<ImageCheck> {
  const metadata = await readImageMetadata(bytes);
  return checkDecoded(metadata, await decodePicture(bytes), context, options);
}

/**
 * The check and the safe copy of one picture, decoded once for both: what the verifier's « copie
 * sûre », the publishing desk and `blouse check --fix` need.
 */
export async function checkAndCopyImage(
  bytes: Uint8Array,
  context: GuardContext = 'staff',
  options: CheckOptions = {},
): Promise<{ check: ImageCheck; copy: SafeCopy }> {
  const metadata = await readImageMetadata(bytes);
  const picture = await decodePicture(bytes);
  const check = await checkDecoded(metadata, picture, context, options);
  return { check, copy: await safeCopy(picture, check.regions) };
}

async function checkDecoded(
  metadata: ImageMetadata,
  picture: DecodedPicture,
  context: GuardContext,
  options: CheckOptions,
): Promise<ImageCheck> {
  // The reader runs in its own thread and the face detector in this one: with two cores they
  // run side by side (1.3 s against 1.7 s per 12-megapixel photo); on one, taking turns on the
  // core cost 0.2 s more than one after the other.
  const readText = () => readBackgroundText(picture, { budgetMs: options.readingBudgetMs });
  const [reading, found] =
    availableParallelism() > 1
      ? await Promise.all([readText(), findFaces(picture)])
      : [await readText(), await findFaces(picture)];
  const background = backgroundTextFindings(reading, context);
  const faces = notLetters(found, reading.lines.flat());
  const findings = [
    ...metadataFindings(metadata),
    ...faces.map(faceFinding),
    ...background.findings,
    ...(reading.complete ? [] : [unreadBackground(picture)]),
  ];
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

/**
 * Letters on a board (« re 2 ») sometimes look like a face to the detector: a box mostly
 * covered by words the reader read with confidence is those words, not a face. A face behind a
 * name tag keeps most of its box clear of it.
 */
function notLetters(faces: readonly Region[], words: readonly OcrWord[]): Region[] {
  return faces.filter(
    (face) =>
      coveredShare(
        face,
        words.map((word) => word.region),
      ) < LETTERS_SHARE,
  );
}
const LETTERS_SHARE = 0.5;

/**
 * The reading of the background was stopped before its end: the guard cannot vouch for what it
 * did not read, and says so rather than pass the photo as clean.
 */
function unreadBackground(picture: DecodedPicture): ImageFinding {
  return {
    rule: 'IMAGE-02',
    severity: 'warn',
    explanation: {
      fr: 'Le texte de l’arrière-plan n’a pas pu être lu en entier (photo trop chargée pour la lecture automatique) : relisez vous-même les tableaux, écrans, étiquettes et bracelets avant de publier.',
      en: 'The text in the background could not be read in full (the photo is too busy for automatic reading): check the boards, screens, labels and wristbands yourself before posting.',
    },
    evidence: {
      kind: 'region',
      region: { x: 0, y: 0, width: picture.width, height: picture.height },
      detail: 'arrière-plan non lu en entier',
    },
  };
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
