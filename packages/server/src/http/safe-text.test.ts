import { describe, expect, it } from 'vitest';
import { isSafeText, safeText } from './safe-text.js';

describe('safe text', () => {
  it('accepts ordinary French text, emoji included, and refuses NUL and lone surrogates', () => {
    expect(isSafeText('Équipe au top ❤️ 👩‍⚕️ « merci »')).toBe(true);
    expect(isSafeText('a\u0000b')).toBe(false);
    expect(isSafeText('https://a.fr/\ud800')).toBe(false);
    expect(isSafeText('\udc00x')).toBe(false);
    expect(isSafeText('😀'.slice(0, 1))).toBe(false);
  });

  it('gives a French message through zod', () => {
    const result = safeText(1, 10).safeParse('a\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('caractère interdit');
    expect(safeText(1, 3).safeParse('abcd').success).toBe(false);
  });
});
