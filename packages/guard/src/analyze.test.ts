import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { CONTEXTS, type Report } from './types.js';

/** Everything a report promises about offsets and verdicts, whatever the input. */
function expectWellFormed(text: string, report: Report): void {
  expect(['ok', 'warn', 'block']).toContain(report.verdict);
  for (const span of report.spans) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(span.start).toBeLessThan(span.end);
  }
  for (const finding of report.findings) {
    for (const span of finding.spans) expect(span.end).toBeLessThanOrEqual(text.length);
    expect(finding.explanation.fr.length).toBeGreaterThan(0);
  }
  if (report.findings.length === 0) expect(report.verdict).toBe('ok');
  expect(typeof report.redacted).toBe('string');
}

describe('analyze', () => {
  it('blocks the classic breach and redacts it', () => {
    const text = 'Nuit de folie 😵 Mme D., 92 ans, chambre 214, a encore tenté de fuguer';
    const report = analyze(text, { context: 'staff' });
    expect(report.verdict).toBe('block');
    expect(report.findings.map((finding) => finding.rule)).toContain('SECRET-01');
    expect(report.redacted).not.toContain('Mme D.');
    expect(report.redacted).not.toContain('214');
  });

  it('lets a campaign through, spans and all', () => {
    const report = analyze('Octobre rose 🎀 dépistage du cancer du sein gratuit tout le mois, parlez-en !', {
      context: 'institutional',
    });
    expect(report.verdict).toBe('ok');
    expect(report.spans).toEqual([]);
    expect(report.category).toBeNull();
  });

  it('does not flag the establishment’s consenting staff', () => {
    const text = 'Merci à Sandrine Morel, infirmière, pour son accueil des patients de la chambre 12';
    const plain = analyze(text, { context: 'institutional' });
    const allowed = analyze(text, {
      context: 'institutional',
      establishment: { consentingStaff: ['Sandrine Morel'] },
    });
    expect(allowed.spans.some((span) => span.type === 'PERSON')).toBe(false);
    expect(plain.spans.length).toBeGreaterThanOrEqual(allowed.spans.length);
  });

  it('gives a category to public posts only', () => {
    expect(analyze('Merci à toute l’équipe de la mater 💕', { context: 'public' }).category).not.toBeNull();
    expect(analyze('Merci à toute l’équipe de la mater 💕', { context: 'staff' }).category).toBeNull();
  });

  it('survives empty, control, surrogate and non-string input', () => {
    for (const text of ['', '\u0000\u0001\u001f', '\ud800', '\udc00abc\ud83d', '@', 'Mme', '\u202e\u200b']) {
      expectWellFormed(text, analyze(text));
    }
    // A JavaScript caller may pass anything; the guard reads it as no text.
    expect(analyze(undefined as unknown as string).verdict).toBe('ok');
    expect(analyze({} as unknown as string, { context: 'nope' as never }).context).toBe('staff');
  });

  it('is well formed on arbitrary Unicode in every context (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(...CONTEXTS),
        (text, context) => {
          expectWellFormed(text, analyze(text, { context }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is well formed on French-like text built from risky pieces (property)', () => {
    const pieces = fc.constantFrom(
      'Mme D.',
      ' 92 ans',
      ' chambre 214',
      ' en réa',
      ' hier soir',
      ' 06 12 34 56 78',
      ' @julie_75',
      ' 1 84 12 75 123 456 78',
      ' GH-482-TK',
      ' 😵',
      ' \ud83d',
      ', ',
      '. ',
      ' AVC',
      ' à Cergy',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.constantFrom(...CONTEXTS), (parts, context) => {
        const text = parts.join('');
        expectWellFormed(text, analyze(text, { context }));
      }),
      { numRuns: 300 },
    );
  });

  it('handles 1 MB of text', () => {
    const post = 'Mme D., 92 ans, chambre 214 😵 appelle le 06 12 34 56 78. Octobre rose ! ';
    const text = post.repeat(Math.ceil(1_000_000 / post.length)).slice(0, 1_000_000);
    const report = analyze(text, { context: 'staff' });
    expectWellFormed(text, report);
    expect(report.verdict).toBe('block');
  });
});
