import { TextDecoder } from 'node:util';
import { decodeWindows1252, WINDOWS_1252_LABELS } from '../windows-1252.js';
import { FeedError } from './feed-error.js';

/*
 * French sites still serve feeds in ISO-8859-1 or Windows-1252. The encoding is taken, in the
 * order XML on the Web prescribes (RFC 7303): a byte order mark, the charset of the
 * Content-Type, the XML declaration, and UTF-8 when nothing says otherwise. Bytes that do not
 * fit the encoding become U+FFFD rather than failing the whole feed.
 */
export function decodeFeedBytes(body: Buffer, contentType: string | null): string {
  const label = byteOrderMark(body) ?? charsetOf(contentType) ?? declaredEncoding(body) ?? 'utf-8';
  if (WINDOWS_1252_LABELS.has(label.trim().toLowerCase())) return decodeWindows1252(body);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new FeedError('encodage', `Le flux annonce un encodage inconnu (${label.slice(0, 40)}).`, {
      retryable: false,
    });
  }
  return decoder.decode(body);
}

function byteOrderMark(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

function charsetOf(contentType: string | null): string | null {
  const match = contentType === null ? null : /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1] ?? null;
}

function declaredEncoding(body: Buffer): string | null {
  const head = body.subarray(0, 512).toString('latin1');
  return /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? null;
}
