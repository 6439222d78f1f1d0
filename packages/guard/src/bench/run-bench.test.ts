import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { EMPTY_LEXICON } from '../test-support/context.js';
import type { GuardContext } from '../types.js';
import { runGuardBench } from './run-bench.js';

/** A clock that only moves when the fake work says so: every figure is then known exactly. */
function fakeWorld() {
  let clock = 0;
  const contexts: GuardContext[] = [];
  return {
    contexts,
    deps: {
      now: () => clock,
      loadLexicon: () => {
        clock += 5;
        return EMPTY_LEXICON;
      },
      // One millisecond per character.
      analyze: (text: string, options: { context?: GuardContext }, lexicon: unknown) => {
        expect(lexicon).toBe(EMPTY_LEXICON);
        contexts.push(options.context ?? 'staff');
        clock += text.length;
        return analyze('', options, EMPTY_LEXICON);
      },
    },
  };
}

describe('runGuardBench', () => {
  const posts = [
    { text: 'a', context: 'staff' as const },
    { text: 'bb', context: 'public' as const },
    { text: 'ccc', context: 'reply' as const },
  ];

  it('times the load, warms up, then measures every call', () => {
    const world = fakeWorld();
    const result = runGuardBench(posts, { minDurationMs: 20, warmupMs: 10, largeTextBytes: 300 }, world.deps);
    expect(result.posts).toBe(3);
    expect(result.lexiconLoadMs).toBe(5);
    // Warm-up: 1+2+3+1+2+3 = 12 ms ≥ 10 after six calls.
    expect(result.warmup).toEqual({ calls: 6, ms: 12 });
    // Measured: 1,2,3,1,2,3,1,2,3,1,2 = 21 ms ≥ 20 after eleven calls.
    expect(result.throughput).toEqual({ calls: 11, durationMs: 21, postsPerSecond: 11_000 / 21 });
    expect(result.latencyMs).toEqual({ p50: 2, p95: 3, p99: 3, max: 3, mean: 21 / 11 });
    expect(result.largeText.bytes).toBeGreaterThanOrEqual(300);
    expect(result.largeText.ms).toBe(result.largeText.characters);
    // Each post in its own context; the long text as a staff post.
    expect(world.contexts.slice(0, 3)).toEqual(['staff', 'public', 'reply']);
    expect(world.contexts.at(-1)).toBe('staff');
  });

  it('analyses every post at least once even when the time is up at once', () => {
    const world = fakeWorld();
    const result = runGuardBench(posts, { minDurationMs: 0, warmupMs: 0, largeTextBytes: 1 }, world.deps);
    expect(result.warmup.calls).toBe(3);
    expect(result.throughput.calls).toBe(3);
  });

  it('refuses an empty set rather than dividing by zero', () => {
    expect(() => runGuardBench([], undefined, fakeWorld().deps)).toThrow(RangeError);
  });
});
