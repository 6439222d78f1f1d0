import { describe, expect, it } from 'vitest';
import { LONG_BLOCKS, LongWindows } from './long-windows.js';
import { BuzzInputError } from './types.js';

/** The same sums computed the slow way from every bucket pushed (−1 = a missing bucket). */
function slowSums(buckets: readonly number[], perBlock: number, window: number) {
  const blocks = LONG_BLOCKS[window] as number;
  const complete = Math.floor(buckets.length / perBlock);
  const from = Math.max(0, (complete - blocks) * perBlock);
  let observed = 0;
  for (let index = from; index < buckets.length; index++) observed += Math.max(0, buckets[index] as number);
  return observed;
}

describe('LongWindows', () => {
  it('holds the last 6, 12 and 24 hourly blocks plus the block being filled (five-minute buckets)', () => {
    const windows = new LongWindows(300);
    expect(windows.bucketsPerBlock).toBe(12);
    const pushed: number[] = [];
    for (let index = 0; index < 12 * 30 + 7; index++) {
      const count = (index * 7) % 11;
      windows.push(count, count / 2);
      pushed.push(count);
      if (index % 37 === 0) {
        for (let w = 0; w < LONG_BLOCKS.length; w++) {
          expect(windows.observed(w)).toBeCloseTo(slowSums(pushed, 12, w), 9);
          expect(windows.usual(w)).toBeCloseTo(slowSums(pushed, 12, w) / 2, 9);
        }
      }
    }
    expect(windows.buckets(0)).toBe(6 * 12 + 7);
    expect(windows.buckets(2)).toBe(24 * 12 + 7);
  });

  it('uses one-bucket blocks when buckets are an hour or longer', () => {
    const windows = new LongWindows(86_400);
    expect(windows.bucketsPerBlock).toBe(1);
    for (let index = 0; index < 30; index++) windows.push(1, 1);
    expect(windows.observed(0)).toBe(6);
    expect(windows.observed(2)).toBe(24);
  });

  it('counts a gap as unknown buckets, at bounded cost, and keeps the block phase', () => {
    const skipped = new LongWindows(300);
    const pushed = new LongWindows(300);
    for (let index = 0; index < 5; index++) {
      skipped.push(3, 2);
      pushed.push(3, 2);
    }
    skipped.skip(12 * 3 + 4);
    for (let index = 0; index < 12 * 3 + 4; index++) pushed.push(0, 0);
    expect(skipped.state()).toEqual(pushed.state());
    for (let w = 0; w < LONG_BLOCKS.length; w++) expect(skipped.observed(w)).toBe(pushed.observed(w));
    // A gap longer than a day empties every window.
    skipped.skip(1_000_000);
    for (let w = 0; w < LONG_BLOCKS.length; w++) expect(skipped.observed(w)).toBe(0);
  });

  it('restores its state exactly, and refuses a block fuller than a block can be', () => {
    const windows = new LongWindows(300);
    for (let index = 0; index < 500; index++) windows.push(index % 5, 1);
    const copy = new LongWindows(300);
    copy.restore(windows.state());
    for (let w = 0; w < LONG_BLOCKS.length; w++) expect(copy.observed(w)).toBe(windows.observed(w));
    expect(() => copy.restore({ ...windows.state(), partial: [0, 0, 12] })).toThrow(BuzzInputError);
  });
});
