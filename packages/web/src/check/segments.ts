import type { Finding } from '../api/types';

export interface Segment {
  text: string;
  /** null for plain text; otherwise the strongest severity of the findings covering it. */
  severity: 'warn' | 'block' | null;
  /** The span types covering it, for the accessible description. */
  types: string[];
}

/**
 * Cuts the text at every span boundary so that overlapping spans from several findings still give
 * one flat sequence of <mark>s (HTML cannot nest them meaningfully), each with the worst severity.
 */
export function segmentsOf(text: string, findings: readonly Finding[]): Segment[] {
  const spans = findings.flatMap((finding) =>
    finding.spans
      .map((span) => ({
        start: Math.max(0, Math.min(text.length, span.start)),
        end: Math.max(0, Math.min(text.length, span.end)),
        type: span.type,
        severity: finding.severity,
      }))
      .filter((span) => span.end > span.start),
  );
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    const severity =
      covering.length === 0 ? null : covering.some((s) => s.severity === 'block') ? 'block' : 'warn';
    const types = [...new Set(covering.map((s) => s.type))];
    const previous = segments.at(-1);
    // Neighbours with the same marking read as one passage.
    if (previous && previous.severity === severity && previous.types.join() === types.join()) {
      previous.text += text.slice(start, end);
    } else {
      segments.push({ text: text.slice(start, end), severity, types });
    }
  }
  return segments;
}
