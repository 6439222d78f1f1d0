import type { Category, Finding, Verdict } from '../../types.js';
import { categoryOf } from '../category.js';
import { decide, type LearnedDecision, MIN_WORDS } from '../decide.js';
import { EXACT_SPAN_TYPES, familiesOfRules, familyOfRule, RULE_FAMILIES } from '../families.js';
import { type Lemmatizer, MAX_WORDS } from '../features.js';
import { assembleModel, type DecisionModel, type SerializedHead, type SerializedModel } from '../model.js';
import { buildVocabulary, foldOf, type PreparedPost } from './examples.js';
import { DEFAULT_FTRL, type FtrlOptions, score, type TrainingExample, trainLogistic } from './ftrl.js';
import { type HeadSpec, headSpecs } from './heads.js';

export interface TrainOptions {
  readonly ftrl: FtrlOptions;
  readonly folds: number;
  /** A feature must appear in this many posts to get a weight. */
  readonly minCount: number;
  /** Recall counts this many times more than precision when a family's threshold is chosen. */
  readonly beta: number;
  /** Ceiling on false alarms over judged `ok` posts, out of fold. */
  readonly maxFalseAlarmRate: number;
  /** Ceiling on alerts over ordinary text (real tweets), out of fold. */
  readonly maxOrdinaryAlertRate: number;
}

export const DEFAULT_TRAINING: TrainOptions = {
  ftrl: DEFAULT_FTRL,
  folds: 5,
  minCount: 3,
  beta: 1.5,
  // 0.03 held every family's threshold higher than recall needed: out of fold, 0.035 gains 0.7
  // point of block recall and 1.1 of flag recall for 0.6 point of false alarms, and the four
  // first looks measured false alarms at or under the out-of-fold figure (target 0.05).
  maxFalseAlarmRate: 0.035,
  maxOrdinaryAlertRate: 0.005,
};

/** Out-of-fold figures for one way of deciding (the rules alone, or rules and model). */
export interface DecisionFigures {
  readonly blockRecall: number;
  readonly flagRecall: number;
  readonly okFalseAlarmRate: number;
  readonly ordinaryAlertRate: number;
  readonly categoryAccuracy: number;
  readonly families: Readonly<
    Record<string, { precision: number; recall: number; f1: number; support: number }>
  >;
}

export interface TrainingResult {
  readonly model: SerializedModel;
  readonly crossValidation: { readonly rulesOnly: DecisionFigures; readonly withModel: DecisionFigures };
  /** Each post's out-of-fold findings (rules, then the model's), to break the figures down by file. */
  readonly outOfFold: ReadonlyArray<{
    readonly rulesOnly: Finding[];
    readonly withModel: Finding[];
    readonly decision: LearnedDecision;
  }>;
}

const SEVERITY: Record<Verdict, number> = { ok: 0, warn: 1, block: 2 };

/**
 * Trains every head on the prepared posts, calibrates the thresholds on out-of-fold
 * probabilities (k-fold cross-validation), and retrains on everything for the shipped weights.
 */
