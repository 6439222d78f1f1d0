import { describe, expect, it } from 'vitest';
import { buildNotice, GOOD_FAITH_STATEMENT, noticeable } from './notice.js';

describe('the DSA art. 16 notice', () => {
  const notice = buildNotice({
    reference: 'INC-2026-0007',
    category: 'doxxing',
    url: 'https://x.example/status/42',
    network: 'X',
    explanations: ['L’adresse d’une soignante est publiée.', 'L’adresse d’une soignante est publiée.'],
    notifierName: 'Claire Roux',
    notifierEmail: 'claire.roux@chu.fr',
    establishmentName: 'CHU de Valmont',
  });

  it('has the four elements of art. 16(2)', () => {
    expect(notice.elements.explanation).toContain('223-1-1 du Code pénal');
    expect(notice.elements.url).toBe('https://x.example/status/42');
    expect(notice.elements.notifierName).toBe('Claire Roux');
    expect(notice.elements.notifierEmail).toBe('claire.roux@chu.fr');
    expect(notice.elements.goodFaithStatement).toBe(GOOD_FAITH_STATEMENT);
  });

  it('puts them all in the text, each reason once', () => {
    for (const part of [
      'https://x.example/status/42',
      'Claire Roux',
      'claire.roux@chu.fr',
      GOOD_FAITH_STATEMENT,
      'INC-2026-0007',
    ]) {
      expect(notice.text).toContain(part);
    }
    expect(notice.text.split('L’adresse d’une soignante est publiée.').length).toBe(2);
  });

  it('is not offered for lawful content', () => {
    expect(noticeable('complaint')).toBe(false);
    expect(noticeable('question')).toBe(false);
    expect(noticeable('defamation')).toBe(true);
  });
});
