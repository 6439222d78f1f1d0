import type { Verdict } from '../types.js';
import type { Prediction } from './tally.js';

/**
 * - `missed-block`: a post that must not be published got through (or only a warning);
 * - `false-alarm`: a harmless post was flagged;
 * - `ordinary-alert`: ordinary external text (no verdict judged) was flagged: a candidate false
 *   alarm to review, since such sets may still hold the odd real breach.
 */
export type EvalErrorKind = 'missed-block' | 'false-alarm' | 'ordinary-alert';

export interface EvalError {
  readonly id: string;
  readonly kind: EvalErrorKind;
  readonly gold: Verdict;
  readonly predicted: Verdict;
  /** Rules the guard cited, for a developer to see which evaluator fired. */
  readonly rules: readonly string[];
  readonly excerpt: string;
}

const EXCERPT_CHARACTERS = 100;

/**
 * The verdict errors, worst first: a breach let through entirely, then one only warned about,
 * then blocked harmless posts, warned harmless posts, and alerts on ordinary text. Posts of the
 * same rank keep the order of the file.
 */
export function listErrors(predictions: readonly Prediction[]): EvalError[] {
  const ranked: { rank: number; order: number; error: EvalError }[] = [];
  for (const [order, { record, report }] of predictions.entries()) {
    const rank = errorRank(record.verdictAssessed, record.verdict, report.verdict);
    if (rank === undefined) continue;
    ranked.push({
      rank,
      order,
      error: {
        id: record.id,
        kind: rank < 2 ? 'missed-block' : rank < 4 ? 'false-alarm' : 'ordinary-alert',
        gold: record.verdict,
        predicted: report.verdict,
        rules: [...new Set(report.findings.map((finding) => finding.rule))],
        excerpt: excerpt(record.text),
      },
    });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.map((entry) => entry.error);
}

function errorRank(assessed: boolean, gold: Verdict, predicted: Verdict): number | undefined {
  if (!assessed) return predicted === 'block' ? 4 : predicted === 'warn' ? 5 : undefined;
  if (gold === 'block' && predicted !== 'block') return predicted === 'ok' ? 0 : 1;
  if (gold === 'ok' && predicted !== 'ok') return predicted === 'block' ? 2 : 3;
  return undefined;
}

/** The first characters on one line; counted in code points so that no emoji is cut in half. */
export function excerpt(text: string, characters = EXCERPT_CHARACTERS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length <= characters ? flat : `${points.slice(0, characters).join('')}…`;
}