export function trainDecisionModel(
  posts: readonly PreparedPost[],
  lemma: Lemmatizer,
  provenance: Record<string, unknown>,
  options: TrainOptions = DEFAULT_TRAINING,
): TrainingResult {
  const vocabulary = buildVocabulary(posts, options.minCount);
  const index = new Map(vocabulary.map((name, i) => [name, i] as const));
  // The bias comes first in every post's features (extractFeatures), so index 0 of each list.
  const featuresOf = posts.map((post) => post.featureNames.flatMap((name) => index.get(name) ?? []));
  const scaleOf = posts.map((post) => post.scale);
  const specs = headSpecs();

  const fit = (keep: (i: number) => boolean): Map<string, Float64Array> => {
    const weights = new Map<string, Float64Array>();
    for (const spec of specs) {
      const examples: TrainingExample[] = [];
      posts.forEach((post, i) => {
        if (!keep(i)) return;
        const label = spec.label(post);
        if (label !== undefined)
          examples.push({ features: featuresOf[i] as number[], scale: scaleOf[i] as number, label });
      });
      if (examples.filter((example) => example.label).length < 3) continue;
      weights.set(spec.name, trainLogistic(examples, vocabulary.length, options.ftrl));
    }
    return weights;
  };

  // Out-of-fold probabilities: each post scored by heads that never saw it.
  const foldOfPost = posts.map((post) => foldOf(post.record.id, options.folds));
  const foldWeights: Array<Map<string, Float64Array>> = [];
  const oof = new Map<string, Float64Array>(specs.map((spec) => [spec.name, new Float64Array(posts.length)]));
  for (let fold = 0; fold < options.folds; fold++) {
    const weights = fit((i) => foldOfPost[i] !== fold);
    foldWeights.push(weights);
    posts.forEach((_, i) => {
      if (foldOfPost[i] !== fold) return;
      for (const [name, w] of weights)
        (oof.get(name) as Float64Array)[i] = score(w, featuresOf[i] as number[], scaleOf[i] as number);
    });
  }

  const thresholds = calibrate(posts, specs, oof, options);
  const vetoes = calibrateVetoes(posts, oof, thresholds, options);
  const outOfFold = (thresholdSet: ReadonlyMap<string, number>): LearnedDecision[] => {
    const models = foldWeights.map((weights) => toDecisionModel(index, weights, thresholdSet, vetoes));
    return posts.map((post, i) => {
      const model = models[foldOfPost[i] as number] as DecisionModel;
      const { input, context, ruleFindings } = post.inspection;
      return decide(model, { doc: input.doc, context, spans: input.spans, findings: ruleFindings }, lemma);
    });
  };
  // Hold the false alarms under their ceilings by raising the noisiest family's threshold.
  let decisions = outOfFold(thresholds);
  for (let round = 0; round < 60; round++) {
    const noisiest = noisiestFamily(posts, decisions, options);
    if (noisiest === null) break;
    const name = `family:${noisiest}`;
    thresholds.set(name, Math.min(0.99, (thresholds.get(name) ?? 0.5) + 0.05));
    decisions = outOfFold(thresholds);
  }

  const rulesOnly = figures(
    posts,
    posts.map((post) => [...post.inspection.ruleFindings]),
    posts.map(() => null),
  );
  const withModel = figures(
    posts,
    posts.map((post, i) => modelFindings(post, decisions[i] as LearnedDecision)),
    decisions,
  );

  const finalWeights = fit(() => true);
  return {
    model: serialize(vocabulary, finalWeights, thresholds, vetoes, {
      ...provenance,
      crossValidation: { rulesOnly, withModel },
    }),
    crossValidation: { rulesOnly, withModel },
    outOfFold: posts.map((post, i) => ({
      rulesOnly: [...post.inspection.ruleFindings],
      withModel: modelFindings(post, decisions[i] as LearnedDecision),
      decision: decisions[i] as LearnedDecision,
    })),
  };
}

/** What a post's report holds with the model: the rules' findings it did not set aside, and its own. */
function modelFindings(post: PreparedPost, decision: LearnedDecision): Finding[] {
  return [
    ...post.inspection.ruleFindings.filter((finding) => !decision.vetoed.includes(finding.rule)),
    ...decision.findings,
  ];
}

/**
 * Per family, the score under which a rule's soft finding (no exact span cited) is set aside:
 * the value that maximises the family's F-beta out of fold, the model's own findings counted
 * at their threshold. 0 (no veto) unless setting findings aside does better; the hand-written
 * rules were tuned on the dev set, and on posts written apart they raise most false alarms.
 */
function calibrateVetoes(
  posts: readonly PreparedPost[],
  oof: ReadonlyMap<string, Float64Array>,
  thresholds: ReadonlyMap<string, number>,
  options: TrainOptions,
): Map<string, number> {
  const vetoes = new Map<string, number>();
  const b2 = options.beta * options.beta;
  for (const family of RULE_FAMILIES) {
    const name = `family:${family.id}`;
    const probabilities = oof.get(name);
    if (probabilities === undefined) continue;
    const threshold = thresholds.get(name) ?? 0.5;
    let best = { veto: 0, f: -1 };
    for (let veto = 0; veto <= 0.6001; veto += 0.05) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      posts.forEach((post, i) => {
        const label = familiesOfRules(post.record.rules).has(family.id);
        const p = probabilities[i] ?? 0;
        const words = post.inspection.input.doc.tokens.length;
        const longEnough = words >= MIN_WORDS && words <= MAX_WORDS;
        const raised = post.inspection.ruleFindings.some(
          (finding) =>
            familyOfRule(finding.rule)?.id === family.id &&
            (!longEnough || p >= veto || finding.spans.some((span) => EXACT_SPAN_TYPES.includes(span.type))),
        );
        const flagged = raised || (longEnough && p >= threshold);
        if (flagged && label) tp++;
        else if (flagged) fp++;
        else if (label) fn++;
      });
      const f = tp === 0 ? 0 : ((1 + b2) * tp) / ((1 + b2) * tp + b2 * fn + fp);
      if (f > best.f + 1e-9) best = { veto: Math.round(veto * 1000) / 1000, f };
    }
    if (best.veto > 0) vetoes.set(name, best.veto);
  }
  return vetoes;
}

