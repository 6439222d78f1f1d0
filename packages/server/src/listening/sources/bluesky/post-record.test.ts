import { describe, expect, it } from 'vitest';
import { isRecordKey, type PostCreation, toIncomingPost } from './post-record.js';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

function creation(record: unknown, overrides: Partial<PostCreation> = {}): PostCreation {
  return {
    did: DID,
    rkey: '3l3qo2vutsw2b',
    record,
    eventTime: '2026-12-05T11:59:59.500Z',
    handle: null,
    ...overrides,
  };
}

describe('a post record turned into an incoming post', () => {
  it('keeps the text, the record date, the at:// URI and a bsky.app address by DID', () => {
    const post = toIncomingPost(
      creation({
        $type: 'app.bsky.feed.post',
        text: 'Scandale à l’hôpital de Valmont…',
        createdAt: '2026-12-05T11:58:00Z',
      }),
      NOW,
    );
    expect(post).toEqual({
      source: 'bluesky',
      externalId: `at://${DID}/app.bsky.feed.post/3l3qo2vutsw2b`,
      url: `https://bsky.app/profile/${DID}/post/3l3qo2vutsw2b`,
      authorHandle: DID,
      authorKind: null,
      reach: null,
      text: 'Scandale à l’hôpital de Valmont…',
      publishedAt: '2026-12-05T11:58:00.000Z',
    });
  });

  it('names the author by the handle when it is known', () => {
    const post = toIncomingPost(creation({ text: 'Bonjour' }, { handle: 'patient.bsky.social' }), NOW);
    expect(post?.authorHandle).toBe('patient.bsky.social');
  });

  it('falls back to the event time when createdAt is missing, unreadable, absurd or in the future', () => {
    for (const createdAt of [undefined, 'hier soir', 42, '1970-01-01T00:00:00Z', '2031-01-01T00:00:00Z']) {
      expect(toIncomingPost(creation({ text: 'x', createdAt }), NOW)?.publishedAt).toBe(
        '2026-12-05T11:59:59.500Z',
      );
    }
    // Backdated posts (imported archives) are kept as their author dated them.
    expect(toIncomingPost(creation({ text: 'x', createdAt: '2012-03-04T05:06:07Z' }), NOW)?.publishedAt).toBe(
      '2012-03-04T05:06:07.000Z',
    );
  });

  it('falls back to our clock when the event time is itself unreadable or in the future', () => {
    for (const eventTime of [null, 'n’importe quoi', '2030-01-01T00:00:00Z']) {
      expect(toIncomingPost(creation({ text: 'x' }, { eventTime }), NOW)?.publishedAt).toBe(
        NOW.toISOString(),
      );
    }
  });

  it('refuses what is not a post, and cuts an oversized text to what the lexicon allows', () => {
    expect(toIncomingPost(creation(null), NOW)).toBeNull();
    expect(toIncomingPost(creation('texte'), NOW)).toBeNull();
    expect(toIncomingPost(creation({ createdAt: '2026-12-05T11:58:00Z' }), NOW)).toBeNull();
    expect(toIncomingPost(creation({ text: ['a'] }), NOW)).toBeNull();
    expect(toIncomingPost(creation({ $type: 'app.bsky.feed.like', text: 'x' }), NOW)).toBeNull();
    expect(toIncomingPost(creation({ text: 'é'.repeat(100_000) }), NOW)?.text).toHaveLength(3_000);
  });

  it('accepts only record keys of the atproto syntax', () => {
    expect(isRecordKey('3l3qo2vutsw2b')).toBe(true);
    expect(isRecordKey('self')).toBe(true);
    for (const key of ['', '.', '..', 'a/b', 'a b', '<script>', 'x'.repeat(513)])
      expect(isRecordKey(key)).toBe(false);
  });
});
