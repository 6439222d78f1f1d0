import { toSafeLine } from '../../http/safe-text.js';

/**
 * Cleaning shared by the sources that read what others wrote (feeds, imported exports): the
 * text is somebody else's, so it is cleaned rather than refused, but nothing that would break a
 * database (NUL, which PostgreSQL refuses) or the web page (a `javascript:` link) gets through.
 */

/** Longest address kept: longer ones are not real post addresses. */
export const MAX_POST_URL_LENGTH = 2000;
/** Longest author handle kept (a name, a handle, a publication). */
export const MAX_AUTHOR_LENGTH = 200;

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Post text as stored: no NUL, no lone surrogate (replaced by U+FFFD, as a decoder would), line
 * endings as « \n », trimmed. Direction marks and joiners stay: a post in Arabic needs them.
 */
export function cleanPostText(value: string): string {
  return value.replaceAll('\u0000', '').replace(LONE_SURROGATES, '\uFFFD').replace(/\r\n?/g, '\n').trim();
}

/** A handle or a name on one line, without controls nor invisible direction changes; null when empty. */
export function cleanAuthor(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const line = toSafeLine(value.replace(/\s+/g, ' ')).trim();
  if (line === '') return null;
  return line.length > MAX_AUTHOR_LENGTH ? `${line.slice(0, MAX_AUTHOR_LENGTH - 1)}…` : line;
}

/**
 * The address a post may be opened at: http or https, a host, no credentials, no spaces nor
 * controls, bounded. Anything else (a `javascript:` or `data:` link in a hostile feed) is null,
 * so the web app never renders it as a link.
 */
export function toPostUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_POST_URL_LENGTH || /[\s\p{Cc}]/u.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (!web || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** Cuts a text to `max` characters (a code point is never split), ending with « … ». */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const unit = value.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end -= 1;
  return `${value.slice(0, end).trimEnd()}…`;
}
