import type { RecognizerContext } from './recognizers/recognizer.js';
import type { GuardDocument } from './text/document.js';
import { foldKey } from './text/fold.js';
import { tokensOf } from './text/words.js';
import type { Span } from './types.js';

/** Spans below this score are dropped before the rules see them. */
export const MIN_SPAN_SCORE = 0.5;

const TITLE = /^(?:mme|madame|m|mr|monsieur|mlle|dr|docteur|pr|professeur|me)\.?$/u;

/**
 * Keeps the spans worth reasoning about: inside the text, confident enough, not one of the
 * establishment's allowed names and, where two spans of the same type overlap, the stronger one.
 */
export function resolveSpans(spans: readonly Span[], doc: GuardDocument, ctx: RecognizerContext): Span[] {
  const allowed = allowedNames(ctx);
  const valid = spans.filter(
    (span) =>
      span.start >= 0 &&
      span.end <= doc.text.length &&
      span.start < span.end &&
      span.score >= MIN_SPAN_SCORE &&
      !(span.type === 'PERSON' && isAllowed(doc.folded.slice(span.start, span.end), allowed)) &&
      !(span.type === 'HANDLE' && isAllowed(doc.folded.slice(span.start + 1, span.end), allowed)),
  );
  return keepStrongestOfOverlaps(valid).sort((a, b) => a.start - b.start);
}

/**
 * Among spans of the same type that overlap, keeps the strongest (then the longest). Spans are
 * first grouped into clusters of overlapping spans, so the quadratic choice only ever runs on a
 * handful of spans: a megabyte of text stays linear.
 */
function keepStrongestOfOverlaps(spans: readonly Span[]): Span[] {
  const byType = new Map<string, Span[]>();
  for (const span of spans) {
    const list = byType.get(span.type);
    if (list === undefined) byType.set(span.type, [span]);
    else list.push(span);
  }
  const kept: Span[] = [];
  for (const list of byType.values()) {
    list.sort((a, b) => a.start - b.start);
    let cluster: Span[] = [];
    let clusterEnd = -1;
    for (const span of list) {
      if (span.start >= clusterEnd && cluster.length > 0) {
        kept.push(...chooseInCluster(cluster));
        cluster = [];
      }
      cluster.push(span);
      clusterEnd = Math.max(clusterEnd, span.end);
    }
    kept.push(...chooseInCluster(cluster));
  }
  return kept;
}

function chooseInCluster(cluster: Span[]): Span[] {
  if (cluster.length <= 1) return cluster;
  const ordered = [...cluster].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
  const chosen: Span[] = [];
  for (const span of ordered) {
    if (!chosen.some((other) => other.start < span.end && span.start < other.end)) chosen.push(span);
  }
  return chosen;
}

/**
 * Each allowed person as its name words (titles dropped): "Pr Hélène Morvan" → helene, morvan.
 * The establishment's own names are not people and are not listed here.
 */
function allowedNames(ctx: RecognizerContext): string[][] {
  const lists = ctx.options?.establishment;
  const entries = [...asStrings(lists?.consentingStaff), ...asStrings(lists?.publicFigures)];
  return entries.map(nameWords).filter((words) => words.length > 0);
}

/** Options come from callers in plain JavaScript too: keep only the strings of a list. */
function asStrings(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

function nameWords(text: string): string[] {
  return tokensOf(foldKey(text)).filter((word) => !TITLE.test(word));
}

/**
 * A span is an allowed person when it names the whole entry ("Hélène Morvan"), or is the
 * entry's surname after a practitioner's title ("le Pr Morvan", "Dr Morvan"). A first name
 * alone ("mamie Hélène"), or the surname after another title ("Mme Morvan"), is not enough: the
 * allow-list must never hide a patient who shares a word with a member of staff.
 */
function isAllowed(spanText: string, allowed: readonly string[][]): boolean {
  const words = nameWords(spanText);
  if (words.length === 0) return false;
  const titled = /^(?:dr|dre|pr|docteur|docteure|professeur|professeure)\b/u.test(foldKey(spanText));
  return allowed.some((entry) => {
    const surname = entry[entry.length - 1];
    const wholeEntry =
      entry.every((word) => words.includes(word)) && words.every((word) => entry.includes(word));
    const titledSurname = titled && words.length === 1 && words[0] === surname;
    return wholeEntry || titledSurname;
  });
}
