export { type EvalError, type EvalErrorKind, excerpt, listErrors } from './errors.js';
export { type Analyzer, predictAll } from './evaluate.js';
export { type InvalidLine, type ParsedEvalSet, parseEvalSet } from './jsonl.js';
export {
  computeMetrics,
  type GuardMetrics,
  metricsFromTallies,
  type Ratio,
  ratio,
  type SpanScores,
} from './metrics.js';
export { type EvalRecord, type GoldSpan, validateRecord } from './record.js';
export {
  type EvalTallies,
  type Prediction,
  type SpanTally,
  sameTypeOverlap,
  tallyPredictions,
} from './tally.js';
