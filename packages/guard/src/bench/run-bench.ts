import { analyze } from '../analyze.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { loadLexicon } from '../lexicon/load.js';
import type { GuardOptions, Report } from '../types.js';
import { buildLargeText, utf8Length } from './large-text.js';
import { type LatencySummary, summarizeLatencies } from './latency.js';
import { type BenchPost, SAMPLE_POSTS } from './sample-posts.js';

export interface BenchSettings {
  /** Measured run: posts are analysed over and over until at least this long has passed. */
  readonly minDurationMs: number;
  /** Untimed run first, so that the figures are those of optimised code, not of a cold start. */
  readonly warmupMs: number;
  /** Size of the long text analysed in one call, in UTF-8 bytes. */
  readonly largeTextBytes: number;
}

export const DEFAULT_BENCH_SETTINGS: BenchSettings = {
  minDurationMs: 3000,
  // Five seconds: the French lexicon (440,000 forms) is read lazily, word by word, and the
  // learned layers remember each word's features; both fill during the first seconds, and a
  // server runs for hours. With one second the figure mixed the start with the steady state.
  warmupMs: 5000,
  largeTextBytes: 1_000_000,
};

/** What the benchmark measures and how it reads the time; replaced by fakes in tests. */
export interface BenchDependencies {
  readonly now: () => number;
  readonly loadLexicon: () => Lexicon;
  readonly analyze: (text: string, options: GuardOptions, lexicon: Lexicon) => Report;
}

const REAL_DEPENDENCIES: BenchDependencies = {
  now: () => performance.now(),
  loadLexicon,
  analyze,
};

export interface GuardBenchResult {
  /** Distinct posts in the measured set. */
  readonly posts: number;
  /** First load of the gazetteers in this process. */
  readonly lexiconLoadMs: number;
  readonly warmup: { readonly calls: number; readonly ms: number };
  readonly throughput: {
    readonly calls: number;
    readonly durationMs: number;
    readonly postsPerSecond: number;
  };
  /** Duration of one `analyze` call, per post. */
  readonly latencyMs: LatencySummary;
  readonly largeText: { readonly bytes: number; readonly characters: number; readonly ms: number };
}

/**
 * Measures the guard on one thread: gazetteer load, posts per second, per-post latency and one
 * long text. It must run in a fresh process for the load time to mean anything. The long text
 * is always built from the built-in sample posts, so that its figure compares across clones
 * whatever the measured set.
 */
export function runGuardBench(
  posts: readonly BenchPost[],
  settings: BenchSettings = DEFAULT_BENCH_SETTINGS,
  deps: BenchDependencies = REAL_DEPENDENCIES,
): GuardBenchResult {
  if (posts.length === 0) throw new RangeError('runGuardBench needs at least one post');
  const { now } = deps;

  const loadStart = now();
  const lexicon = deps.loadLexicon();
  const lexiconLoadMs = now() - loadStart;

  const analyzeOne = (post: BenchPost): Report => deps.analyze(post.text, { context: post.context }, lexicon);

  // Warm-up: at least one full pass, so that every code path has been compiled once.
  const warmupStart = now();
  let warmupCalls = 0;
  while (warmupCalls < posts.length || now() - warmupStart < settings.warmupMs) {
    analyzeOne(posts[warmupCalls % posts.length] as BenchPost);
    warmupCalls += 1;
  }
  const warmupMs = now() - warmupStart;

  const durations: number[] = [];
  const runStart = now();
  let elapsed = 0;
  for (let index = 0; durations.length < posts.length || elapsed < settings.minDurationMs; index += 1) {
    const callStart = now();
    analyzeOne(posts[index % posts.length] as BenchPost);
    const callEnd = now();
    durations.push(callEnd - callStart);
    elapsed = callEnd - runStart;
  }

  const largeText = buildLargeText(
    SAMPLE_POSTS.map((post) => post.text),
    settings.largeTextBytes,
  );
  const largeStart = now();
  deps.analyze(largeText, { context: 'staff' }, lexicon);
  const largeMs = now() - largeStart;

  return {
    posts: posts.length,
    lexiconLoadMs,
    warmup: { calls: warmupCalls, ms: warmupMs },
    throughput: {
      calls: durations.length,
      durationMs: elapsed,
      postsPerSecond: elapsed > 0 ? (durations.length * 1000) / elapsed : 0,
    },
    latencyMs: summarizeLatencies(durations),
    largeText: { bytes: utf8Length(largeText), characters: largeText.length, ms: largeMs },
  };
}
