import type { Category, Finding } from '../types.js';
import type { BreachFlag, LearnedDecision } from './decide.js';

/**
 * The breaches a public post commits, each a label of its own: a threat calls security, doxxing
 * an immediate takedown, defamation the legal department, a privacy breach the DPO.
 */
export function breachFlags(findings: readonly Finding[], learned: LearnedDecision): BreachFlag[] {
  const rules = new Set(findings.map((finding) => finding.rule));
  const flags: BreachFlag[] = [];
  if (learned.threat) flags.push('THREAT');
  if (rules.has('DOXX-01')) flags.push('DOXXING');
  if (rules.has('DEFAM-01')) flags.push('DEFAMATION');
  if ([...rules].some((rule) => rule.startsWith('SECRET-') || rule === 'IMAGE-01' || rule === 'MOD-01')) {
    flags.push('PRIVACY_BREACH');
  }
  return flags;
}

/**
 * The one category a communication department files a public post under (kept for the desk's
 * filters): the first breach flag when there is one — they need action before any answer —
 * otherwise the intent the classifier read.
 */
export function categoryOf(findings: readonly Finding[], learned: LearnedDecision): Category {
  return breachFlags(findings, learned)[0] ?? learned.intent;
}
