import { describe, expect, it } from 'vitest';
import { canonicalUrl, dedupeKey } from './dedupe-key.js';

describe('canonicalUrl', () => {
  it('lower-cases the host, drops the fragment, tracking parameters and trailing slash', () => {
    expect(canonicalUrl('https://WWW.Exemple.FR/Article/42/?utm_source=x&utm_medium=y&fbclid=abc#haut')).toBe(
      'https://www.exemple.fr/Article/42',
    );
  });

  it('keeps the parameters that identify the page, in a stable order', () => {
    expect(canonicalUrl('https://forum.fr/t?b=2&a=1&utm_campaign=z')).toBe('https://forum.fr/t?a=1&b=2');
    expect(canonicalUrl('https://forum.fr/t?a=1&b=2')).toBe(canonicalUrl('https://forum.fr/t/?b=2&a=1'));
  });

  it('refuses what is not an http address', () => {
    expect(canonicalUrl('at://did:plc:abc/app.bsky.feed.post/1')).toBeNull();
    expect(canonicalUrl('pas une adresse')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('dedupeKey', () => {
  it('is the canonical address when there is one', () => {
    const a = dedupeKey({ url: 'https://mastodon.social/@a/1?utm_source=rss', authorHandle: 'a', text: 'x' });
    const b = dedupeKey({ url: 'https://Mastodon.social/@a/1/', authorHandle: 'b', text: 'autre' });
    expect(a).toBe('u:https://mastodon.social/@a/1');
    expect(b).toBe(a);
  });

  it('is a digest of the folded author and text otherwise', () => {
    const a = dedupeKey({ url: null, authorHandle: '@Jean', text: 'Les URGENCES  du CHU, quelle attente !' });
    const b = dedupeKey({ url: null, authorHandle: '@jean', text: 'les urgences du chu, quelle attente !' });
    const c = dedupeKey({ url: null, authorHandle: '@paul', text: 'les urgences du chu, quelle attente !' });
    expect(a).toMatch(/^h:[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // An address that is not http(s) counts as none.
    expect(
      dedupeKey({
        url: 'at://did:plc:x/p/1',
        authorHandle: '@jean',
        text: 'Les urgences du CHU, quelle attente !',
      }),
    ).toBe(a);
  });
});
