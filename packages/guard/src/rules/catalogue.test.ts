import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from './catalogue.js';

/** A copy of the table of shared/reference/RULES.md (id → verdict), kept here on purpose. */
const TABLE_RULES: ReadonlyArray<readonly [string, 'warn' | 'block']> = [
  ['SECRET-01', 'block'],
  ['SECRET-02', 'block'],
  ['SECRET-03', 'block'],
  ['SECRET-04', 'block'],
  ['SECRET-05', 'block'],
  ['IMAGE-01', 'block'],
  ['IMAGE-02', 'block'],
  ['IMAGE-03', 'warn'],
  ['IMAGE-05', 'block'],
  ['GEO-01', 'warn'],
  ['PRIV-03', 'warn'],
  ['ROLE-01', 'warn'],
  ['ROLE-02', 'warn'],
  ['ROLE-03', 'warn'],
  ['RESERVE-01', 'warn'],
  ['DISCR-01', 'warn'],
  ['RESPECT-01', 'block'],
  ['RESPECT-02', 'warn'],
  ['DEFAM-01', 'block'],
  ['HARASS-01', 'block'],
  ['DOXX-01', 'block'],
  ['DEONTO-01', 'warn'],
  ['DEONTO-02', 'warn'],
  ['DEONTO-03', 'warn'],
  ['CRISIS-01', 'warn'],
  ['MOD-01', 'block'],
];

/** The workflow rules that RULES.md lists below its table. */
const WORKFLOW_RULES = [
  'PRIV-01',
  'PRIV-02',
  'SEC-01',
  'INST-01',
  'INST-02',
  'REPORT-01',
  'VIRAL-01',
  'MOD-02',
];

const ENDS_WITH_PUNCTUATION = /[.!?…»"]$/u;

describe('RULES', () => {
  it('holds every id of the catalogue exactly once, and nothing else', () => {
    const expected = [...TABLE_RULES.map(([id]) => id), ...WORKFLOW_RULES].sort();
    expect(RULES.map((rule) => rule.id).sort()).toEqual(expected);
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });

  it('gives the table rules their verdict and marks them detectable in a text', () => {
    for (const [id, verdict] of TABLE_RULES) {
      const rule = ruleById(id);
      expect(rule.verdict, id).toBe(verdict);
      expect(rule.detectableInText, id).toBe(true);
    }
  });

  it('marks the workflow rules as not detectable in a text, with a warn verdict', () => {
    for (const id of WORKFLOW_RULES) {
      const rule = ruleById(id);
      expect(rule.detectableInText, id).toBe(false);
      expect(rule.verdict, id).toBe('warn');
    }
  });

  it('names the family after the id prefix', () => {
    for (const rule of RULES) expect(rule.family, rule.id).toBe(rule.id.replace(/-\d+$/, ''));
  });

  it('has non-empty texts in both languages, French ones ending with punctuation', () => {
    for (const rule of RULES) {
      const texts = [rule.statement, rule.explanation, rule.fix.text];
      for (const text of texts) {
        expect(text.fr.trim().length, rule.id).toBeGreaterThan(10);
        expect(text.en.trim().length, rule.id).toBeGreaterThan(10);
        expect(text.fr.trim(), rule.id).toMatch(ENDS_WITH_PUNCTUATION);
      }
      expect(rule.basis.trim().length, rule.id).toBeGreaterThan(0);
      expect(['redact', 'rewrite', 'remove', 'report']).toContain(rule.fix.kind);
    }
  });

  it('cites the basis given by the catalogue for a few rules', () => {
    expect(ruleById('SECRET-03').basis).toBe('CSP L1110-4');
    expect(ruleById('DOXX-01').basis).toBe('C. pén. 223-1-1');
    expect(ruleById('DEONTO-03').basis).toContain('loi 2023-451');
  });

  it('refuses an unknown id', () => {
    expect(() => ruleById('NOPE-01')).toThrow(/Unknown rule id/);
  });
});
