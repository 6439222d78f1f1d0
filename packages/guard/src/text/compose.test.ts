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

describe('composeForAnalysis on blanks and invisible characters', () => {
  it('reads every blank as one space and drops invisible characters, offsets mapped both ways', () => {
    const input = 'Mme\u202fD.,\r\n92\u00a0\u00a0ans, Dup\u200bont\u00ad';
    const read = composeForAnalysis(input);
    expect(read.text).toBe('Mme D., 92 ans, Dupont');
    const at = read.text.indexOf('Dupont');
    expect(input.slice(read.toOriginal(at), read.toOriginalEnd(at + 'Dupont'.length))).toBe('Dup\u200bont');
    const age = read.text.indexOf('92 ans');
    expect(input.slice(read.toOriginal(age), read.toOriginalEnd(age + 6))).toBe('92\u00a0\u00a0ans');
  });

  it('keeps a blank line as a line break', () => {
    expect(composeForAnalysis('Merci\n \n\nBonne nuit').text).toBe('Merci\nBonne nuit');
    expect(composeForAnalysis('Merci\r\nBonne nuit').text).toBe('Merci Bonne nuit');
  });

  it('leaves text with single ordinary spaces as it is', () => {
    expect(composeForAnalysis('Bonne nuit à tous ').unchanged).toBe(true);
    expect(composeForAnalysis('Bonne nuit  à tous').unchanged).toBe(false);
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
