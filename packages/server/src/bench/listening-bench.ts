import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadLexicon } from '@blouse/guard';
import { compileWatchTerms } from '../listening/watch-terms/compile.js';
import type { WatchTermMatcher } from '../listening/watch-terms/matcher.js';
import { buildListeningCorpus, type CorpusNames } from './listening-corpus.js';

export interface ListeningBenchSettings {
  readonly termCount: number;
  /** Distinct posts, matched over and over until `minDurationMs` has passed. */
  readonly postCount: number;
  readonly postCharacters: number;
  readonly minDurationMs: number;
  /** Untimed run first, so that the figures are those of optimised code. */
  readonly warmupMs: number;
  readonly seed: number;
}

export const DEFAULT_LISTENING_BENCH_SETTINGS: ListeningBenchSettings = {
  termCount: 10_000,
  postCount: 5_000,
  postCharacters: 280,
  minDurationMs: 3000,
  warmupMs: 1000,
  seed: 10,
};

export interface ListeningBenchResult {
  readonly terms: number;
  readonly establishments: number;
  readonly posts: number;
  readonly postCharacters: number;
  /** `compileWatchTerms` over every term, the first time in the process (tables included). */
  readonly compileMs: number;
  /** The same, in processor time (user + system). */
  readonly compileCpuMs: number;
  /** Heap and buffers the compiled matcher keeps, after a full collection; null if unmeasurable. */
  readonly memoryBytes: number | null;
  readonly throughput: {
    readonly calls: number;
    readonly durationMs: number;
    /** Processor time of the process (user + system) over the measured run. */
    readonly cpuMs: number;
    /**
     * Posts per second of processor time: what one core does, whatever else runs on the machine
     * (the collector's helper threads count against it, so it errs low).
     */
    readonly postsPerSecond: number;
    /** Posts per second of elapsed time (lower when the machine is shared). */
    readonly wallPostsPerSecond: number;
  };
  /** Share of the posts that concern at least one establishment, and establishments per post. */
  readonly postsWithMention: number;
  readonly mentionsPerPost: number;
}

/**
 * Measures the watch-term matcher of listening on one thread: a national deployment's terms
 * (generated from a seed, see listening-corpus.ts) compiled once, then 280-character French
 * posts matched one after the other, as a firehose delivers them.
 */
export function runListeningBench(
  settings: ListeningBenchSettings = DEFAULT_LISTENING_BENCH_SETTINGS,
): ListeningBenchResult {
  const corpus = buildListeningCorpus(corpusNames(), settings);
  const gc = garbageCollector();
  // Twice: what the first collection frees may let the second free more.
  const collect =
    gc === null
      ? null
      : () => {
          gc();
          gc();
        };
  collect?.();
  const before = retainedBytes();
  const compileStart = performance.now();
  const compileCpuStart = process.cpuUsage();
  const matcher = compileWatchTerms(corpus.terms);
  const compileCpu = process.cpuUsage(compileCpuStart);
  const compileMs = performance.now() - compileStart;
  collect?.();
  const memoryBytes = collect === null ? null : Math.max(0, retainedBytes() - before);

  let mentions = 0;
  let postsWithMention = 0;
  for (const post of corpus.posts) {
    const found = matcher.match(post).length;
    mentions += found;
    if (found > 0) postsWithMention += 1;
  }

  const warmupStart = performance.now();
  while (performance.now() - warmupStart < settings.warmupMs) matchAll(matcher, corpus.posts);

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let calls = 0;
  do {
    matchAll(matcher, corpus.posts);
    calls += corpus.posts.length;
  } while (performance.now() - start < settings.minDurationMs);
  const durationMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  return {
    terms: corpus.terms.length,
    establishments: corpus.establishments,
    posts: corpus.posts.length,
    postCharacters: settings.postCharacters,
    compileMs,
    compileCpuMs: (compileCpu.user + compileCpu.system) / 1000,
    memoryBytes,
    throughput: {
      calls,
      durationMs,
      cpuMs,
      postsPerSecond: (calls / Math.max(cpuMs, 0.001)) * 1000,
      wallPostsPerSecond: (calls / Math.max(durationMs, 0.001)) * 1000,
    },
    postsWithMention: postsWithMention / Math.max(corpus.posts.length, 1),
    mentionsPerPost: mentions / Math.max(corpus.posts.length, 1),
  };
}

function matchAll(matcher: WatchTermMatcher, posts: readonly string[]): void {
  for (const post of posts) matcher.match(post);
}

/** Towns from frequent French surnames, saints from frequent first names (the guard's gazetteers). */
function corpusNames(): CorpusNames {
  const lexicon = loadLexicon();
  const towns: string[] = [];
  for (const [name, births] of lexicon.surnames) if (births >= 3000 && name.length > 2) towns.push(name);
  const saints: string[] = [];
  for (const [name, births] of lexicon.firstNames)
    if (births >= 100_000 && name.length > 2) saints.push(name);
  return { towns, saints };
}

function retainedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * The collector, to measure what the matcher keeps rather than garbage not yet collected. Node
 * only exposes it with --expose-gc; the flag can be set at run time, and a new context then
 * sees `gc`. Null when that fails: memory is then not reported rather than reported wrong.
 */
function garbageCollector(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => gc() : null;
  } catch {
    return null;
  }
}
