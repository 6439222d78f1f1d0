/** Longest file name kept, in characters (code points). */
export const MAX_FILE_NAME = 200;

/** At most this many code points of a client's raw name are looked at, whatever its length. */
export const MAX_RAW_NAME = 1_000;

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate removed: a database would store it as U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATES, '');
}

/**
 * The last `count` code points of a text, without ever splitting a surrogate pair. Only the tail
 * is spread into code points, so a name of megabytes costs no more than one of a thousand
 * characters in every later step.
 */
export function lastCodePoints(text: string, count: number): string {
  // Each code point takes at most two UTF-16 units: 2 × count units always hold `count` of them,
  // and a low surrogate cut from its pair at the tail's start is a code point of its own, dropped.
  const tail = text.length > 2 * count ? text.slice(-2 * count - 1) : text;
  const points = [...tail];
  return points.length > count ? points.slice(-count).join('') : tail;
}

/** The first `count` code points of a text: a surrogate pair is kept whole or left out. */
export function firstCodePoints(text: string, count: number): string {
  const head = text.length > 2 * count ? text.slice(0, 2 * count) : text;
  const points = [...head];
  return points.length > count ? points.slice(0, count).join('') : head;
}

/** The name without its folders: what follows the last slash or backslash. */
export function lastSegment(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

/**
 * The name a client gave a file, kept for people (it often says what the capture is) but never
 * used as a path: folders are dropped, control and bidirectional-override characters removed.
 * The raw name is bounded before any other step, and the result is cut by code points and well
 * formed: it is stored exactly as the evidence chain hashed it, on either database.
 */
export function cleanFileName(given: string | undefined, fallback: string): string {
  const base = lastCodePoints(lastSegment(given ?? ''), MAX_RAW_NAME);
  const cleaned = firstCodePoints(
    wellFormed(base.normalize('NFC'))
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .trim(),
    MAX_FILE_NAME,
  ).trim();
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
  return `attachment; ${dispositionNames(fileName)}`;
}

/** The same for an image shown in the page; « Enregistrer sous » still offers its name. */
export function inlineDisposition(fileName: string): string {
  return `inline; ${dispositionNames(fileName)}`;
}

function dispositionNames(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
