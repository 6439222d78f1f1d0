import type { RecognizerContext } from './recognizers/recognizer.js';
import type { GuardDocument } from './text/document.js';
import type { Span } from './types.js';

/** Spans below this score are dropped before the rules see them. */
export const MIN_SPAN_SCORE = 0.5;

/**
 * Keeps the spans worth reasoning about: inside the text, confident enough, and, where two
 * spans of the same type overlap, the stronger one.
 */
export function resolveSpans(spans: readonly Span[], doc: GuardDocument, _ctx: RecognizerContext): Span[] {
  const valid = spans.filter(
    (span) =>
      span.start >= 0 && span.end <= doc.text.length && span.start < span.end && span.score >= MIN_SPAN_SCORE,
  );
  valid.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
  const kept: Span[] = [];
  for (const span of valid) {
    const clash = kept.some(
      (other) => other.type === span.type && other.start < span.end && span.start < other.end,
    );
    if (!clash) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
