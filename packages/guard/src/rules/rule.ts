import type { Fix, LocalizedText } from '../types.js';

/** One rule of shared/reference/RULES.md, as data. */
export interface RuleDefinition {
  readonly id: string;
  /** The id's prefix: SECRET, IMAGE, GEO, … */
  readonly family: string;
  readonly statement: LocalizedText;
  /** Legal or ethical basis, as cited in the catalogue. */
  readonly basis: string;
  readonly verdict: 'warn' | 'block';
  /** Whether a text alone can show a breach (false for workflow rules such as INST-02). */
  readonly detectableInText: boolean;
  /** Default explanation shown with a finding, in plain words. */
  readonly explanation: LocalizedText;
  /** Default fix proposed with a finding. */
  readonly fix: Fix;
}
