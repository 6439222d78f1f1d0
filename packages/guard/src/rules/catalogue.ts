import type { RuleDefinition } from './rule.js';

/**
 * The rule catalogue of shared/reference/RULES.md as data (statements, basis, default verdict,
 * default explanation and fix). Filled in by the catalogue work.
 */
export const RULES: readonly RuleDefinition[] = [];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleDefinition {
  const rule = byId.get(id);
  if (rule === undefined) throw new Error(`Unknown rule id: ${id}`);
  return rule;
}
