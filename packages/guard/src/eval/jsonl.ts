import { type EvalRecord, validateRecord } from './record.js';

/** A line that could not be used, numbered from 1 as an editor shows it. */
export interface InvalidLine {
  readonly line: number;
  readonly problem: string;
}

export interface ParsedEvalSet {
  readonly records: readonly EvalRecord[];
  readonly invalid: readonly InvalidLine[];
}

/**
 * Reads an evaluation set in JSON Lines. Bad lines are skipped and reported rather than fatal:
 * one broken line in a hand-edited file should not hide the figures of the four hundred others.
 * Blank lines are ignored.
 */
export function parseEvalSet(content: string): ParsedEvalSet {
  const records: EvalRecord[] = [];
  const invalid: InvalidLine[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);

  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      invalid.push({ line, problem: `JSON invalide (${(error as Error).message})` });
      continue;
    }
    const validation = validateRecord(value);
    if (!validation.ok) {
      invalid.push({ line, problem: validation.problem });
      continue;
    }
    const seen = firstLineOf.get(validation.record.id);
    if (seen !== undefined) {
      invalid.push({ line, problem: `identifiant « ${validation.record.id} » déjà vu ligne ${seen}` });
      continue;
    }
    firstLineOf.set(validation.record.id, line);
    records.push(validation.record);
  }
  return { records, invalid };
}
