import { PICTURE } from '../rules/patient-cues.js';
import { SPAN_TYPES, type SpanType } from '../types.js';

/**
 * A family of rules scored together by the learned layer: the rules of one family share their
 * evidence (a patient named, a colleague insulted), so one scorer learns from all their posts and
 * a second, per-rule head only chooses which of them to cite.
 */
export interface RuleFamily {
  readonly id: string;
  readonly rules: readonly string[];
  /** The span types that show this family's breach; a learned finding cites the detected ones. */
  readonly evidence: readonly SpanType[];
  /**
   * The model may raise the family only when one of those spans is detected: a post that names,
   * dates or locates nobody cannot expose anyone, and its rewritten safer version must pass.
   */
  readonly needsEvidence?: boolean;
  /**
   * The model may raise the family only when the folded text says this: an image rule needs a
   * picture (« photo », « vidéo », « story », 📸…), whatever else the post is about.
   */
  readonly needsCue?: RegExp;
}

/** Every span type identifies someone; the list is the format's own. */
const IDENTIFYING: readonly SpanType[] = SPAN_TYPES;
const LOCATING: readonly SpanType[] = [
  'PERSON',
  'HANDLE',
  'DATE',
  'PLACE',
  'ADDRESS',
  'PLATE',
  'PHONE',
  'EMAIL',
  'UNIT',
];
const TARGETED: readonly SpanType[] = ['PERSON', 'HANDLE'];

/**
 * The span types found exactly (a checksum, a format): a finding that cites one stays whatever
 * the learned layer thinks, since the hard rules are kept for what is exact.
 */
export const EXACT_SPAN_TYPES: readonly SpanType[] = ['NIR', 'HOSPITAL_ID', 'PHONE', 'EMAIL', 'PLATE'];

export const RULE_FAMILIES: readonly RuleFamily[] = [
  {
    id: 'SECRET',
    rules: ['SECRET-01', 'SECRET-02', 'SECRET-03', 'SECRET-04', 'SECRET-05'],
    evidence: IDENTIFYING,
    needsEvidence: true,
  },
  {
    id: 'IMAGE',
    rules: ['IMAGE-01', 'IMAGE-02', 'IMAGE-03', 'IMAGE-05'],
    evidence: ['PERSON', 'HANDLE', 'ROOM', 'HEALTH'],
    needsCue: PICTURE,
  },
  { id: 'MOD', rules: ['MOD-01'], evidence: IDENTIFYING, needsEvidence: true },
  { id: 'GEO', rules: ['GEO-01'], evidence: ['PERSON', 'DATE', 'PLACE', 'UNIT', 'ROOM'] },
  { id: 'PRIV', rules: ['PRIV-03'], evidence: ['PERSON', 'PHONE', 'EMAIL', 'DATE'] },
  { id: 'ROLE', rules: ['ROLE-01', 'ROLE-02', 'ROLE-03'], evidence: [] },
  { id: 'RESERVE', rules: ['RESERVE-01'], evidence: TARGETED },
  { id: 'DISCR', rules: ['DISCR-01'], evidence: ['PERSON', 'UNIT', 'DATE'] },
  { id: 'RESPECT', rules: ['RESPECT-01', 'RESPECT-02'], evidence: TARGETED },
  { id: 'DEFAM', rules: ['DEFAM-01'], evidence: TARGETED },
  { id: 'HARASS', rules: ['HARASS-01'], evidence: TARGETED },
  { id: 'DOXX', rules: ['DOXX-01'], evidence: LOCATING, needsEvidence: true },
  { id: 'DEONTO', rules: ['DEONTO-01', 'DEONTO-02', 'DEONTO-03'], evidence: [] },
  { id: 'CRISIS', rules: ['CRISIS-01'], evidence: [] },
];

const FAMILY_OF_RULE = new Map<string, RuleFamily>(
  RULE_FAMILIES.flatMap((family) => family.rules.map((rule) => [rule, family] as const)),
);

export function familyOfRule(rule: string): RuleFamily | undefined {
  return FAMILY_OF_RULE.get(rule);
}

/** The families a labelled post breaks, from its rule identifiers. */
export function familiesOfRules(rules: readonly string[]): Set<string> {
  const families = new Set<string>();
  for (const rule of rules) {
    const family = FAMILY_OF_RULE.get(rule);
    if (family !== undefined) families.add(family.id);
  }
  return families;
}
