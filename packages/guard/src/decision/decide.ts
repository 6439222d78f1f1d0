import { ruleById } from '../rules/catalogue.js';
import { makeFinding } from '../rules/finding.js';
import type { Finding, Span } from '../types.js';
import { familyOfRule, RULE_FAMILIES, type RuleFamily } from './families.js';
import { extractFeatures, type Feature, type FeatureInput, type Lemmatizer } from './features.js';
import { type DecisionModel, headProbability, type ModelHead } from './model.js';
import { featureScale } from './train/ftrl.js';

export const INTENTS = ['COMPLAINT', 'RUMOR', 'PRAISE', 'QUESTION', 'INFO'] as const;
export type Intent = (typeof INTENTS)[number];

/** What a post does to people, each a label of its own: a complaint can also defame. */
export const BREACH_FLAGS = ['THREAT', 'DOXXING', 'DEFAMATION', 'PRIVACY_BREACH'] as const;
export type BreachFlag = (typeof BREACH_FLAGS)[number];

export interface LearnedDecision {
  /** Findings for the families the model flags and no hand-written rule raised. */
  readonly findings: readonly Finding[];
  /** Each family's probability, for evaluation and explanations. */
  readonly familyScores: Readonly<Record<string, number>>;
  /** What the post is for, read by its own classifier (public posts). */
  readonly intent: Intent;
  /** The threat head's own call; the other flags follow from the findings. */
  readonly threat: boolean;
}

const CUES_SHOWN = 3;
/** Below this many words a post carries too little evidence for the model to speak. */
const MIN_WORDS = 4;

/**
 * The learned layer's decision over one post. The hand-written rules stay authoritative for what
 * they raise (their hits are also the model's strongest features); the model adds the families
 * they missed — a paraphrase, tu instead of vous, a nickname — with the detected spans that
 * show the breach, so a flagged post always says what to remove.
 */
export function decide(model: DecisionModel, input: FeatureInput, lemma: Lemmatizer): LearnedDecision {
  const features = extractFeatures(input, lemma);
  const indexed = withCues(model, features);
  const raisedFamilies = new Set<string>();
  for (const finding of input.findings) {
    const family = familyOfRule(finding.rule);
    if (family !== undefined) raisedFamilies.add(family.id);
  }

  const familyScores: Record<string, number> = {};
  const findings: Finding[] = [];
  for (const family of RULE_FAMILIES) {
    const head = model.heads.get(`family:${family.id}`);
    if (head === undefined) continue;
    const probability = headProbability(head, indexed.indices, indexed.scale);
    familyScores[family.id] = probability;
    if (probability < head.threshold || raisedFamilies.has(family.id)) continue;
    // Too few words to judge, or a breach of a person's privacy with no detail of a person to show.
    if (input.doc.tokens.length < MIN_WORDS) continue;
    if (family.needsEvidence && !input.spans.some((span) => family.evidence.includes(span.type))) continue;
    findings.push(learnedFinding(model, family, indexed, input));
  }

  let intent: Intent = 'INFO';
  let best = -1;
  for (const candidate of INTENTS) {
    const head = model.heads.get(`intent:${candidate}`);
    if (head === undefined) continue;
    const probability = headProbability(head, indexed.indices, indexed.scale);
    if (probability > best) {
      best = probability;
      intent = candidate;
    }
  }
  const threatHead = model.heads.get('flag:THREAT');
  const threat =
    threatHead !== undefined &&
    headProbability(threatHead, indexed.indices, indexed.scale) >= threatHead.threshold;
  return { findings, familyScores, intent, threat };
}

interface IndexedFeatures {
  readonly indices: number[];
  readonly scale: number;
  /** The features that stand somewhere in the text, with their index, to quote as cues. */
  readonly located: Array<{ readonly index: number; readonly feature: Feature }>;
}

function withCues(model: DecisionModel, features: readonly Feature[]): IndexedFeatures {
  const indices: number[] = [];
  const located: IndexedFeatures['located'] = [];
  for (const feature of features) {
    const index = model.featureIndex.get(feature.name);
    if (index === undefined) continue;
    indices.push(index);
    if (feature.start !== undefined) located.push({ index, feature });
  }
  return { indices, located, scale: featureScale(features.length) };
}

function learnedFinding(
  model: DecisionModel,
  family: RuleFamily,
  features: IndexedFeatures,
  input: FeatureInput,
): Finding {
  const spans = input.spans;
  const rule = pickRule(model, family, features);
  const head = model.heads.get(`family:${family.id}`) as ModelHead;
  const cues = strongestCues(head, features, spans, input.doc.text);
  const evidence = spans.filter((span) => family.evidence.includes(span.type));
  const definition = ruleById(rule);
  const quoted = cues.map((cue) => `« ${cue} »`);
  return makeFinding(rule, evidence, {
    explanation: {
      fr:
        quoted.length > 0
          ? `${definition.explanation.fr} Indices relevés : ${quoted.join(', ')}.`
          : definition.explanation.fr,
      en:
        quoted.length > 0
          ? `${definition.explanation.en} Cues found: ${quoted.join(', ')}.`
          : definition.explanation.en,
    },
  });
}

/** Which rule of a family to cite: its own head decides among several, the only one otherwise. */
function pickRule(model: DecisionModel, family: RuleFamily, features: IndexedFeatures): string {
  let chosen = family.rules[0] as string;
  if (family.rules.length === 1) return chosen;
  let best = -1;
  for (const rule of family.rules) {
    const head = model.heads.get(`rule:${rule}`);
    if (head === undefined) continue;
    const probability = headProbability(head, features.indices, features.scale);
    if (probability > best) {
      best = probability;
      chosen = rule;
    }
  }
  return chosen;
}

/**
 * The words that weigh most for the family, quoted as written, so the author sees why: the
 * spans are already shown, so cues inside them are skipped.
 */
function strongestCues(
  head: ModelHead,
  features: IndexedFeatures,
  spans: readonly Span[],
  text: string,
): string[] {
  const ranked = features.located
    .map(({ index, feature }) => ({ weight: head.weights[index] ?? 0, feature }))
    .filter(({ weight }) => weight > 0.05)
    .sort((a, b) => b.weight - a.weight);
  const cues: Array<{ start: number; end: number }> = [];
  for (const { feature } of ranked) {
    const start = feature.start as number;
    const end = feature.end as number;
    if (spans.some((span) => span.start <= start && end <= span.end)) continue;
    if (cues.some((cue) => cue.start < end && start < cue.end)) continue;
    cues.push({ start, end });
    if (cues.length === CUES_SHOWN) break;
  }
  return cues.sort((a, b) => a.start - b.start).map((cue) => text.slice(cue.start, cue.end));
}
