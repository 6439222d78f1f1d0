import { describe, expect, it } from 'vitest';
import { attachmentDisposition, MAX_FILE_NAME_LENGTH, safeFileName } from './file-name.js';

describe('safeFileName', () => {
  it('keeps an ordinary name and forces the extension of the real type', () => {
    expect(safeFileName('capture écran.png', 1, 'image/png')).toBe('capture écran.png');
    expect(safeFileName('photo.gif', 1, 'image/jpeg')).toBe('photo.jpg');
    expect(safeFileName('page.html', 2, 'image/webp')).toBe('page.webp');
    expect(safeFileName('sans-extension', 1, 'image/png')).toBe('sans-extension.png');
  });

  it('keeps only the last path segment', () => {
    expect(safeFileName('../../etc/passwd.png', 1, 'image/png')).toBe('passwd.png');
    expect(safeFileName('C:\\x\\y.png', 1, 'image/png')).toBe('y.png');
    expect(safeFileName('/absolute/path/', 3, 'image/png')).toBe('capture-3.png');
    expect(safeFileName('..', 1, 'image/png')).toBe('capture-1.png');
    expect(safeFileName('.htaccess', 1, 'image/png')).toBe('htaccess.png');
  });

  it('removes control, bidirectional and zero-width characters', () => {
    expect(safeFileName('evil\u0000.html.png', 1, 'image/png')).toBe('evil.html.png');
    expect(safeFileName('photo\u202Egnp.exe', 1, 'image/png')).toBe('photognp.png');
    expect(safeFileName('a\u200Bb\r\nc.png', 1, 'image/png')).toBe('abc.png');
    expect(safeFileName('a"b;c<d>.png', 1, 'image/png')).toBe('a_b_c_d_.png');
    expect(safeFileName('\u0000\u0001', 4, 'image/jpeg')).toBe('capture-4.jpg');
    expect(safeFileName(undefined, 5, 'image/png')).toBe('capture-5.png');
  });

  it('caps the length at 100 characters without cutting a character in half', () => {
    const long = safeFileName(`${'é'.repeat(300)}.png`, 1, 'image/png');
    expect(long.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('é.png')).toBe(true);
    const emoji = safeFileName(`${'😀'.repeat(80)}.png`, 1, 'image/png');
    expect([...emoji].length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    // No lone surrogate: the last emoji is whole.
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('safeFileName on hostile lengths', () => {
  // `.replace(/[.\s]+$/, '')` on the whole raw name was quadratic: this took seconds.
  it('bounds the raw name first, so long runs of dots cost nothing', () => {
    expect(safeFileName(`a${'.'.repeat(60_000)}b.png`, 1, 'image/png')).toBe('b.png');
    expect(safeFileName(`a${'.'.repeat(500_000)}b`, 2, 'image/png')).toBe('b.png');
    // Only the last 1,000 code points are looked at: here, dots and blanks only.
    expect(safeFileName(`${' .'.repeat(300_000)}x ${'. '.repeat(300_000)}`, 3, 'image/png')).toBe(
      'capture-3.png',
    );
    expect(safeFileName(`${' .'.repeat(300_000)}x ${'. '.repeat(300)}`, 3, 'image/png')).toBe('x.png');
    expect(safeFileName('.'.repeat(1_000_000), 4, 'image/jpeg')).toBe('capture-4.jpg');
    expect(safeFileName(`photo${'.'.repeat(200)}.png`, 1, 'image/png')).toBe('photo.png');
  });

  it('keeps the tail of a long name and never leaves a lone surrogate', () => {
    const name = safeFileName(`${'x'.repeat(100_000)}😀fin.png`, 1, 'image/png');
    expect([...name].length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name.startsWith('x')).toBe(true);
    expect(safeFileName(`a\uD800b\uDFFFc.png`, 1, 'image/png')).toBe('abc.png');
    for (const count of [95, 96, 97, 98]) {
      const cut = safeFileName(`${'a'.repeat(count)}${'😀'.repeat(10)}.png`, 1, 'image/png');
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect([...cut].length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    }
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('capture écran.png')).toBe(
      'attachment; filename="capture _cran.png"; filename*=UTF-8\'\'capture%20%C3%A9cran.png',
    );
  });
});
