import { describe, expect, it } from 'vitest';
import { activeFilterCount, addressOf, DEFAULT_PERIOD, filtersFrom, periodRange } from './listening-filters';

describe('the mentions filters and the address', () => {
  it('reads every filter from a shared address and writes the same address back', () => {
    const address = 'q=urgences&source=rss&categorie=complaint&terme=CHU+de+Valmont&verdict=warn&periode=24h';
    const filters = filtersFrom(new URLSearchParams(address));
    expect(filters).toEqual({
      q: 'urgences',
      source: 'rss',
      category: 'complaint',
      term: 'CHU de Valmont',
      verdict: 'warn',
      period: '24h',
    });
    expect(addressOf(filters).toString()).toBe(address);
    expect(activeFilterCount(filters)).toBe(5);
  });

  it('leaves the defaults out of the address, so the plain stream is /veille', () => {
    const filters = filtersFrom(new URLSearchParams(''));
    expect(filters.period).toBe(DEFAULT_PERIOD);
    expect(addressOf(filters).toString()).toBe('');
    expect(activeFilterCount(filters)).toBe(0);
  });

  it('drops what the server would refuse instead of sending it', () => {
    const filters = filtersFrom(
      new URLSearchParams('source=myspace&categorie=constructor&verdict=maybe&periode=1y&q=%20%20'),
    );
    expect(filters).toEqual({
      q: '',
      source: '',
      category: '',
      term: '',
      verdict: '',
      period: DEFAULT_PERIOD,
    });
  });

  it('caps free text at the server’s 200 characters', () => {
    const filters = filtersFrom(new URLSearchParams({ q: 'é'.repeat(500), terme: 'x'.repeat(300) }));
    expect(filters.q).toHaveLength(200);
    expect(filters.term).toHaveLength(200);
  });
});

describe('a period as the server’s from and to', () => {
  const now = new Date('2026-12-05T21:37:12.345Z');

  it('covers whole hours up to the end of the current one', () => {
    expect(periodRange('24h', now)).toEqual({
      from: '2026-12-04T22:00:00.000Z',
      to: '2026-12-05T22:00:00.000Z',
    });
  });

  it('gives the same range all through an hour (stable query keys) and stays within 31 days', () => {
    expect(periodRange('7d', now)).toEqual(periodRange('7d', new Date('2026-12-05T21:00:00.000Z')));
    const month = periodRange('30d', now);
    expect((Date.parse(month.to) - Date.parse(month.from)) / 3_600_000).toBe(30 * 24);
  });
});
