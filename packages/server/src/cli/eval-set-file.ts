import { type EvalRecord, type InvalidLine, parseEvalSet } from '@blouse/guard';
import type { CliIo } from './io.js';
import { readTextFile } from './read-input.js';

const MAX_REPORTED_LINES = 20;
/** An evaluation set holds thousands of posts (dev.jsonl: 420 in 170 kB), far above one post's limit. */
const MAX_EVAL_SET_BYTES = 64 * 1024 * 1024;

export interface EvalSetFile {
  readonly records: readonly EvalRecord[];
  readonly invalidLines: number;
}

/**
 * Reads an evaluation set and tells the user on stderr which lines were skipped and why, so
 * that stdout stays a clean table or JSON document.
 */
export async function readEvalSetFile(path: string, io: CliIo): Promise<EvalSetFile> {
  const parsed = parseEvalSet(await readTextFile(path, io.cwd, MAX_EVAL_SET_BYTES));
  reportInvalidLines(path, parsed.invalid, io);
  return { records: parsed.records, invalidLines: parsed.invalid.length };
}

function reportInvalidLines(path: string, invalid: readonly InvalidLine[], io: CliIo): void {
  for (const bad of invalid.slice(0, MAX_REPORTED_LINES)) {
    io.stderr.write(`blouse : ${path}, ligne ${bad.line} : ${bad.problem}\n`);
  }
  if (invalid.length > MAX_REPORTED_LINES) {
    io.stderr.write(
      `blouse : ${path} : et ${invalid.length - MAX_REPORTED_LINES} autres lignes invalides.\n`,
    );
  }
}
