import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { composeForAnalysis } from './compose.js';

describe('composeForAnalysis', () => {
  it('leaves composed text alone', () => {
    const composed = composeForAnalysis('Hélène');
    expect(composed.text).toBe('Hélène');
    expect(composed.toOriginal(3)).toBe(3);
  });

  it('composes combining marks and maps offsets back', () => {
    const input = 'He\u0301le\u0300ne x';
    const composed = composeForAnalysis(input);
    expect(composed.text).toBe('Hélène x');
    expect(composed.toOriginal(0)).toBe(0);
    expect(composed.toOriginal(2)).toBe(3);
    expect(composed.toOriginal(6)).toBe(8);
    expect(composed.toOriginal(composed.text.length)).toBe(input.length);
  });

  it('survives lone surrogates and marks with no base', () => {
    const composed = composeForAnalysis('\u0301\ud800e\u0301');
    expect(composed.toOriginal(composed.text.length)).toBe(4);
  });
});

describe('analyze on decomposed text (as pasted from macOS)', () => {
  it('finds and redacts what it finds in composed text, with offsets in the input', () => {
    const input =
      'Nuit difficile : Mme He\u0301le\u0300ne Dupont, 88 ans, chambre 12, diabe\u0300te, en re\u0301animation';
    const report = analyze(input, { context: 'staff' });
    expect(report.verdict).toBe('block');
    const person = report.spans.find((span) => span.type === 'PERSON');
    expect(person && input.slice(person.start, person.end)).toBe('Mme He\u0301le\u0300ne Dupont');
    expect(report.redacted).not.toContain('Dupont');
    expect(report.redacted).not.toContain('\u0301');
    expect(report.redacted).not.toContain('diabe');
  });
});
