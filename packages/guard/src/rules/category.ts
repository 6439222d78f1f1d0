import type { Category, Finding } from '../types.js';
import type { RuleInput } from './evaluator.js';

/** How a communication department would file a post written by someone else. */
export function categorize(_input: RuleInput, _findings: readonly Finding[]): Category | null {
  return 'INFO';
}