function calibrate(
  posts: readonly PreparedPost[],
  specs: readonly HeadSpec[],
  oof: ReadonlyMap<string, Float64Array>,
  options: TrainOptions,
): Map<string, number> {
  const thresholds = new Map<string, number>();
  for (const spec of specs) {
    if (!spec.calibrated) continue;
    const probabilities = oof.get(spec.name) as Float64Array;
    const family = spec.name.startsWith('family:') ? spec.name.slice('family:'.length) : null;
    let best = { threshold: 0.5, f: -1 };
    for (let t = 0.1; t < 0.96; t += 0.025) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      posts.forEach((post, i) => {
        const label = spec.label(post);
        if (label === undefined) return;
        const raised =
          family !== null && post.inspection.ruleFindings.some((f) => familyOfRule(f.rule)?.id === family);
        const flagged = raised || (probabilities[i] ?? 0) >= t;
        if (flagged && label) tp++;
        else if (flagged) fp++;
        else if (label) fn++;
      });
      const b2 = options.beta * options.beta;
      const f = tp === 0 ? 0 : ((1 + b2) * tp) / ((1 + b2) * tp + b2 * fn + fp);
      if (f > best.f) best = { threshold: Math.round(t * 1000) / 1000, f };
    }
    thresholds.set(spec.name, best.threshold);
  }
  return thresholds;
}

/** The family that makes the most false alarms, while a ceiling is exceeded; null when none is. */
function noisiestFamily(
  posts: readonly PreparedPost[],
  decisions: readonly LearnedDecision[],
  options: TrainOptions,
): string | null {
  let judgedOk = 0;
  let falseAlarms = 0;
  let ordinary = 0;
  let ordinaryAlerts = 0;
  const blame = new Map<string, number>();
  posts.forEach((post, i) => {
    const decision = decisions[i] as LearnedDecision;
    const learned = decision.findings;
    const wrong = post.record.verdict === 'ok' && modelFindings(post, decision).length > 0;
    if (post.record.verdictAssessed && post.record.verdict === 'ok') {
      judgedOk++;
      if (wrong) falseAlarms++;
    }
    if (!post.record.verdictAssessed) {
      ordinary++;
      if (wrong) ordinaryAlerts++;
    }
    if (post.record.verdict === 'ok') {
      for (const finding of learned) {
        const family = familyOfRule(finding.rule)?.id as string;
        blame.set(family, (blame.get(family) ?? 0) + 1);
      }
    } else {
      const truth = familiesOfRules(post.record.rules);
      for (const finding of learned) {
        const family = familyOfRule(finding.rule)?.id as string;
        if (!truth.has(family)) blame.set(family, (blame.get(family) ?? 0) + 0.5);
      }
    }
  });
  const overOk = judgedOk > 0 && falseAlarms / judgedOk > options.maxFalseAlarmRate;
  const overOrdinary = ordinary > 0 && ordinaryAlerts / ordinary > options.maxOrdinaryAlertRate;
  if (!overOk && !overOrdinary) return null;
  const ranked = [...blame.entries()].sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? null;
}

function verdictOf(findings: readonly Finding[]): Verdict {
  let verdict: Verdict = 'ok';
  for (const finding of findings)
    if (SEVERITY[finding.severity] > SEVERITY[verdict]) verdict = finding.severity;
  return verdict;
}

