import {
  firstCodePoints,
  lastCodePoints,
  lastSegment,
  MAX_RAW_NAME,
  wellFormed,
} from '../evidence/file-name.js';
import { SCREENSHOT_TYPES, type ScreenshotType } from './media-type.js';

export const MAX_FILE_NAME_LENGTH = 100;

/**
 * A name safe to store and to hand back in a Content-Disposition header, from whatever the
 * client sent: the last path segment only (« ../../etc/passwd.png », « C:\x\y.png »), without
 * control or format characters (NUL, bidirectional overrides that disguise « gnp.exe » as
 * « exe.png », zero-width characters), without characters Windows refuses, no leading dot, at
 * most 100 characters, and always ending with the extension of the type read from the bytes.
 * Falls back to « capture-N.ext » when nothing usable is left.
 */
export function safeFileName(declared: string | undefined, position: number, type: ScreenshotType): string {
  const extension = SCREENSHOT_TYPES[type];
  const fallback = `capture-${position}.${extension}`;
  // Bounded first: every step below then works on at most 1,000 code points, whatever was sent.
  const raw = lastCodePoints(lastSegment(declared ?? ''), MAX_RAW_NAME);
  const base = trimStart(
    wellFormed(raw.normalize('NFC'))
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
      .replace(/[<>:"|?*;]/g, '_')
      .replace(/\s+/g, ' '),
  );
  const dot = base.lastIndexOf('.');
  const stem = trimEnd(dot > 0 ? base.slice(0, dot) : base);
  if (stem === '') return fallback;
  // Cut by code points, so that no surrogate pair is split in half.
  const kept = trimEnd(firstCodePoints(stem, MAX_FILE_NAME_LENGTH - extension.length - 1));
  return kept === '' ? fallback : `${kept}.${extension}`;
}

/** Dots and blanks a name must not start or end with, removed without a regular expression. */
const isDotOrBlank = (char: string): boolean => char === '.' || char.trim() === '';

function trimStart(text: string): string {
  let start = 0;
  while (start < text.length && isDotOrBlank(text.charAt(start))) start += 1;
  return text.slice(start);
}

/**
 * A loop, not `replace(/[.\s]+$/, '')`: that pattern retries from every dot of a long run not at
 * the end, which is quadratic (« a » + 60,000 dots + « b.png » took seconds).
 */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isDotOrBlank(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/**
 * The Content-Disposition of a download: an ASCII fallback for old clients and the exact name
 * percent-encoded (RFC 6266 / RFC 8187), so that no quote or line break can reach the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
