import { SPAN_TYPES } from '../types.js';
import { type EvalTallies, type Prediction, type SpanTally, tallyPredictions } from './tally.js';

/** A ratio, or null when it has no denominator (JSON has no NaN). */
export type Ratio = number | null;

export interface SpanScores {
  readonly precision: Ratio;
  readonly recall: Ratio;
  readonly f1: Ratio;
  readonly support: number;
}

/**
 * What `blouse eval guard --json` prints. The key set is a contract for scripts that compare
 * runs: keys are added (never renamed or removed), so that old figures stay comparable.
 */
export interface GuardMetrics {
  readonly posts: number;
  readonly verdict: {
    /** Share of gold `block` posts predicted `block`. */
    readonly blockRecall: Ratio;
    /** Share of gold non-`ok` posts predicted non-`ok`. */
    readonly flagRecall: Ratio;
    /** Share of gold `ok` posts predicted non-`ok`. */
    readonly okFalseAlarmRate: Ratio;
    readonly accuracy: Ratio;
  };
  /** One entry per span type of FORMAT.md, then `micro` over all of them. */
  readonly spans: Readonly<Record<string, SpanScores>>;
  /** Per gold rule: share of the posts that break it where the guard cites it. */
  readonly rules: Readonly<Record<string, { readonly recall: Ratio; readonly support: number }>>;
  readonly category: { readonly accuracy: Ratio; readonly support: number };
  /**
   * Per rule family (SECRET, DEFAM…), over judged posts: a post counts for a family when it breaks
   * one of its rules (gold) or the guard cites one (predicted), whichever rule of the family.
   */
  readonly families: Readonly<Record<string, SpanScores>>;
  /** Ordinary text (placeholder verdicts): share of posts the guard alerts on. */
  readonly ordinary: { readonly alertRate: Ratio; readonly posts: number };
}

export function computeMetrics(predictions: readonly Prediction[]): GuardMetrics {
  return metricsFromTallies(tallyPredictions(predictions));
}

export function metricsFromTallies(tallies: EvalTallies): GuardMetrics {
  const v = tallies.verdict;
  const spans: Record<string, SpanScores> = {};
  const micro: SpanTally = { gold: 0, goldFound: 0, predicted: 0, predictedCorrect: 0 };
  for (const type of SPAN_TYPES) {
    const tally = tallies.spans[type];
    spans[type] = spanScores(tally);
    micro.gold += tally.gold;
    micro.goldFound += tally.goldFound;
    micro.predicted += tally.predicted;
    micro.predictedCorrect += tally.predictedCorrect;
  }
  spans.micro = spanScores(micro);

  const rules: Record<string, { recall: Ratio; support: number }> = {};
  for (const rule of [...tallies.rules.keys()].sort()) {
    const entry = tallies.rules.get(rule);
    if (entry !== undefined)
      rules[rule] = { recall: rounded(ratio(entry.found, entry.support)), support: entry.support };
  }

  return {
    posts: tallies.posts,
    verdict: {
      blockRecall: rounded(ratio(v.blockCaught, v.goldBlock)),
      flagRecall: rounded(ratio(v.flagCaught, v.goldFlagged)),
      okFalseAlarmRate: rounded(ratio(v.okAlarmed, v.goldOk)),
      accuracy: rounded(ratio(v.exact, v.assessed)),
    },
    spans,
    rules,
    category: {
      accuracy: rounded(ratio(tallies.category.correct, tallies.category.support)),
      support: tallies.category.support,
    },
    families: familyScores(tallies),
    ordinary: {
      alertRate: rounded(ratio(tallies.ordinary.alerted, tallies.ordinary.posts)),
      posts: tallies.ordinary.posts,
    },
  };
}

function familyScores(tallies: EvalTallies): Record<string, SpanScores> {
  const scores: Record<string, SpanScores> = {};
  for (const [family, { truePositive, falsePositive, falseNegative }] of tallies.families) {
    const support = truePositive + falseNegative;
    if (support === 0 && falsePositive === 0) continue;
    const precision = ratio(truePositive, truePositive + falsePositive);
    const recall = ratio(truePositive, support);
    scores[family] = {
      precision: rounded(precision),
      recall: rounded(recall),
      f1: rounded(
        precision === null || recall === null || precision + recall === 0
          ? null
          : (2 * precision * recall) / (precision + recall),
      ),
      support,
    };
  }
  return scores;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return denominator === 0 ? null : numerator / denominator;
}

function spanScores(tally: SpanTally): SpanScores {
  const precision = ratio(tally.predictedCorrect, tally.predicted);
  const recall = ratio(tally.goldFound, tally.gold);
  let f1: Ratio = null;
  if (precision !== null && recall !== null) {
    f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { precision: rounded(precision), recall: rounded(recall), f1: rounded(f1), support: tally.gold };
}

/** Four decimals: enough to compare runs, short enough to read a diff of two JSON outputs. */
function rounded(value: Ratio): Ratio {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}
