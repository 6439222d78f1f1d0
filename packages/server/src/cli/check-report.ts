import type { Finding, Report } from '@blouse/guard';
import { indent, oneLine, printable } from './display-text.js';
import { highlightsOf, paint, renderHighlighted } from './highlight.js';
import { CATEGORY_LABELS, CONTEXT_LABELS, SEVERITY_LABELS, spanLabel, VERDICT_LABELS } from './labels.js';

/**
 * The report of `blouse check` for a person: their text with what is at stake highlighted, the
 * verdict, then each finding with its rule, why it matters and how to fix it.
 */
export function renderCheckReport(text: string, report: Report, colour: boolean): string {
  const shown = printable(text);
  const lines: string[] = [`Contexte : ${CONTEXT_LABELS[report.context]}`, ''];

  if (text.trim() === '') {
    lines.push('Le texte est vide : rien à vérifier.');
  } else {
    lines.push(
      'Texte vérifié :',
      indent(renderHighlighted(shown, highlightsOf(report, text.length), colour)),
    );
  }
  lines.push('', `Verdict : ${paint(VERDICT_LABELS[report.verdict], report.verdict, colour)}`);
  if (report.category !== null) lines.push(`Classement : ${CATEGORY_LABELS[report.category]}`);

  if (report.findings.length === 0) {
    lines.push('', 'Aucun problème relevé.');
  } else {
    const count = report.findings.length;
    lines.push('', count === 1 ? '1 problème relevé :' : `${count} problèmes relevés :`);
    report.findings.forEach((finding, index) => {
      lines.push('', ...renderFinding(finding, index + 1, shown, colour));
    });
    if (report.spans.length > 0) {
      lines.push('', 'Texte avec les éléments sensibles masqués :', indent(printable(report.redacted)));
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderFinding(finding: Finding, number: number, text: string, colour: boolean): string[] {
  const severity = paint(SEVERITY_LABELS[finding.severity], finding.severity, colour);
  const lines = [
    `${number}. ${finding.rule} (${severity})`,
    `   Pourquoi : ${oneLine(finding.explanation.fr)}`,
  ];
  if (finding.spans.length > 0) {
    const cited = finding.spans.map(
      (span) => `« ${oneLine(text.slice(span.start, span.end))} » (${spanLabel(span.type).toLowerCase()})`,
    );
    lines.push(`   En cause : ${cited.join(', ')}`);
  }
  lines.push(`   Correction proposée : ${oneLine(finding.fix.text.fr)}`);
  return lines;
}
