import { describe, expect, it } from 'vitest';
import { asMastoHandsOver, recordedStatusList } from './fake-mastodon.js';
import { statusesToPosts as mapStatuses, type StatusMapping } from './status-to-post.js';

const mapping: StatusMapping = {
  instanceHost: 'social.exemple.fr',
  pressHandles: new Set(['redaction@presse.exemple.org']),
  officialHandles: new Set(['usagers_sante@social.exemple.fr']),
};
const recorded = recordedStatusList();
const status = (suffix: string) => {
  const found = recorded.find((candidate) => candidate.id.endsWith(suffix));
  if (found === undefined) throw new Error(suffix);
  return structuredClone(found);
};

/** The recordings are Mastodon's JSON; the mapping receives what masto.js makes of it. */
const statusesToPosts = (statuses: unknown[], mappingUsed: StatusMapping) =>
  mapStatuses(statuses.map(asMastoHandsOver), mappingUsed);

describe('statusesToPosts', () => {
  it('takes a reblog as the status it shares, once, by its uri', () => {
    const reblog = status('07');
    const original = status('02');
    const { posts, ids } = statusesToPosts([reblog, original], mapping);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.externalId).toBe(original.uri);
    expect(posts[0]?.url).toBe(original.url);
    // The sharer is not the author: the words and the reach are the original's.
    expect(posts[0]?.authorHandle).toBe('redaction@presse.exemple.org');
    expect(posts[0]?.authorKind).toBe('press');
    // Both ids move the cursor.
    expect(ids).toEqual([reblog.id, original.id]);
  });

  it('keeps public and unlisted statuses, never followers-only or direct ones', () => {
    const direct = {
      ...status('08'),
      id: '115648400000000009',
      uri: 'https://social.exemple.fr/x/9',
      visibility: 'direct',
    };
    const { posts, ids } = statusesToPosts([status('05'), status('06'), direct], mapping);
    expect(posts.map((post) => post.externalId)).toEqual([status('05').uri]);
    expect(ids).toHaveLength(3);
  });

  it('gives local accounts the instance domain and marks official handles', () => {
    const { posts } = statusesToPosts([status('04')], mapping);
    expect(posts[0]?.authorHandle).toBe('usagers_sante@social.exemple.fr');
    expect(posts[0]?.authorKind).toBe('official');
    expect(posts[0]?.text).toBe(
      "@jb_lyon écrivez à la commission des usagers de l'établissement, c'est son rôle. #hopital",
    );
  });

  it('puts the content warning before the text', () => {
    const { posts } = statusesToPosts([status('03')], mapping);
    expect(posts[0]?.text.startsWith('Urgences, attente, colère\n\nCinq heures sur un brancard')).toBe(true);
    const warningOnly = { ...status('03'), content: '' };
    expect(statusesToPosts([warningOnly], mapping).posts[0]?.text).toBe('Urgences, attente, colère');
  });

  it('passes on no link a browser could run, nor a NUL a database would refuse', () => {
    const hostile = { ...status('01'), url: 'javascript:alert(1)', content: '<p>texte\u0000 caché</p>' };
    const [post] = statusesToPosts([hostile], mapping).posts;
    expect(post?.url).toBeNull();
    expect(post?.text).toBe('texte caché');
  });

  it('does not invent a reach from a hidden count', () => {
    const hidden = status('01');
    hidden.account.followers_count = -1;
    expect(statusesToPosts([hidden], mapping).posts[0]?.reach).toBeNull();
  });

  it('skips a status without the documented shape but still moves past its id', () => {
    const broken = { ...status('01'), uri: undefined, created_at: 'hier' };
    const { posts, ids, skipped } = statusesToPosts([broken, 'texte', null, status('08')], mapping);
    expect(posts.map((post) => post.externalId)).toEqual([status('08').uri]);
    expect(ids).toEqual([status('01').id, status('08').id]);
    expect(skipped).toBe(3);
  });
});
