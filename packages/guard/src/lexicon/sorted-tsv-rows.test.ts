import { describe, expect, it } from 'vitest';
import { SortedTsvRows } from './sorted-tsv-rows.js';

describe('SortedTsvRows', () => {
  const rows = new SortedTsvRows('a\tN\t\nab\tNV\t1r\nb\tA\n');

  it('finds rows by their first column and reads any column', () => {
    expect(rows.size).toBe(3);
    expect(rows.find('ab')).toBe(1);
    expect(rows.field(1, 1)).toBe('NV');
    expect(rows.field(1, 2)).toBe('1r');
    expect(rows.field(0, 2)).toBe('');
    expect(rows.field(2, 2)).toBe('');
  });

  it('tells a missing key, a prefix of a key included', () => {
    expect(rows.find('')).toBe(-1);
    expect(rows.find('abc')).toBe(-1);
    expect(rows.find('aa')).toBe(-1);
    expect(rows.find('c')).toBe(-1);
  });

  it('refuses unsorted or duplicated keys', () => {
    expect(() => new SortedTsvRows('b\tN\na\tN\n')).toThrow(/not sorted/);
    expect(() => new SortedTsvRows('a\tN\na\tV\n')).toThrow(/not sorted/);
  });
});
