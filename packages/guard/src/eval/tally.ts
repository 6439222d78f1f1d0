import { familiesOfRules, RULE_FAMILIES } from '../decision/families.js';
import { type Report, SPAN_TYPES, type SpanType } from '../types.js';
import type { EvalRecord, GoldSpan } from './record.js';

/** What the guard said about one record. */
export interface Prediction {
  readonly record: EvalRecord;
  readonly report: Pick<Report, 'verdict' | 'spans' | 'findings' | 'category'> &
    Partial<Pick<Report, 'detected'>>;
}

export interface SpanTally {
  /** Gold spans of the type (the support). */
  gold: number;
  /** Gold spans overlapped by a predicted span of the same type. */
  goldFound: number;
  predicted: number;
  /** Predicted spans that overlap a gold span of the same type. */
  predictedCorrect: number;
}

/**
 * The counts every metric is a ratio of. Kept apart from the ratios so that a readable table can
 * show "12 / 40" next to "30 %".
 */
export interface EvalTallies {
  posts: number;
  verdict: {
    /** Posts whose verdict is a judgement (not an external placeholder). */
    assessed: number;
    exact: number;
    goldBlock: number;
    blockCaught: number;
    goldFlagged: number;
    flagCaught: number;
    goldOk: number;
    okAlarmed: number;
  };
  /** Over posts whose spans were annotated. */
  spans: Record<SpanType, SpanTally>;
  rules: Map<string, { support: number; found: number }>;
  /** Per rule family, over judged posts: the family is breached (gold) and cited (predicted). */
  families: Map<string, { truePositive: number; falsePositive: number; falseNegative: number }>;
  category: { support: number; correct: number };
  /** Posts whose verdict is only a placeholder: ordinary text, read for false alarms. */
  ordinary: { posts: number; alerted: number };
  /** Predicted spans on posts nobody annotated, by type. */
  unannotated: { posts: number; predicted: Record<SpanType, number> };
}

export function tallyPredictions(predictions: readonly Prediction[]): EvalTallies {
  const tallies = emptyTallies();
  for (const prediction of predictions) {
    tallies.posts += 1;
    tallyVerdict(tallies, prediction);
    tallySpans(tallies, prediction);
    tallyCategory(tallies, prediction);
  }
  return tallies;
}

function emptyTallies(): EvalTallies {
  const spans = {} as Record<SpanType, SpanTally>;
  const predicted = {} as Record<SpanType, number>;
  for (const type of SPAN_TYPES) {
    spans[type] = { gold: 0, goldFound: 0, predicted: 0, predictedCorrect: 0 };
    predicted[type] = 0;
  }
  return {
    posts: 0,
    verdict: {
      assessed: 0,
      exact: 0,
      goldBlock: 0,
      blockCaught: 0,
      goldFlagged: 0,
      flagCaught: 0,
      goldOk: 0,
      okAlarmed: 0,
    },
    spans,
    rules: new Map(),
    families: new Map(
      RULE_FAMILIES.map((family) => [family.id, { truePositive: 0, falsePositive: 0, falseNegative: 0 }]),
    ),
    category: { support: 0, correct: 0 },
    ordinary: { posts: 0, alerted: 0 },
    unannotated: { posts: 0, predicted },
  };
}

function tallyVerdict(tallies: EvalTallies, { record, report }: Prediction): void {
  const predicted = report.verdict;
  if (!record.verdictAssessed) {
    tallies.ordinary.posts += 1;
    if (predicted !== 'ok') tallies.ordinary.alerted += 1;
    return;
  }
  const v = tallies.verdict;
  v.assessed += 1;
  if (predicted === record.verdict) v.exact += 1;
  if (record.verdict === 'block') {
    v.goldBlock += 1;
    if (predicted === 'block') v.blockCaught += 1;
  }
  if (record.verdict === 'ok') {
    v.goldOk += 1;
    if (predicted !== 'ok') v.okAlarmed += 1;
  } else {
    v.goldFlagged += 1;
    if (predicted !== 'ok') v.flagCaught += 1;
  }

  const predictedRules = new Set(report.findings.map((finding) => finding.rule));
  for (const rule of new Set(record.rules)) {
    const entry = tallies.rules.get(rule) ?? { support: 0, found: 0 };
    entry.support += 1;
    if (predictedRules.has(rule)) entry.found += 1;
    tallies.rules.set(rule, entry);
  }
  const goldFamilies = familiesOfRules(record.rules);
  const predictedFamilies = familiesOfRules([...predictedRules]);
  for (const [family, tally] of tallies.families) {
    if (goldFamilies.has(family) && predictedFamilies.has(family)) tally.truePositive += 1;
    else if (predictedFamilies.has(family)) tally.falsePositive += 1;
    else if (goldFamilies.has(family)) tally.falseNegative += 1;
  }
}

function tallySpans(tallies: EvalTallies, { record, report }: Prediction): void {
  if (record.annotated === 'none') {
    tallies.unannotated.posts += 1;
    for (const span of report.spans) tallies.unannotated.predicted[span.type] += 1;
    return;
  }
  // Sets annotated for anonymisation (every name, every date) but not for rules measure what the
  // guard detects; sets annotated for rules measure what it reports as a breach.
  const predicted = record.verdictAssessed ? report.spans : (report.detected ?? report.spans);
  for (const gold of record.spans) {
    const tally = tallies.spans[gold.type];
    tally.gold += 1;
    if (predicted.some((span) => sameTypeOverlap(span, gold))) tally.goldFound += 1;
  }
  for (const span of predicted) {
    const tally = tallies.spans[span.type];
    tally.predicted += 1;
    if (record.spans.some((gold) => sameTypeOverlap(span, gold))) tally.predictedCorrect += 1;
  }
}

function tallyCategory(tallies: EvalTallies, { record, report }: Prediction): void {
  if (record.category === null) return;
  tallies.category.support += 1;
  if (report.category === record.category) tallies.category.correct += 1;
}

/** Overlap, not exact match: "Mme Durand" found as "Durand" still protects the patient. */
export function sameTypeOverlap(a: GoldSpan, b: GoldSpan): boolean {
  return a.type === b.type && a.start < b.end && b.start < a.end;
}
