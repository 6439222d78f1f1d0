/**
 * The media type of a file, from its first bytes: the type a client announces is never trusted
 * (a page saved as « capture.png » must not be served as an image, nor an HTML page as text).
 */
export function detectMediaType(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  const text = utf8(bytes);
  if (text === undefined) return 'application/octet-stream';
  if (looksLikeHtml(text)) return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** The first tag of a saved page, once the BOM, blanks and leading comments are skipped. */
const HTML_TAG = /^<(!doctype\s+html|html|head|body)[\s>]/i;

/**
 * A saved web page: optional BOM and blanks, any number of comments, then a doctype or one of
 * the first tags of a page. No regular expression repeats over the comments: one with a group
 * repeated around a lazy match backtracks exponentially on « <!----> » × n with no tag after
 * (a few dozen froze the server). Each comment is skipped with indexOf, so the whole scan is
 * linear in the text's length, and only one anchored test runs on at most 1,024 characters.
 */
export function looksLikeHtml(text: string): boolean {
  let at = skipBlanks(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  while (text.startsWith('<!--', at)) {
    const end = text.indexOf('-->', at + 4);
    if (end === -1) return false;
    at = skipBlanks(text, end + 3);
  }
  return HTML_TAG.test(text.slice(at, at + 1024));
}

/** The position of the first character at or after `at` that is not white space. */
function skipBlanks(text: string, at: number): number {
  let position = at;
  while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
  return position;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return bytes.length < end ? '' : String.fromCharCode(...bytes.subarray(start, end));
}

/** The text, if the bytes are valid UTF-8 without NUL (binary formats almost always have one). */
function utf8(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
