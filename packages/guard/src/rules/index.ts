import type { RuleEvaluator } from './evaluator.js';

/** One evaluator per rule family. */
export const EVALUATORS: readonly RuleEvaluator[] = [];
