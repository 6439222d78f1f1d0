import { describe, expect, it } from 'vitest';
import { RecentWindows, WINDOWS } from './recent-windows.js';
import { seededRandom } from './simulate/poisson-series.js';

/** Brute-force sums of the last `size` pushes. */
function bruteSum(values: readonly number[], size: number): number {
  let sum = 0;
  for (let i = Math.max(0, values.length - size); i < values.length; i++) sum += values[i] as number;
  return sum;
}

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('RecentWindows', () => {
  it('keeps the window sums equal to brute-force sums, before and after the periodic resum', () => {
    const random = seededRandom(11);
    const windows = new RecentWindows();
    const counts: number[] = [];
    const expected: number[] = [];
    for (let step = 1; step <= 9000; step++) {
      const count = random() < 0.1 ? 0 : Math.floor(random() * 40 * random());
      const usual = random() * 12.3;
      windows.push(count, usual);
      counts.push(count);
      expected.push(usual);
      if (step < 100 || step % 97 === 0 || (step >= 4090 && step <= 4100) || (step >= 8188 && step <= 8196)) {
        for (let w = 0; w < WINDOWS.length; w++) {
          const size = WINDOWS[w] as number;
          expect(close(windows.observed(w), bruteSum(counts, size)), `step ${step} window ${size}`).toBe(
            true,
          );
          expect(close(windows.usual(w), bruteSum(expected, size)), `step ${step} window ${size}`).toBe(true);
        }
      }
    }
  });

  it('sums exactly with integer counts, whatever the number of pushes', () => {
    const random = seededRandom(3);
    const windows = new RecentWindows();
    const counts: number[] = [];
    for (let step = 0; step < 5000; step++) {
      const count = Math.floor(random() * 1000);
      windows.push(count, 0);
      counts.push(count);
    }
    for (let w = 0; w < WINDOWS.length; w++) {
      expect(windows.observed(w)).toBe(bruteSum(counts, WINDOWS[w] as number));
      expect(windows.usual(w)).toBe(0);
    }
  });

  it('never reports negative sums', () => {
    const windows = new RecentWindows();
    windows.push(0.1, 0.1);
    windows.push(0.2, 0.2);
    for (let step = 0; step < 40; step++) windows.push(0, 0);
    for (let w = 0; w < WINDOWS.length; w++) {
      expect(windows.observed(w)).toBeGreaterThanOrEqual(0);
      expect(windows.usual(w)).toBeGreaterThanOrEqual(0);
    }
  });

  it('restores the ring and its running sums exactly', () => {
    const random = seededRandom(5);
    const original = new RecentWindows();
    const counts: number[] = [];
    for (let step = 0; step < 100; step++) {
      const count = Math.floor(random() * 9);
      original.push(count, count / 2);
      counts.push(count);
    }
    const copy = new RecentWindows();
    copy.restore(Array.from(original.counts), Array.from(original.expected), original.head, original.sums);
    expect(copy.head).toBe(original.head);
    for (let w = 0; w < WINDOWS.length; w++) {
      expect(copy.observed(w)).toBe(bruteSum(counts, WINDOWS[w] as number));
      expect(copy.usual(w)).toBe(original.usual(w));
    }
    // Both go on identically.
    for (let step = 0; step < 50; step++) {
      original.push(step, 1);
      copy.push(step, 1);
      counts.push(step);
    }
    for (let w = 0; w < WINDOWS.length; w++) {
      expect(copy.observed(w)).toBe(bruteSum(counts, WINDOWS[w] as number));
      expect(copy.observed(w)).toBe(original.observed(w));
    }
  });

  it('has windows 1, 3, 12 and 36 and a capacity that holds the longest', () => {
    expect([...WINDOWS]).toEqual([1, 3, 12, 36]);
    expect(RecentWindows.capacity).toBeGreaterThanOrEqual(Math.max(...WINDOWS));
  });
});
