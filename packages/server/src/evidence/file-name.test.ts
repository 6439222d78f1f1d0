import { describe, expect, it } from 'vitest';
import { isSafeText } from '../http/safe-text.js';
import { cleanFileName, firstCodePoints, lastCodePoints, MAX_FILE_NAME } from './file-name.js';

describe('cleanFileName', () => {
  it('keeps the last segment, without controls, and falls back when nothing is left', () => {
    expect(cleanFileName('../../etc/capture.png', 'preuve')).toBe('capture.png');
    expect(cleanFileName('C:\\x\\a\u0000b\u202E.txt', 'preuve')).toBe('ab.txt');
    expect(cleanFileName('..', 'preuve')).toBe('preuve');
    expect(cleanFileName(undefined, 'preuve')).toBe('preuve');
  });

  it('cuts by code points: an emoji straddling the limit stays whole or goes', () => {
    const name = `${'a'.repeat(MAX_FILE_NAME - 1)}😀.png`;
    // In UTF-16 units the emoji sits at 199–200: slice(0, 200) would keep half of it.
    expect(name.slice(0, MAX_FILE_NAME).endsWith('\uD83D')).toBe(true);
    const cleaned = cleanFileName(name, 'preuve');
    expect(cleaned).toBe(`${'a'.repeat(MAX_FILE_NAME - 1)}😀`);
    expect(isSafeText(cleaned)).toBe(true);
    expect([...cleanFileName('😀'.repeat(500), 'preuve')]).toHaveLength(MAX_FILE_NAME);
  });

  it('removes lone surrogates and bounds a huge raw name before any other step', () => {
    expect(cleanFileName('a\uD800b\uDC00c.txt', 'preuve')).toBe('abc.txt');
    const huge = cleanFileName(`${'x'.repeat(5_000_000)}.${'.'.repeat(60_000)}b.png`, 'preuve');
    expect(isSafeText(huge)).toBe(true);
    expect([...huge].length).toBeLessThanOrEqual(MAX_FILE_NAME);
  });

  it('takes code points from either end without splitting a pair', () => {
    expect(lastCodePoints('ab😀😀', 2)).toBe('😀😀');
    expect(lastCodePoints(`x${'😀'.repeat(10)}`, 3)).toBe('😀😀😀');
    expect(firstCodePoints('😀😀ab', 3)).toBe('😀😀a');
    expect(firstCodePoints(`${'😀'.repeat(10)}`, 3)).toBe('😀😀😀');
    expect(firstCodePoints('abc', 10)).toBe('abc');
  });
});
