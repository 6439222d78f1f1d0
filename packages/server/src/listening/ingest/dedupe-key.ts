import { createHash } from 'node:crypto';
import { foldForSearch } from '../../incidents/search-fold.js';
import type { IncomingPost } from '../incoming-post.js';

/** Query parameters that say where a click came from, not what the page is. */
const TRACKING = /^(utm_.*|fbclid|gclid|igshid|mc_cid|mc_eid)$/i;

/**
 * A post's public address reduced to what identifies it: the same post shared with a tracking
 * suffix, a fragment, an upper-case host or a trailing slash is still the same post. Null for
 * what is not an http(s) address.
 */
export function canonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()])
    if (TRACKING.test(name)) parsed.searchParams.delete(name);
  // URL lower-cases the host itself; sorting the parameters makes their order irrelevant.
  parsed.searchParams.sort();
  const query = parsed.searchParams.toString();
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${parsed.host}${path}${query === '' ? '' : `?${query}`}`;
}

/**
 * The key that makes a post heard once whatever the sources it came through: its canonical
 * address, or, without one, a digest of its author and text folded (a post without address seen
 * in two exports). The digest keeps the key short and says nothing of the text.
 */
export function dedupeKey(post: Pick<IncomingPost, 'url' | 'authorHandle' | 'text'>): string {
  const canonical = post.url === null ? null : canonicalUrl(post.url);
  if (canonical !== null) return `u:${canonical}`;
  const digest = createHash('sha256')
    .update(foldForSearch(post.authorHandle ?? ''))
    .update('\u0000')
    .update(foldForSearch(post.text))
    .digest('hex');
  return `h:${digest}`;
}
