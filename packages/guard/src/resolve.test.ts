import { describe, expect, it } from 'vitest';
import { resolveSpans } from './resolve.js';
import { testContext } from './test-support/context.js';
import { spanOf } from './test-support/spans.js';
import { createDocument } from './text/document.js';
import type { GuardOptions } from './types.js';

const staff: GuardOptions = {
  establishment: { consentingStaff: ['Pr Hélène Morvan'], names: ['CHU de Valmont'] },
};

function kept(text: string, name: string, options: GuardOptions = staff): boolean {
  const span = spanOf(text, name, 'PERSON');
  return resolveSpans([span], createDocument(text), testContext('institutional', options)).length === 1;
}

describe('resolveSpans', () => {
  it('drops the establishment’s consenting staff, named in full or by title and surname', () => {
    expect(kept('Bravo à Hélène Morvan !', 'Hélène Morvan')).toBe(false);
    expect(kept('le Pr Morvan présentera', 'Pr Morvan')).toBe(false);
  });

  it('never lets a shared first name, surname or place hide a patient', () => {
    expect(kept('mamie Hélène, 92 ans', 'Hélène')).toBe(true);
    expect(kept('Mme Morvan chambre 12', 'Mme Morvan')).toBe(true);
    expect(kept('M. Valmont chambre 12', 'M. Valmont')).toBe(true);
  });

  it('ignores lists that are not lists of strings', () => {
    const odd = { establishment: { consentingStaff: [42, null] } } as unknown as GuardOptions;
    expect(kept('Mme Morvan', 'Mme Morvan', odd)).toBe(true);
  });

  it('keeps the strongest of overlapping spans of one type, and drops weak ones', () => {
    const text = 'Mme Durand';
    const doc = createDocument(text);
    const strong = { ...spanOf(text, 'Mme Durand', 'PERSON'), score: 0.9 };
    const inner = { ...spanOf(text, 'Durand', 'PERSON'), score: 0.6 };
    const weak = { ...spanOf(text, 'Mme', 'AGE'), score: 0.3 };
    expect(resolveSpans([inner, strong, weak], doc, testContext())).toEqual([strong]);
  });
});
