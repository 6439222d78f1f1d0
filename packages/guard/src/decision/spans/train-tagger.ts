import type { EvalRecord } from '../../eval/record.js';
import type { Inspection } from '../../inspect.js';
import type { Lemmatizer } from '../features.js';
import type { SerializedHead, SerializedModel } from '../model.js';
import { foldOf } from '../train/examples.js';
import { DEFAULT_FTRL, type FtrlOptions, score, type TrainingExample, trainLogistic } from '../train/ftrl.js';
import { runsAtOrAbove, TAGGED_TYPES, type TaggedType } from './tagger.js';
import { tokenFeatures, type WordClassesOf } from './token-features.js';

export interface TaggerTrainingPost {
  readonly record: EvalRecord;
  readonly inspection: Inspection;
}

export interface TaggerOptions {
  readonly ftrl: FtrlOptions;
  readonly folds: number;
  /** A feature must appear on this many words to get a weight. */
  readonly minCount: number;
}

export const DEFAULT_TAGGER_TRAINING: TaggerOptions = {
  ftrl: { ...DEFAULT_FTRL, epochs: 6, positiveWeight: 2 },
  folds: 5,
  minCount: 3,
};

export interface SpanFigures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Out-of-fold span figures per type: the recognizers alone, then with the tagger's spans added. */
export interface TaggerFigures {
  readonly posts: number;
  readonly words: number;
  /** The same figures per set (the prefix of the posts' ids), with each type's chosen thresholds. */
  readonly byGroup: Readonly<
    Record<string, Readonly<Record<string, { recognizers: SpanFigures; withTagger: SpanFigures }>>>
  >;
  readonly byType: Readonly<
    Record<
      TaggedType,
      {
        /** A recognizer's span is kept when the tagger gives one of its words at least this. */
        readonly keep: number;
        /** A stretch of words at or above this is a span of its own. */
        readonly threshold: number;
        readonly recognizers: SpanFigures;
        readonly withTagger: SpanFigures;
      }
    >
  >;
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

interface PreparedWords {
  readonly post: TaggerTrainingPost;
  /** Word offsets in the text as given (gold spans are written against it). */
  readonly words: readonly Interval[];
  readonly features: readonly string[][];
  readonly labels: ReadonlyMap<TaggedType, readonly boolean[]>;
  readonly gold: ReadonlyMap<TaggedType, readonly Interval[]>;
  readonly recognized: ReadonlyMap<TaggedType, readonly Interval[]>;
}

/**
 * Trains the span tagger on the posts whose spans were annotated (judged posts that break a
 * rule: by the format, an `ok` post carries no span, so its words say nothing about spans),
 * picks each type's threshold on out-of-fold probabilities to maximise span F1 (overlap, as
 * `blouse eval guard` counts it) with the recognizers' spans kept, and retrains on everything.
 */
export function trainSpanTagger(
  posts: readonly TaggerTrainingPost[],
  lemma: Lemmatizer,
  classesOf: WordClassesOf,
  provenance: Record<string, unknown>,
  options: TaggerOptions = DEFAULT_TAGGER_TRAINING,
): { readonly model: SerializedModel; readonly figures: TaggerFigures } {
  const prepared = posts
    .filter((post) => post.record.verdictAssessed && post.record.verdict !== 'ok')
    .map((post) => prepareWords(post, lemma, classesOf));

  const counts = new Map<string, number>();
  for (const post of prepared)
    for (const names of post.features)
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const vocabulary = [...counts.entries()]
    .filter(([, count]) => count >= options.minCount)
    .map(([name]) => name)
    .sort();
  const index = new Map(vocabulary.map((name, i) => [name, i] as const));
  const indicesOf = prepared.map((post) =>
    post.features.map((names) => names.flatMap((n) => index.get(n) ?? [])),
  );

  const fit = (type: TaggedType, keep: (i: number) => boolean): Float64Array => {
    const examples: TrainingExample[] = [];
    prepared.forEach((post, i) => {
      if (!keep(i)) return;
      const labels = post.labels.get(type) as readonly boolean[];
      (indicesOf[i] as number[][]).forEach((features, w) => {
        examples.push({ features, scale: 1, label: labels[w] === true });
      });
    });
    return trainLogistic(examples, vocabulary.length, options.ftrl);
  };

  const foldOfPost = prepared.map((post) => foldOf(post.post.record.id, options.folds));
  const byType = {} as Record<TaggedType, TaggerFigures['byType'][TaggedType]>;
  const heads: Record<string, SerializedHead> = {};
  const byGroup: Record<string, Record<string, { recognizers: SpanFigures; withTagger: SpanFigures }>> = {};
  for (const type of TAGGED_TYPES) {
    const oof = prepared.map((post) => new Float64Array(post.words.length));
    for (let fold = 0; fold < options.folds; fold++) {
      const weights = fit(type, (i) => foldOfPost[i] !== fold);
      prepared.forEach((_, i) => {
        if (foldOfPost[i] !== fold) return;
        (indicesOf[i] as number[][]).forEach((features, w) => {
          (oof[i] as Float64Array)[w] = score(weights, features, 1);
        });
      });
    }
    const recognizers = spanFigures(prepared, type, (i) => prepared[i]?.recognized.get(type) ?? []);
    let best = { keep: 0, threshold: 0.99, withTagger: recognizers };
    for (let keep = 0; keep < 0.96; keep += 0.1) {
      for (let threshold = 0.3; threshold < 0.96; threshold += 0.05) {
        const withTagger = spanFigures(prepared, type, (i) =>
          reportedSpans(prepared[i] as PreparedWords, type, oof[i] as Float64Array, keep, threshold),
        );
        if (withTagger.f1 > best.withTagger.f1)
          best = { keep: round(keep), threshold: round(threshold), withTagger };
      }
    }
    byType[type] = { keep: best.keep, threshold: best.threshold, recognizers, withTagger: best.withTagger };
    for (const group of new Set(prepared.map(groupOf))) {
      const members = prepared.filter((post) => groupOf(post) === group);
      const positions = prepared.flatMap((post, i) => (groupOf(post) === group ? [i] : []));
      byGroup[group] = {
        ...byGroup[group],
        [type]: {
          recognizers: spanFigures(members, type, (k) => members[k]?.recognized.get(type) ?? []),
          withTagger: spanFigures(members, type, (k) =>
            reportedSpans(
              members[k] as PreparedWords,
              type,
              oof[positions[k] as number] as Float64Array,
              best.keep,
              best.threshold,
            ),
          ),
        },
      };
    }
    const weights = fit(type, () => true);
    const head = {
      threshold: best.threshold,
      keep: best.keep,
      index: [] as number[],
      weight: [] as number[],
    };
    weights.forEach((weight, i) => {
      if (weight === 0) return;
      head.index.push(i);
      head.weight.push(Math.round(weight * 1e5) / 1e5);
    });
    heads[`span:${type}`] = head;
  }

  const figures: TaggerFigures = {
    posts: prepared.length,
    words: prepared.reduce((sum, post) => sum + post.words.length, 0),
    byType,
    byGroup,
  };
  return {
    model: {
      format: 'blouse-span-tagger/1',
      provenance: { ...provenance, crossValidated: figures },
      features: vocabulary,
      heads,
    },
    figures,
  };
}

function prepareWords(post: TaggerTrainingPost, lemma: Lemmatizer, classesOf: WordClassesOf): PreparedWords {
  const { composed, context, input, ruleFindings } = post.inspection;
  const features = tokenFeatures(
    { doc: input.doc, context, spans: input.spans, findings: ruleFindings },
    lemma,
    classesOf,
  );
  const back = (start: number, end: number): Interval =>
    composed.unchanged
      ? { start, end }
      : { start: composed.toOriginal(start), end: composed.toOriginalEnd(end) };
  const words = input.doc.tokens.slice(0, features.length).map((token) => back(token.start, token.end));
  const labels = new Map<TaggedType, boolean[]>();
  const gold = new Map<TaggedType, Interval[]>();
  const recognized = new Map<TaggedType, Interval[]>();
  for (const type of TAGGED_TYPES) {
    const goldOfType = post.record.spans.filter((span) => span.type === type);
    gold.set(type, goldOfType);
    labels.set(
      type,
      words.map((word) => goldOfType.some((span) => overlaps(span, word))),
    );
    recognized.set(
      type,
      input.spans.filter((span) => span.type === type).map((span) => back(span.start, span.end)),
    );
  }
  return { post, words, features, labels, gold, recognized };
}

/** Consecutive words at or above the threshold, as one stretch each. */
function runsAbove(post: PreparedWords, probabilities: Float64Array, threshold: number): Interval[] {
  return runsAtOrAbove(probabilities, threshold).map((run) => ({
    start: (post.words[run.first] as Interval).start,
    end: (post.words[run.last] as Interval).end,
  }));
}

/**
 * What a report would show for the type: the recognizers' spans the tagger does not doubt (some
 * word at `keep` or more), and the tagger's own stretches at `threshold` or more that add one.
 */
function reportedSpans(
  post: PreparedWords,
  type: TaggedType,
  probabilities: Float64Array,
  keep: number,
  threshold: number,
): Interval[] {
  const kept = (post.recognized.get(type) as readonly Interval[]).filter((span) =>
    post.words.some((word, w) => overlaps(word, span) && (probabilities[w] as number) >= keep),
  );
  const added = runsAbove(post, probabilities, threshold).filter(
    (run) => !kept.some((span) => overlaps(span, run)),
  );
  return [...kept, ...added];
}

/** Overlap precision and recall, as `blouse eval guard` counts them. */
function spanFigures(
  prepared: readonly PreparedWords[],
  type: TaggedType,
  reported: (i: number) => readonly Interval[],
): SpanFigures {
  let gold = 0;
  let found = 0;
  let predicted = 0;
  let correct = 0;
  prepared.forEach((post, i) => {
    const spans = reported(i);
    const golden = post.gold.get(type) as readonly Interval[];
    gold += golden.length;
    found += golden.filter((g) => spans.some((s) => overlaps(s, g))).length;
    predicted += spans.length;
    correct += spans.filter((s) => golden.some((g) => overlaps(s, g))).length;
  });
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : found / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

function groupOf(post: PreparedWords): string {
  return post.post.record.id.split('-')[0] ?? post.post.record.id;
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
