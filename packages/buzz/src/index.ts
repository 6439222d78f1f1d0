export {
  type BuzzBenchResult,
  type BuzzBenchSettings,
  DEFAULT_BUZZ_BENCH_SETTINGS,
  runBuzzBench,
} from './bench/run-buzz-bench.js';
export { SpikeDetector } from './detector.js';
export { type CountRow, inferBucketSeconds, parseCountCsv } from './eval/count-csv.js';
export { type SeriesScoring, scoreSeries } from './eval/score-series.js';
export { explain, formatFr } from './explain.js';
export { TIME_ZONES, type TimeZone } from './local-clock.js';
export { LONG_BLOCKS } from './long-windows.js';
export { BuzzOptionsError, type DetectorOptions, resolveOptions } from './options.js';
export { WINDOWS } from './recent-windows.js';
export {
  type Burst,
  poisson,
  type SimulatedPoint,
  seededRandom,
  simulateCounts,
} from './simulate/poisson-series.js';
export {
  DEFAULT_SYNTHETIC_SETTINGS,
  type RateFigure,
  type RiseFigure,
  runSyntheticChecks,
  type SyntheticCheckResult,
  type SyntheticCheckSettings,
} from './simulate/synthetic-checks.js';
export { type DetectorSnapshot, readSnapshot, SNAPSHOT_VERSION } from './snapshot.js';
export { type GateSettings, SurgeGate } from './surge-gate.js';
export { surprise } from './tail-probability.js';
export { type BuzzExplanation, BuzzInputError, type BuzzLevel, type BuzzPoint } from './types.js';
