import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from './decode-feed.js';
import { FeedError } from './feed-error.js';

const latin = (text: string) => Buffer.from(text, 'latin1');

describe('decodeFeedBytes', () => {
  it('reads « ISO-8859-1 » as the Web does, Windows-1252: the apostrophe, the euro and œ survive', () => {
    const body = Buffer.concat([
      latin('<?xml version="1.0" encoding="ISO-8859-1"?><t>l'),
      Buffer.from([0x92, 0x80, 0x9c, 0xe9]),
      latin('</t>'),
    ]);
    expect(decodeFeedBytes(body, 'text/xml')).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>l’€œé</t>');
  });

  it('prefers the byte order mark, then the Content-Type charset, then the declaration', () => {
    const utf8 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>é</t>');
    expect(
      decodeFeedBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'text/xml; charset=iso-8859-1'),
    ).toContain('<t>é</t>');
    expect(decodeFeedBytes(utf8, 'application/rss+xml; charset="UTF-8"')).toContain('<t>é</t>');
    expect(decodeFeedBytes(utf8, null)).toContain('<t>Ã©</t>');
    expect(decodeFeedBytes(Buffer.from('<t>é</t>'), null)).toBe('<t>é</t>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>é</t>', 'utf16le')]);
    expect(decodeFeedBytes(utf16, 'text/xml')).toBe('<t>é</t>');
  });

  it('refuses an encoding nobody knows', () => {
    expect(() => decodeFeedBytes(Buffer.from('<t/>'), 'text/xml; charset=klingon')).toThrow(FeedError);
    expect(() => decodeFeedBytes(Buffer.from('<t/>'), 'text/xml; charset=klingon')).toThrow(
      'Le flux annonce un encodage inconnu (klingon).',
    );
  });
});
