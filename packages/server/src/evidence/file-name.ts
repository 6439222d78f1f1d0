/** Longest file name kept, in characters. */
export const MAX_FILE_NAME = 200;

/**
 * The name a client gave a file, kept for people (it often says what the capture is) but never
 * used as a path: folders are dropped, control and bidirectional-override characters removed.
 */
export function cleanFileName(given: string | undefined, fallback: string): string {
  const base = (given ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, MAX_FILE_NAME);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

/**
 * The name of a piece of evidence inside an export: `evidence/007-capture_ecran.png`. Numbered by
 * the chain position (unique), restricted to characters every archive tool and file system
 * accepts, so that unzipping cannot overwrite anything nor create a surprising path.
 */
export function bundlePath(seq: number, fileName: string): string {
  const safe = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return `evidence/${String(seq).padStart(3, '0')}-${safe === '' ? 'fichier' : safe}`;
}

/** A Content-Disposition for a download: ASCII fallback plus the exact name (RFC 6266 / 8187). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
