import { describe, expect, it } from 'vitest';
import { isSafeLine, isSafeText, safeId, safeLine, safeText, toSafeLine } from './safe-text.js';

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

  it('refuses controls, bidi overrides and isolates, and invisible characters in a single line', () => {
    expect(isSafeLine('Élodie N’Diaye-Durand 👩‍⚕️')).toBe(true);
    expect(isSafeLine('https://www.facebook.com/groups/123?x=é')).toBe(true);
    expect(isSafeLine('\u0645\u0647\u200C\u0633\u0627')).toBe(true);
    for (const bad of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      expect(isSafeLine(`https://a.fr/${bad}gpj.exe`), bad.codePointAt(0)?.toString(16)).toBe(false);
    }
    for (const bad of [
      '\u0000',
      '\n',
      '\t',
      '\u007F',
      '\u0085',
      '\u200B',
      '\u200F',
      '\u2060',
      '\uFEFF',
      '\u061C',
    ]) {
      expect(isSafeLine(`Jean${bad}Dupont`), bad.codePointAt(0)?.toString(16)).toBe(false);
    }
    // Free text keeps them: a post's copy must stay as it was.
    expect(isSafeText('texte \u202E inversé')).toBe(true);
    expect(safeLine(1, 10).safeParse('  ok  ').data).toBe('ok');
    expect(safeLine(1, 10).safeParse('a\u202Eb').error?.issues[0]?.message).toContain('inversion');
  });

  it('accepts UUIDs and plain ids only', () => {
    expect(safeId.safeParse('3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f').success).toBe(true);
    expect(safeId.safeParse('demo_chu-1').success).toBe(true);
    for (const bad of ['', 'a\u0000', 'a\u202Eb', 'a b', 'a/b', 'x'.repeat(101)]) {
      expect(safeId.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('cleans a line from elsewhere down to what isSafeLine accepts', () => {
    expect(toSafeLine('Eve\u202Egpj.exe\u0000 \u2066Martin\u2069 👩‍⚕️\ud800')).toBe('Evegpj.exe Martin 👩‍⚕️');
    expect(isSafeLine(toSafeLine('a\u200Bb\nc\uFEFF'))).toBe(true);
  });
});
