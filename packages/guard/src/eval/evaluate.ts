import type { GuardOptions, Report } from '../types.js';
import type { EvalRecord } from './record.js';
import type { Prediction } from './tally.js';

/** The analysis under evaluation; `analyze` with a lexicon loaded once, in practice. */
export type Analyzer = (text: string, options: GuardOptions) => Report;

/** Runs the guard on every record, in the context the record was written in. */
export function predictAll(records: readonly EvalRecord[], analyzer: Analyzer): Prediction[] {
  return records.map((record) => ({ record, report: analyzer(record.text, { context: record.context }) }));
}
