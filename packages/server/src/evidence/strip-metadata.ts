import sharp from 'sharp';
import { Problem } from '../http/problem.js';
import { sha256Hex } from './evidence-chain.js';

/** The image types that are re-encoded before they are stored. */
const FORMATS = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' } as const;
export type StrippableType = keyof typeof FORMATS;

export function isStrippable(mediaType: string): mediaType is StrippableType {
  return Object.hasOwn(FORMATS, mediaType);
}

/**
 * A screenshot of 8,000 × 8,000 pixels is already far beyond any phone; a larger claim is a
 * decompression bomb (a few kilobytes of PNG announcing gigapixels), refused before decoding.
 */
const MAX_PIXELS = 64_000_000;

export interface StrippedImage {
  readonly bytes: Buffer;
  readonly sha256: string;
  /** The SHA-256 of the bytes as received, kept in the evidence: it is what the sender had. */
  readonly originalSha256: string;
}

/**
 * Re-encodes an image in its own format without any metadata: EXIF (author, device, GPS, date),
 * XMP, IPTC and ICC comments go; what a phone's EXIF orientation says is applied to the pixels
 * first (rotate()), so the picture looks the same once the tag is gone. An anonymous sender's
 * phone model or name must never reach the desk, and no sender's position either. Undecodable
 * bytes behind a valid signature are refused rather than stored unchecked.
 */
export async function stripImageMetadata(bytes: Buffer, mediaType: StrippableType): Promise<StrippedImage> {
  let stripped: Buffer;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    stripped = await image.toFormat(FORMATS[mediaType], FORMAT_OPTIONS[mediaType]).toBuffer();
  } catch {
    throw new Problem(
      422,
      'image_illisible',
      'L’image envoyée est illisible ou trop grande (64 millions de pixels au plus).',
    );
  }
  return { bytes: stripped, sha256: sha256Hex(stripped), originalSha256: sha256Hex(bytes) };
}

/** High enough that text in a screenshot stays legible; a screenshot is evidence, not a thumbnail. */
const FORMAT_OPTIONS = {
  'image/png': { compressionLevel: 9 },
  'image/jpeg': { quality: 92, mozjpeg: true },
  'image/webp': { quality: 92 },
} as const;
