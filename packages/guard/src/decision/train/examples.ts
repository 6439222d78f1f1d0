import type { EvalRecord } from '../../eval/record.js';
import type { Inspection } from '../../inspect.js';
import { extractFeatures, type Lemmatizer, postScale } from '../features.js';

/** A labelled post as the trainer sees it: its features and what the rules already said. */
export interface PreparedPost {
  readonly record: EvalRecord;
  readonly inspection: Inspection;
  readonly featureNames: readonly string[];
  /** The value of its features but the bias and the context (see `postScale`). */
  readonly scale: number;
}

export function preparePost(record: EvalRecord, inspection: Inspection, lemma: Lemmatizer): PreparedPost {
  const { input, context, ruleFindings } = inspection;
  const featureInput = { doc: input.doc, context, spans: input.spans, findings: ruleFindings };
  const features = extractFeatures(featureInput, lemma);
  return {
    record,
    inspection,
    featureNames: features.map((feature) => feature.name),
    scale: postScale(featureInput),
  };
}

/**
 * The features worth a weight: seen in at least `minCount` posts. Rarer ones cannot be learned
 * from and only bloat the file. Sorted, so that the same data always gives the same indices.
 */
export function buildVocabulary(posts: readonly PreparedPost[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const post of posts)
    for (const name of post.featureNames) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .map(([name]) => name)
    .sort();
}

/**
 * Whether a record's verdict is a judgement: real tweets kept as negatives carry a placeholder
 * `ok` that says only « not about a hospital », never « checked ».
 */
export function isJudged(record: EvalRecord): boolean {
  return record.verdictAssessed;
}

/** Deterministic fold of a post for cross-validation (FNV-1a of its id). */
export function foldOf(id: string, folds: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % folds;
}
