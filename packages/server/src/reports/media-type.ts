/** The image types a screenshot may have, with the extension the stored name gets. */
export const SCREENSHOT_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const;
export type ScreenshotType = keyof typeof SCREENSHOT_TYPES;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file read from its first bytes (magic numbers), never from what the client
 * declares or from the name's extension: an HTML page renamed « photo.png » is not an image.
 * Undefined for anything else (SVG included: it is a document that can carry scripts).
 */
export function sniffScreenshotType(bytes: Uint8Array): ScreenshotType | undefined {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}
