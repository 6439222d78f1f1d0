import type { Report, Span } from '@blouse/guard';
import { spanLabel } from './labels.js';

export interface Highlight {
  readonly start: number;
  readonly end: number;
  /** Labels of the spans merged here, in text order, once each. */
  readonly labels: readonly string[];
  /** The gravest finding citing one of the spans. */
  readonly severity: 'warn' | 'block';
}

const ANSI = {
  reset: '\u001b[0m',
  dim: '\u001b[2m',
  block: '\u001b[1;97;41m',
  warn: '\u001b[1;30;43m',
} as const;

/**
 * The stretches to show, one per run of overlapping spans (a name inside an address is one
 * highlight with both labels), clamped to the text.
 */
export function highlightsOf(report: Pick<Report, 'spans' | 'findings'>, textLength: number): Highlight[] {
  const severityOf = new Map<string, 'warn' | 'block'>();
  for (const finding of report.findings) {
    for (const span of finding.spans) {
      const key = spanKey(span);
      if (severityOf.get(key) !== 'block') severityOf.set(key, finding.severity);
    }
  }
  const spans = report.spans
    .map((span) => ({ span, start: Math.max(0, span.start), end: Math.min(textLength, span.end) }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const highlights: { start: number; end: number; labels: string[]; severity: 'warn' | 'block' }[] = [];
  for (const { span, start, end } of spans) {
    const label = spanLabel(span.type);
    const severity = severityOf.get(spanKey(span)) ?? 'warn';
    const last = highlights.at(-1);
    if (last !== undefined && start < last.end) {
      last.end = Math.max(last.end, end);
      if (!last.labels.includes(label)) last.labels.push(label);
      if (severity === 'block') last.severity = 'block';
    } else {
      highlights.push({ start, end, labels: [label], severity });
    }
  }
  return highlights;
}

/**
 * The text with its highlights: coloured for a terminal, otherwise ⟦…⟧ followed by the labels,
 * which survive a copy into an e-mail or a ticket.
 */
export function renderHighlighted(text: string, highlights: readonly Highlight[], colour: boolean): string {
  let out = '';
  let cursor = 0;
  for (const { start, end, labels, severity } of highlights) {
    out += text.slice(cursor, start);
    const stretch = text.slice(start, end);
    const label = labels.join('+');
    out += colour
      ? `${ANSI[severity]}${stretch}${ANSI.reset}${ANSI.dim}(${label})${ANSI.reset}`
      : `⟦${stretch}⟧(${label})`;
    cursor = end;
  }
  return out + text.slice(cursor);
}

export function paint(text: string, tone: 'ok' | 'warn' | 'block', colour: boolean): string {
  if (!colour) return text;
  const code = tone === 'ok' ? '\u001b[1;32m' : tone === 'warn' ? '\u001b[1;33m' : '\u001b[1;31m';
  return `${code}${text}${ANSI.reset}`;
}

function spanKey(span: Span): string {
  return `${span.type}:${span.start}:${span.end}`;
}
