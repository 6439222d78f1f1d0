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
  const segments = (declared ?? '').normalize('NFC').split(/[/\\]/);
  const base = (segments[segments.length - 1] ?? '')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*;]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/[.\s]+$/, '');
  if (stem === '') return fallback;
  // Truncated by code points, so that no surrogate pair is cut in half.
  const room = MAX_FILE_NAME_LENGTH - extension.length - 1;
  const kept = [...stem]
    .slice(0, room)
    .join('')
    .replace(/[.\s]+$/, '');
  return kept === '' ? fallback : `${kept}.${extension}`;
}

/**
 * The Content-Disposition of a download: an ASCII fallback for old clients and the exact name
 * percent-encoded (RFC 6266 / RFC 8187), so that no quote or line break can reach the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
