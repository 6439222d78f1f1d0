import type { Severity } from '../db/schema.js';

/**
 * The severity grid of domain-rules §3.4, as far as a text alone can tell. Four dimensions,
 * each scored 0–3; the level is the sum's band, raised to the overrides' minimum.
 *
 * Reach & velocity and credibility & amplification cannot be read from an excerpt: they are
 * scored 0 here and the desk raises them when it qualifies the incident (a human confirms
 * every level).
 */
export interface SeverityInput {
  /** Rule ids the guard found in the excerpt (« SECRET-01 », « DEFAM-01 »…). */
  readonly rules: readonly string[];
  /** The guard's filing of a public post (« THREAT », « COMPLAINT »…), or null. */
  readonly guardCategory: string | null;
}

export interface SeverityScores {
  readonly legal: number;
  readonly reach: number;
  readonly credibility: number;
  readonly human: number;
}

export interface SeverityProposal {
  readonly severity: Severity;
  readonly scores: SeverityScores;
  /** The overrides that raised the level, if any (« patient_data », « threat », « doxxing »). */
  readonly overrides: readonly string[];
}

/** Rules that expose a patient: identifiable health data or a patient's image. */
const PATIENT_RULES = new Set(['IMAGE-01', 'IMAGE-02', 'IMAGE-05', 'MOD-01']);
const GRAVE_RULES = new Set(['DEFAM-01', 'HARASS-01', 'DOXX-01']);
const MODERATE_RULES = new Set(['RESPECT-01', 'DISCR-01', 'IMAGE-03', 'CRISIS-01']);

const LEVELS: readonly Severity[] = ['N0', 'N1', 'N2', 'N3', 'N4'];

function exposesPatient(rule: string): boolean {
  return rule.startsWith('SECRET-') || PATIENT_RULES.has(rule);
}

function legalGravity(input: SeverityInput): number {
  if (input.guardCategory === 'THREAT') return 3;
  if (input.rules.some((rule) => exposesPatient(rule) || GRAVE_RULES.has(rule))) return 3;
  if (input.guardCategory === 'RUMOR') return 2; // misinformation
  if (input.rules.some((rule) => MODERATE_RULES.has(rule))) return 2;
  // A charter breach without personal data, or harsh criticism.
  if (input.rules.length > 0 || input.guardCategory === 'COMPLAINT') return 1;
  return 0;
}

function humanImpact(input: SeverityInput, threat: boolean, doxxing: boolean): number {
  if (threat || doxxing) return 3; // safety risk
  if (input.rules.some((rule) => exposesPatient(rule))) return 2; // patient identifiable
  if (input.rules.some((rule) => rule === 'DEFAM-01' || rule === 'RESPECT-02')) return 2; // staff targeted
  if (input.rules.includes('RESPECT-01')) return 1; // discomfort for a team
  return 0;
}

/** The grid's bands: 0–1 N0 · 2–3 N1 · 4–6 N2 · 7–9 N3 · 10–12 N4. */
export function levelOfScore(score: number): Severity {
  if (score <= 1) return 'N0';
  if (score <= 3) return 'N1';
  if (score <= 6) return 'N2';
  if (score <= 9) return 'N3';
  return 'N4';
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}

export function proposeSeverity(input: SeverityInput): SeverityProposal {
  const threat = input.guardCategory === 'THREAT' || input.rules.includes('HARASS-01');
  const doxxing = input.guardCategory === 'DOXXING' || input.rules.includes('DOXX-01');
  const scores: SeverityScores = {
    legal: legalGravity(input),
    reach: 0,
    credibility: 0,
    human: humanImpact(input, threat, doxxing),
  };
  let severity = levelOfScore(scores.legal + scores.reach + scores.credibility + scores.human);
  const overrides: string[] = [];
  if (input.rules.some((rule) => exposesPatient(rule))) {
    overrides.push('patient_data');
    severity = maxSeverity(severity, 'N3');
  }
  if (threat) {
    overrides.push('threat');
    severity = maxSeverity(severity, 'N4');
  }
  if (doxxing) {
    overrides.push('doxxing');
    severity = maxSeverity(severity, 'N4');
  }
  return { severity, scores, overrides };
}
