import type { RuleEvaluator } from './evaluator.js';
import { imageEvaluator } from './image.js';
import { secretEvaluator } from './secret.js';

/** One evaluator per rule family. */
export const EVALUATORS: readonly RuleEvaluator[] = [
  secretEvaluator,
  imageEvaluator,
];
