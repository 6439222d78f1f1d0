import { describe, expect, it } from 'vitest';
import { buildLargeText, utf8Length } from './large-text.js';

describe('buildLargeText', () => {
  it('repeats the posts in order until the byte size is reached', () => {
    // 7 bytes + 2 + 4 + 2 + 7 = 22 ≥ 20: the third post tips it over.
    const text = buildLargeText(['un 😷', 'deux'], 20);
    expect(text).toBe('un 😷\n\ndeux\n\nun 😷');
    expect(utf8Length(text)).toBe(22);
  });

  it('counts bytes, not characters: emojis and accents weigh more', () => {
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('😷')).toBe(4);
    const text = buildLargeText(['éé'], 1000);
    expect(utf8Length(text)).toBeGreaterThanOrEqual(1000);
    expect(utf8Length(text)).toBeLessThan(1000 + 6);
  });

  it('builds nothing from nothing', () => {
    expect(buildLargeText([], 100)).toBe('');
    expect(buildLargeText(['', ''], 100)).toBe('');
    expect(buildLargeText(['abc'], 0)).toBe('');
  });
});