export function figures(
  posts: readonly PreparedPost[],
  findingsOf: readonly Finding[][],
  decisions: ReadonlyArray<LearnedDecision | null>,
): DecisionFigures {
  let blocks = 0;
  let blocksCaught = 0;
  let alerts = 0;
  let alertsCaught = 0;
  let oks = 0;
  let falseAlarms = 0;
  let ordinary = 0;
  let ordinaryAlerts = 0;
  let categorized = 0;
  let categoryRight = 0;
  const perFamily = new Map<string, { tp: number; fp: number; fn: number }>(
    RULE_FAMILIES.map((family) => [family.id, { tp: 0, fp: 0, fn: 0 }]),
  );
  posts.forEach((post, i) => {
    const findings = findingsOf[i] as Finding[];
    const verdict = verdictOf(findings);
    const record = post.record;
    if (!record.verdictAssessed) {
      ordinary++;
      if (verdict !== 'ok') ordinaryAlerts++;
      return;
    }
    if (record.verdict === 'block') {
      blocks++;
      if (verdict === 'block') blocksCaught++;
    }
    if (record.verdict !== 'ok') {
      alerts++;
      if (verdict !== 'ok') alertsCaught++;
    } else {
      oks++;
      if (verdict !== 'ok') falseAlarms++;
    }
    const truth = familiesOfRules(record.rules);
    const predicted = new Set(findings.flatMap((finding) => familyOfRule(finding.rule)?.id ?? []));
    for (const [family, tally] of perFamily) {
      if (truth.has(family) && predicted.has(family)) tally.tp++;
      else if (predicted.has(family)) tally.fp++;
      else if (truth.has(family)) tally.fn++;
    }
    if (record.context === 'public' && record.category !== null) {
      const decision = decisions[i];
      if (decision !== null && decision !== undefined) {
        categorized++;
        if ((categoryOf(findings, decision) as Category) === record.category) categoryRight++;
      }
    }
  });
  const families: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  for (const [family, { tp, fp, fn }] of perFamily) {
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    families[family] = {
      precision: round(precision),
      recall: round(recall),
      f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
      support: tp + fn,
    };
  }
  return {
    blockRecall: round(blocksCaught / Math.max(1, blocks)),
    flagRecall: round(alertsCaught / Math.max(1, alerts)),
    okFalseAlarmRate: round(falseAlarms / Math.max(1, oks)),
    ordinaryAlertRate: round(ordinaryAlerts / Math.max(1, ordinary)),
    categoryAccuracy: round(categoryRight / Math.max(1, categorized)),
    families,
  };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function toDecisionModel(
  index: ReadonlyMap<string, number>,
  weights: ReadonlyMap<string, Float64Array>,
  thresholds: ReadonlyMap<string, number>,
  vetoes: ReadonlyMap<string, number>,
): DecisionModel {
  return assembleModel(
    index,
    [...weights].map(([name, w]) => ({
      name,
      threshold: thresholds.get(name) ?? 0.5,
      ...(vetoes.has(name) ? { veto: vetoes.get(name) as number } : {}),
      weights: (set) => {
        w.forEach((weight, feature) => {
          if (weight !== 0) set(feature, weight);
        });
      },
    })),
    {},
  );
}

/** Sparse, rounded, and only the features some head uses: the file ships in the package. */
function serialize(
  vocabulary: readonly string[],
  weights: ReadonlyMap<string, Float64Array>,
  thresholds: ReadonlyMap<string, number>,
  vetoes: ReadonlyMap<string, number>,
  provenance: Record<string, unknown>,
): SerializedModel {
  const used = new Set<number>();
  for (const w of weights.values()) {
    w.forEach((value, i) => {
      if (Math.round(value * 10000) !== 0) used.add(i);
    });
  }
  const kept = [...used].sort((a, b) => a - b);
  const newIndex = new Map(kept.map((old, i) => [old, i] as const));
  const heads: Record<string, SerializedHead> = {};
  for (const [name, w] of [...weights.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const index: number[] = [];
    const weight: number[] = [];
    w.forEach((value, i) => {
      const rounded = Math.round(value * 10000) / 10000;
      if (rounded === 0) return;
      index.push(newIndex.get(i) as number);
      weight.push(rounded);
    });
    const veto = vetoes.get(name);
    heads[name] = {
      threshold: thresholds.get(name) ?? 0.5,
      ...(veto === undefined ? {} : { veto }),
      index,
      weight,
    };
  }
  return {
    format: 'blouse-decision-model/1',
    provenance,
    features: kept.map((i) => vocabulary[i] as string),
    heads,
  };
}
