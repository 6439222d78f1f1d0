import { describe, expect, it } from 'vitest';
import { EMPTY_SOURCE, settingsOf } from './source-settings';

describe('a source’s settings from the form', () => {
  it('sends an RSS feed’s address (trimmed) and who publishes it, nothing else', () => {
    expect(settingsOf({ ...EMPTY_SOURCE, url: ' https://presse.example/rss ', instance: 'ignored' })).toEqual(
      {
        url: 'https://presse.example/rss',
        authorKind: 'press',
      },
    );
  });

  it('turns Mastodon hashtags into a list without #, blanks or doubles', () => {
    expect(
      settingsOf({
        ...EMPTY_SOURCE,
        kind: 'mastodon',
        instance: 'https://piaille.fr',
        hashtags: '#Urgences, valmont ,, urgences #CHU',
      }),
    ).toEqual({ instance: 'https://piaille.fr', hashtags: ['urgences', 'valmont', 'chu'] });
  });

  it('always sends the Bluesky service (the server has no default and explains an empty one)', () => {
    expect(settingsOf({ ...EMPTY_SOURCE, kind: 'bluesky' })).toEqual({ service: '' });
    expect(settingsOf({ ...EMPTY_SOURCE, kind: 'bluesky', service: ' wss://bsky.network ' })).toEqual({
      service: 'wss://bsky.network',
    });
  });
});
