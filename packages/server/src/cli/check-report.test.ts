import type { Finding, Report, Span } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { renderCheckReport } from './check-report.js';
import { highlightsOf, renderHighlighted } from './highlight.js';

function span(type: Span['type'], start: number, end: number): Span {
  return { type, start, end, score: 0.9, recognizer: 'test' };
}

function finding(rule: string, severity: 'warn' | 'block', spans: Span[]): Finding {
  return {
    rule,
    severity,
    explanation: { fr: `Explication de ${rule}.`, en: 'Explanation.' },
    spans,
    fix: { kind: 'redact', text: { fr: 'Retirez ces détails.', en: 'Remove them.' } },
  };
}

const text = 'Mme D., 92 ans, chambre 214 😢';
const person = span('PERSON', 0, 6);
const age = span('AGE', 8, 14);
const room = span('ROOM', 16, 27);
const report: Report = {
  verdict: 'block',
  context: 'staff',
  detected: [person, age, room],
  spans: [person, age, room],
  findings: [finding('SECRET-01', 'block', [person, age]), finding('GEO-01', 'warn', [room])],
  redacted: '[NOM], [ÂGE], [CHAMBRE] 😢',
  category: null,
};

describe('renderCheckReport', () => {
  it('marks each span with brackets and its French label when not on a terminal', () => {
    const out = renderCheckReport(text, report, false);
    expect(out).toContain('  ⟦Mme D.⟧(NOM), ⟦92 ans⟧(ÂGE), ⟦chambre 214⟧(CHAMBRE) 😢');
    expect(out).toContain('Verdict : Ne pas publier en l’état\n');
    expect(out).toContain('2 problèmes relevés :');
    expect(out).toContain('1. SECRET-01 (bloquant)\n   Pourquoi : Explication de SECRET-01.');
    expect(out).toContain('   En cause : « Mme D. » (nom), « 92 ans » (âge)');
    expect(out).toContain('2. GEO-01 (à revoir)');
    expect(out).toContain('   Correction proposée : Retirez ces détails.');
    expect(out).toContain('Texte avec les éléments sensibles masqués :\n  [NOM], [ÂGE], [CHAMBRE] 😢');
    expect(out).not.toContain('\u001b');
  });

  it('paints block spans red and warn spans yellow on a terminal', () => {
    const out = renderCheckReport(text, report, true);
    expect(out).toContain('\u001b[1;97;41mMme D.\u001b[0m');
    expect(out).toContain('\u001b[1;30;43mchambre 214\u001b[0m');
    expect(out).toContain('\u001b[1;31mNe pas publier en l’état\u001b[0m');
  });

  it('reports a clean post briefly, with its category for public posts', () => {
    const clean: Report = {
      verdict: 'ok',
      context: 'public',
      detected: [],
      spans: [],
      findings: [],
      redacted: 'Merci !',
      category: 'PRAISE',
    };
    const out = renderCheckReport('Merci !', clean, false);
    expect(out).toContain('Contexte : publication d’un tiers');
    expect(out).toContain('  Merci !\n');
    expect(out).toContain('Verdict : Publication possible');
    expect(out).toContain('Classement : remerciement');
    expect(out).toContain('Aucun problème relevé.');
    expect(out).not.toContain('masqués');
  });

  it('keeps a multi-line text indented and shows control characters as �', () => {
    const out = renderCheckReport(
      'ligne 1\nligne\u00072\r',
      { ...report, spans: [], findings: [], verdict: 'ok' },
      false,
    );
    expect(out).toContain('  ligne 1\n  ligne\uFFFD2\uFFFD\n');
  });
});

describe('highlightsOf', () => {
  it('merges overlapping spans into one highlight with both labels and the graver severity', () => {
    const address = span('ADDRESS', 0, 20);
    const name = span('PERSON', 5, 12);
    const later = span('PHONE', 25, 30);
    const highlights = highlightsOf(
      {
        spans: [name, address, later],
        findings: [finding('PRIV-01', 'warn', [address, later]), finding('SECRET-01', 'block', [name])],
      },
      40,
    );
    expect(highlights).toEqual([
      { start: 0, end: 20, labels: ['ADRESSE', 'NOM'], severity: 'block' },
      { start: 25, end: 30, labels: ['TÉLÉPHONE'], severity: 'warn' },
    ]);
    expect(renderHighlighted('x'.repeat(40), highlights, false)).toBe(
      `⟦${'x'.repeat(20)}⟧(ADRESSE+NOM)xxxxx⟦xxxxx⟧(TÉLÉPHONE)${'x'.repeat(10)}`,
    );
  });

  it('clamps spans to the text and drops empty ones', () => {
    const highlights = highlightsOf(
      { spans: [span('DATE', -3, 2), span('AGE', 8, 99), span('ROOM', 9, 9)], findings: [] },
      10,
    );
    expect(highlights.map(({ start, end }) => [start, end])).toEqual([
      [0, 2],
      [8, 10],
    ]);
  });
});
