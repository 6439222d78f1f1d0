import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { loadLexicon } from '../lexicon/load.js';
import { RECOGNIZERS } from '../recognizers/index.js';
import type { RecognizerContext } from '../recognizers/recognizer.js';
import { resolveSpans } from '../resolve.js';
import { createDocument } from '../text/document.js';
import type { Finding, GuardContext } from '../types.js';
import { EVALUATORS } from './index.js';

/**
 * Texts built to hurt the rules' regexes: a cue followed by a long run of separators (where
 * adjacent separator quantifiers could split the run in O(n²) or O(n³) ways), a short cue
 * repeated without any full stop (where a per-cue sentence walk turns quadratic), and a large
 * mix. No timing is asserted: Vitest's 20 s timeout per test is the bound, and each of these
 * texts took seconds to minutes before the scans were made linear.
 */

// Words that open a cue in each family: secrecy, image, moderation, role, reserve, discretion,
// advertising and advice, crisis, work organisation, respect, defamation, harassment, doxxing,
// geolocation. Several are followed in their patterns by optional separators or short gaps.
const CUE_OPENINGS = [
  'le patient de la chambre',
  'code',
  'code promo',
  'je bosse au',
  'je suis infirmiere',
  'en tant qu',
  'les AME',
  'la CMU',
  'je vais te',
  'ce connard de',
  'balance son adresse',
  'il habite',
  'photo du patient',
  'lien en bio',
  'la direction',
  'prenez du',
  'on vous ment',
];

const RUN_LENGTH = 10_000;
const SEPARATOR_RUNS = [' ', '_', '-', '.', '😂', ' _-:=«"'];

function runOf(unit: string): string {
  return unit.repeat(Math.ceil(RUN_LENGTH / unit.length)).slice(0, RUN_LENGTH);
}

const SEPARATED = CUE_OPENINGS.flatMap((cue) => SEPARATOR_RUNS.map((unit) => `${cue} ${runOf(unit)}`));
const REPEATED = ['les AME ', 'la CMU ', 'connard ', 'code ', 'je bosse au chu ', 'mdr 😂 '].map((cue) =>
  cue.repeat(20_000),
);
const MIXED = (() => {
  const pieces = [...CUE_OPENINGS, '___', '---', '. ', '!!! ', '😂😂', '@ch_x ', '06 12 34 56 78 ', '\n'];
  let text = '';
  for (let i = 0; text.length < 200_000; i++) text += `${pieces[(i * 7) % pieces.length]} `;
  return text;
})();

const lexicon = loadLexicon();

function expectInside(findings: readonly Finding[], text: string): void {
  expect(Array.isArray(findings)).toBe(true);
  for (const finding of findings) {
    for (const span of finding.spans) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }
  }
}

function evaluateAll(family: string, texts: readonly string[]): number {
  let evaluated = 0;
  for (const context of ['staff', 'public'] as const satisfies readonly GuardContext[]) {
    const ctx: RecognizerContext = { context, options: { context }, lexicon };
    const evaluator = EVALUATORS.find((candidate) => candidate.family === family);
    if (evaluator === undefined) throw new Error(`no evaluator ${family}`);
    for (const text of texts) {
      const doc = createDocument(text);
      const spans = resolveSpans(
        RECOGNIZERS.flatMap((recognizer) => recognizer.find(doc, ctx)),
        doc,
        ctx,
      );
      expectInside(evaluator.evaluate({ doc, spans, ctx }), text);
      evaluated++;
    }
  }
  return evaluated;
}

describe('rule evaluators on hostile texts', () => {
  for (const evaluator of EVALUATORS) {
    describe(evaluator.family, () => {
      it('reads each cue followed by 10,000 separators', () => {
        expect(evaluateAll(evaluator.family, SEPARATED)).toBe(2 * SEPARATED.length);
      });
      it('reads a short cue repeated 20,000 times without full stops', () => {
        expect(evaluateAll(evaluator.family, REPEATED)).toBe(2 * REPEATED.length);
      });
      it('reads a 200 KB mix', () => {
        expect(evaluateAll(evaluator.family, [MIXED])).toBe(2);
      });
    });
  }
});

describe('analyze on hostile texts', () => {
  it('reads each cue followed by 10,000 separators', () => {
    for (const text of SEPARATED) expectInside(analyze(text, { context: 'staff' }, lexicon).findings, text);
  });
  it('reads short cues repeated 20,000 times', () => {
    for (const text of REPEATED) expectInside(analyze(text, { context: 'public' }, lexicon).findings, text);
  });
  it('reads a 200 KB mix in every context', () => {
    for (const context of ['staff', 'public', 'institutional'] as const) {
      const report = analyze(MIXED, { context }, lexicon);
      expectInside(report.findings, MIXED);
      expect(report.redacted.length).toBeGreaterThan(0);
    }
  });
  it('still flags the cue that opens a hostile run (the findings are real ones)', () => {
    const text = `code promo DOCTOLIB20 ${runOf('_')}`;
    const report = analyze(text, { context: 'staff' }, lexicon);
    expect(report.findings.some((finding) => finding.rule.startsWith('DEONTO'))).toBe(true);
  });
});
