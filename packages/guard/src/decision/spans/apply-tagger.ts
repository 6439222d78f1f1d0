import type { Finding, Span } from '../../types.js';
import { familyOfRule } from '../families.js';
import type { Lemmatizer } from '../features.js';
import type { DecisionModel } from '../model.js';
import { runsAtOrAbove, TAGGED_TYPES, TAGGER_NAME, type TaggedType, wordProbabilities } from './tagger.js';
import { MAX_TAGGED_WORDS, type TokenFeatureInput, type WordClassesOf } from './token-features.js';

const EVIDENCE_FR: Record<TaggedType, string> = {
  PERSON: 'personne désignée, lue dans son contexte par le modèle appris',
  HEALTH: 'détail de santé, lu dans son contexte par le modèle appris',
};

/**
 * The person and health spans a flagged post's findings show, as the span tagger reads them:
 * a recognizer's span stays when the tagger does not doubt it (a word of it at the head's `keep`
 * or more: « Durand » in « rue Durand » goes), and the stretches the tagger reads on its own
 * (« le prof de SVT du lycée », « genou en vrac ») join the findings whose family cites such
 * spans. Other span types, which the recognizers find exactly, are left as they are.
 */
export function withTaggedSpans(
  findings: readonly Finding[],
  tagger: DecisionModel,
  input: TokenFeatureInput,
  lemma: Lemmatizer,
  classesOf?: WordClassesOf,
): Finding[] {
  const probabilities = wordProbabilities(tagger, input, lemma, classesOf);
  const tokens = input.doc.tokens;
  const read = Math.min(tokens.length, MAX_TAGGED_WORDS);
  const reach = read === 0 ? 0 : (tokens[read - 1] as { end: number }).end;
  const doubted = (span: Span): boolean => {
    // Past the words the tagger read, it has no opinion (a long text has thousands of spans there).
    if (span.start >= reach) return false;
    const perWord = probabilities.get(span.type as TaggedType);
    const head = tagger.heads.get(`span:${span.type}`);
    if (perWord === undefined || head === undefined || head.keep === undefined) return false;
    let seen = false;
    for (let w = 0; w < perWord.length; w++) {
      const token = tokens[w] as { start: number; end: number };
      if (token.start >= span.end) break;
      if (token.end <= span.start) continue;
      seen = true;
      if ((perWord[w] as number) >= head.keep) return false;
    }
    // A span between words (an emoji) is not doubted.
    return seen;
  };
  const kept = findings.map((finding) => ({
    ...finding,
    spans: finding.spans.filter((span) => !doubted(span)),
  }));

  const shown = kept.flatMap((finding) => finding.spans);
  for (const type of TAGGED_TYPES) {
    const perWord = probabilities.get(type);
    const head = tagger.heads.get(`span:${type}`);
    if (perWord === undefined || head === undefined) continue;
    const added = stretchesAbove(perWord, head.threshold, tokens, type).filter(
      (run) => !shown.some((span) => span.type === type && span.start < run.end && run.start < span.end),
    );
    if (added.length === 0) continue;
    for (const finding of kept) {
      if (familyOfRule(finding.rule)?.evidence.includes(type) !== true) continue;
      finding.spans = [...finding.spans, ...added].sort((a, b) => a.start - b.start);
    }
  }
  return kept;
}

function stretchesAbove(
  perWord: Float64Array,
  threshold: number,
  tokens: TokenFeatureInput['doc']['tokens'],
  type: TaggedType,
): Span[] {
  return runsAtOrAbove(perWord, threshold).map((run) => ({
    type,
    start: (tokens[run.first] as { start: number }).start,
    end: (tokens[run.last] as { end: number }).end,
    score: round(run.best),
    recognizer: TAGGER_NAME,
    evidence: EVIDENCE_FR[type],
  }));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
