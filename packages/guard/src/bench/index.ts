export { buildLargeText, utf8Length } from './large-text.js';
export { type LatencySummary, percentile, summarizeLatencies } from './latency.js';
export {
  type BenchDependencies,
  type BenchSettings,
  DEFAULT_BENCH_SETTINGS,
  type GuardBenchResult,
  runGuardBench,
} from './run-bench.js';
export { type BenchPost, SAMPLE_POSTS } from './sample-posts.js';
