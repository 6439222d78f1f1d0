import { DEONTO_RULES } from './catalogue/deonto.js';
import { IMAGE_RULES } from './catalogue/image.js';
import { PRIVACY_RULES } from './catalogue/privacy.js';
import { PUBLISHING_RULES } from './catalogue/publishing.js';
import { RESPECT_RULES } from './catalogue/respect.js';
import { SECRET_RULES } from './catalogue/secret.js';
import { VOICE_RULES } from './catalogue/voice.js';
import type { RuleDefinition } from './rule.js';

/**
 * The rule catalogue of shared/reference/RULES.md as data (statements, basis, default verdict,
 * default explanation and fix). The texts live in catalogue/<group>.ts, one file per group of
 * families, so that each stays readable; rules a text cannot show (workflows) have
 * `detectableInText: false`.
 */
export const RULES: readonly RuleDefinition[] = [
  ...SECRET_RULES,
  ...IMAGE_RULES,
  ...PRIVACY_RULES,
  ...VOICE_RULES,
  ...RESPECT_RULES,
  ...DEONTO_RULES,
  ...PUBLISHING_RULES,
];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleDefinition {
  const rule = byId.get(id);
  if (rule === undefined) throw new Error(`Unknown rule id: ${id}`);
  return rule;
}
