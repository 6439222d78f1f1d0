import { INTENTS } from '../decide.js';
import { familiesOfRules, RULE_FAMILIES } from '../families.js';
import type { PreparedPost } from './examples.js';

/** One binary head to train: which posts it learns from and what it says of each. */
export interface HeadSpec {
  readonly name: string;
  /** Undefined: the post is not an example for this head. */
  label(post: PreparedPost): boolean | undefined;
  /** Heads whose threshold is calibrated (the others are compared by argmax). */
  readonly calibrated: boolean;
}

const INTENT_SET = new Set<string>(INTENTS);

export function headSpecs(): HeadSpec[] {
  const specs: HeadSpec[] = [];
  for (const family of RULE_FAMILIES) {
    specs.push({
      name: `family:${family.id}`,
      calibrated: true,
      label: (post) => familiesOfRules(post.record.rules).has(family.id),
    });
    if (family.rules.length < 2) continue;
    for (const rule of family.rules) {
      specs.push({
        name: `rule:${rule}`,
        calibrated: false,
        // Which rule of the family: learned from the family's own posts only.
        label: (post) =>
          familiesOfRules(post.record.rules).has(family.id) ? post.record.rules.includes(rule) : undefined,
      });
    }
  }
  for (const intent of INTENTS) {
    specs.push({
      name: `intent:${intent}`,
      calibrated: false,
      // Intent is learned from public posts filed under an intent; a breach's intent is unknown.
      label: (post) =>
        post.record.context === 'public' &&
        post.record.category !== null &&
        INTENT_SET.has(post.record.category)
          ? post.record.category === intent
          : undefined,
    });
  }
  specs.push({
    name: 'flag:THREAT',
    calibrated: true,
    label: (post) =>
      post.record.context === 'public' && (post.record.category !== null || !post.record.verdictAssessed)
        ? post.record.category === 'THREAT'
        : undefined,
  });
  return specs;
}
