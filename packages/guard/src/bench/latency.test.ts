import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatencies } from './latency.js';

describe('percentile', () => {
  it('returns an observed value by nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 95)).toBe(10);
    expect(percentile(sorted, 10)).toBe(1);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 100)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
  });

  it('has nothing to say about no value', () => {
    expect(percentile([], 50)).toBeNull();
  });
});

describe('summarizeLatencies', () => {
  it('sorts before ranking and finds the slowest call', () => {
    const durations = [...Array.from({ length: 98 }, () => 1), 40, 3];
    expect(summarizeLatencies(durations)).toEqual({ p50: 1, p95: 1, p99: 3, max: 40, mean: 1.41 });
  });

  it('gives zeros when nothing was measured', () => {
    expect(summarizeLatencies([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, mean: 0 });
  });
});
