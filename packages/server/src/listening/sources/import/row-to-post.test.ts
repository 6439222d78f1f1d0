import { describe, expect, it } from 'vitest';
import type { ImportField } from './columns.js';
import { type CellValue, readReach, rowToPost } from './row-to-post.js';

const context = {
  dates: { timeZone: 'Europe/Paris', now: new Date('2026-12-05T12:00:00Z') },
  maxTextLength: 100,
};
const row = (cells: Partial<Record<ImportField, CellValue>>) => rowToPost((field) => cells[field], context);

describe('readReach', () => {
  it('reads follower counts as tools and people write them', () => {
    const cases: [CellValue, number | null][] = [
      ['1284', 1284],
      ['12 345', 12345],
      ['12\u202F345', 12345],
      ['12.345', 12345],
      ['1,234,567', 1234567],
      ['12,3k', 12300],
      ['12.3K', 12300],
      ['1.2M', 1_200_000],
      ['3 Md', 3_000_000_000],
      [58000, 58000],
      [87.6, 88],
      ['', null],
      ['N/A', null],
      ['-', null],
      [null, null],
      [undefined, null],
    ];
    for (const [value, expected] of cases) expect([value, readReach(value)]).toEqual([value, expected]);
  });

  it('refuses what is not a count', () => {
    for (const value of ['abc', '-5', '12,34', '1e9', '99999999999', -1, Number.NaN, true]) {
      expect([value, readReach(value)]).toEqual([value, 'invalid']);
    }
  });
});

describe('rowToPost', () => {
  it('lists every problem of a row at once', () => {
    expect(row({ text: '', date: '31/02/2026', url: 'ftp://x', reach: 'beaucoup' })).toEqual({
      problems: [
        'le texte est vide',
        'la date « 31/02/2026 » n’existe pas',
        'le lien « ftp://x » n’est pas une adresse http(s) valide',
        'le nombre d’abonnés « beaucoup » n’est pas un nombre',
      ],
    });
  });

  it('puts a title before the text, once, and keeps the author on one line', () => {
    const reading = row({
      title: 'Titre',
      text: 'Corps',
      date: '2026-12-05T10:00:00Z',
      author: '  Claire\n Vasseur ',
    });
    expect(reading).toMatchObject({ post: { text: 'Titre\n\nCorps', authorHandle: 'Claire Vasseur' } });
    expect(row({ title: 'Titre', text: 'Titre et suite', date: '2026-12-05T10:00:00Z' })).toMatchObject({
      post: { text: 'Titre et suite' },
    });
    expect(row({ title: 'Seul', date: '2026-12-05T10:00:00Z' })).toMatchObject({ post: { text: 'Seul' } });
  });

  it('marks the press from the network column, whatever its spelling', () => {
    for (const network of ['Presse', 'PRESSE EN LIGNE', 'News', 'online_news', 'Actualités']) {
      expect(row({ text: 'x', date: '2026-12-05T10:00:00Z', network })).toMatchObject({
        post: { authorKind: 'press' },
      });
    }
    expect(row({ text: 'x', date: '2026-12-05T10:00:00Z', network: 'Twitter' })).toMatchObject({
      post: { authorKind: null },
    });
  });

  it('hashes author, text and date when there is no link: same row, same id; another date, another id', () => {
    const id = (date: string) => {
      const reading = row({ text: 'Même texte', author: '@a', date });
      return 'post' in reading ? reading.post.externalId : null;
    };
    expect(id('2026-12-05T10:00:00Z')).toBe(id('05/12/2026 11:00'));
    expect(id('2026-12-05T10:00:00Z')).not.toBe(id('2026-12-05T10:01:00Z'));
  });
});
