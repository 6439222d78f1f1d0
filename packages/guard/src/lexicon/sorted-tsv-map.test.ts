import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedTsvMap } from './sorted-tsv-map.js';

function tsv(entries: Array<[string, number]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([key, value]) => `${key}\t${value}\n`).join('');
}

describe('SortedTsvMap', () => {
  const map = new SortedTsvMap(
    tsv([
      ['le', 12],
      ['le gall', 30],
      ['lebrun', 25189],
      ["n'diaye", 4000],
      ['a', 1],
    ]),
  );

  it('finds keys, including prefixes of other keys and keys with spaces or apostrophes', () => {
    expect(map.get('le')).toBe(12);
    expect(map.get('le gall')).toBe(30);
    expect(map.get('lebrun')).toBe(25189);
    expect(map.get("n'diaye")).toBe(4000);
    expect(map.get('a')).toBe(1);
    expect(map.has('lebrun')).toBe(true);
  });

  it('misses keys that are absent, prefixes or extensions of present keys', () => {
    for (const key of ['l', 'leb', 'lebrunn', 'le g', 'le gall ', '', 'z', 'Lebrun'])
      expect(map.get(key)).toBeUndefined();
    expect(map.has('leb')).toBe(false);
  });

  it('behaves as a ReadonlyMap for iteration', () => {
    expect(map.size).toBe(5);
    expect([...map.keys()]).toEqual(['a', 'le', 'le gall', 'lebrun', "n'diaye"]);
    expect([...map.values()]).toEqual([1, 12, 30, 25189, 4000]);
    expect(new Map(map).get('le gall')).toBe(30);
    const seen: string[] = [];
    map.forEach((value, key) => {
      seen.push(`${key}=${value}`);
    });
    expect(seen[0]).toBe('a=1');
  });

  it('accepts a file without a final line break and ignores empty lines', () => {
    const short = new SortedTsvMap('jean\t3\n\nmarie\t5');
    expect(short.size).toBe(2);
    expect(short.get('marie')).toBe(5);
  });

  it('refuses unsorted or duplicated input rather than answering wrongly', () => {
    expect(() => new SortedTsvMap('marie\t5\njean\t3\n')).toThrow(/not sorted/);
    expect(() => new SortedTsvMap('jean\t3\njean\t4\n')).toThrow(/not sorted/);
    expect(() => new SortedTsvMap('le gall\t1\nle\t2\n')).toThrow(/not sorted/);
  });

  it('agrees with a Map on random keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', "'", '-', 'z'), minLength: 1, maxLength: 6 }),
          {
            maxLength: 40,
          },
        ),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', 'z'), maxLength: 6 }), {
          maxLength: 20,
        }),
        (keys, probes) => {
          const keyed = keys.filter((key) => key.trim() === key && key.length > 0);
          const reference = new Map(keyed.map((key, i) => [key, i] as [string, number]));
          const map = new SortedTsvMap(tsv([...reference]));
          for (const probe of [...keyed, ...probes]) expect(map.get(probe)).toBe(reference.get(probe));
        },
      ),
    );
  });
});
