import { ruleById } from '../rules/catalogue.js';
import { makeFinding } from '../rules/finding.js';
import { fold } from '../text/fold.js';
import type { Finding, Span } from '../types.js';
import { EXACT_SPAN_TYPES, familyOfRule, RULE_FAMILIES, type RuleFamily } from './families.js';
import { type FeatureInput, type Lemmatizer, MAX_WORDS } from './features.js';
import {
  type DecisionModel,
  headMargin,
  headMargins,
  type ModelHead,
  probabilityOf,
  weightOf,
} from './model.js';
import { type IndexedPost, indexPost, type LocatedFeature, locateWords } from './post-indexer.js';
import { sigmoid } from './train/ftrl.js';

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
  /**
   * The hand-written rules whose findings the model sets aside: soft ones (no exact span cited)
   * of a family the model scores below its veto, calibrated out of fold on posts written apart.
   */
  readonly vetoed: readonly string[];
}

const CUES_SHOWN = 3;
/** Below this many words a post carries too little evidence for the model to speak. */
export const MIN_WORDS = 4;

/**
 * The learned layer's decision over one post. The hand-written rules stay authoritative for what
 * they raise (their hits are also the model's strongest features); the model adds the families
 * they missed — a paraphrase, tu instead of vous, a nickname — with the detected spans that
 * show the breach, so a flagged post always says what to remove.
 */
export function decide(model: DecisionModel, input: FeatureInput, lemma: Lemmatizer): LearnedDecision {
  const indexed = indexPost(model, input, lemma);
  const isPublic = input.context === 'public';
  // Intent and flags are read for public posts only (the desk's categories).
  const margins = headMargins(model, indexed.indices, indexed.scale, isPublic ? 1 : 0);
  const raisedFamilies = new Set<string>();
  for (const finding of input.findings) {
    const family = familyOfRule(finding.rule);
    if (family !== undefined) raisedFamilies.add(family.id);
  }

  const familyScores: Record<string, number> = {};
  const findings: Finding[] = [];
  const vetoed: string[] = [];
  const longEnough = input.doc.tokens.length >= MIN_WORDS;
  // The model reads the first MAX_WORDS words: past them it has not read what a rule found.
  const readWhole = input.doc.tokens.length <= MAX_WORDS;
  for (const finding of input.findings) {
    const family = familyOfRule(finding.rule);
    const head = family === undefined ? undefined : model.heads.get(`family:${family.id}`);
    if (head?.veto === undefined || !longEnough || !readWhole) continue;
    if (finding.spans.some((span) => EXACT_SPAN_TYPES.includes(span.type))) continue;
    if (probabilityOf(margins, head) < head.veto) vetoed.push(finding.rule);
  }
  for (const family of RULE_FAMILIES) {
    const head = model.heads.get(`family:${family.id}`);
    if (head === undefined) continue;
    const probability = probabilityOf(margins, head);
    familyScores[family.id] = probability;
    if (probability < head.threshold || raisedFamilies.has(family.id)) continue;
    // Too few words to judge, or a breach of a person's privacy with no detail of a person to show.
    if (!longEnough) continue;
    if (family.needsEvidence && !input.spans.some((span) => family.evidence.includes(span.type))) continue;
    if (family.needsCue !== undefined && !family.needsCue.test(input.doc.folded)) continue;
    findings.push(learnedFinding(model, family, indexed, input, lemma));
  }

  let intent: Intent = 'INFO';
  if (!isPublic) return { findings, familyScores, intent, threat: false, vetoed };
  let best = -1;
  for (const candidate of INTENTS) {
    const head = model.heads.get(`intent:${candidate}`);
    if (head === undefined) continue;
    const probability = probabilityOf(margins, head);
    if (probability > best) {
      best = probability;
      intent = candidate;
    }
  }
  const threatHead = model.heads.get('flag:THREAT');
  const threat = threatHead !== undefined && probabilityOf(margins, threatHead) >= threatHead.threshold;
  return { findings, familyScores, intent, threat, vetoed };
}

function learnedFinding(
  model: DecisionModel,
  family: RuleFamily,
  indexed: IndexedPost,
  input: FeatureInput,
  lemma: Lemmatizer,
): Finding {
  const spans = input.spans;
  const rule = pickRule(model, family, indexed);
  const head = model.heads.get(`family:${family.id}`) as ModelHead;
  const cues = strongestCues(model, head, locateWords(model, input, lemma), spans, input.doc.text);
  const evidence = spans.filter((span) => family.evidence.includes(span.type));
  const definition = ruleById(rule);
  const quoted = cues.map((cue) => `« ${cue} »`);
  return makeFinding(rule, evidence, {
    source: 'model',
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
function pickRule(model: DecisionModel, family: RuleFamily, indexed: IndexedPost): string {
  let chosen = family.rules[0] as string;
  if (family.rules.length === 1) return chosen;
  let best = -1;
  for (const rule of family.rules) {
    const head = model.heads.get(`rule:${rule}`);
    if (head === undefined) continue;
    const probability = sigmoid(headMargin(model, head, indexed.indices, indexed.scale));
    if (probability > best) {
      best = probability;
      chosen = rule;
    }
  }
  return chosen;
}

/**
 * Forms of the commonest verbs: they weigh in the model (« est » beside a name and a ward), but
 * quoted alone as a cue they explain nothing to the writer.
 */
export const UNQUOTED_CUES: ReadonlySet<string> = new Set(
  'est es suis sont sommes etes etait etaient ete etre sera seront serait a as ai ont avons avez avait avaient avoir aura auront fait faire va vont vais'.split(
    ' ',
  ),
);

/**
 * The words that weigh most for the family, quoted as written, so the author sees why: the
 * spans are already shown, so cues inside them are skipped, and so are the commonest verbs.
 */
function strongestCues(
  model: DecisionModel,
  head: ModelHead,
  located: readonly LocatedFeature[],
  spans: readonly Span[],
  text: string,
): string[] {
  const ranked = located
    .map((feature) => ({ weight: weightOf(model, head, feature.index), feature }))
    .filter(({ weight }) => weight > 0.05)
    .sort((a, b) => b.weight - a.weight);
  const cues: Array<{ start: number; end: number }> = [];
  for (const { feature } of ranked) {
    const { start, end } = feature;
    if (spans.some((span) => span.start <= start && end <= span.end)) continue;
    if (cues.some((cue) => cue.start < end && start < cue.end)) continue;
    if (UNQUOTED_CUES.has(fold(text.slice(start, end)))) continue;
    cues.push({ start, end });
    if (cues.length === CUES_SHOWN) break;
  }
  return cues.sort((a, b) => a.start - b.start).map((cue) => text.slice(cue.start, cue.end));
}
