import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { followUpHash, newFollowUpCode, normaliseFollowUpCode } from './follow-up-code.js';

describe('follow-up codes', () => {
  it('carry 160 random bits in 32 unambiguous characters', () => {
    const code = newFollowUpCode();
    expect(code).toMatch(/^([A-HJKMNP-TV-Z0-9]{4}-){7}[A-HJKMNP-TV-Z0-9]{4}$/);
    // 32 characters of a 32-letter alphabet: 5 bits each.
    expect(normaliseFollowUpCode(code)).toHaveLength(32);
    const many = new Set(Array.from({ length: 2000 }, newFollowUpCode));
    expect(many.size).toBe(2000);
    const letters = new Set([...many].join('').replaceAll('-', ''));
    expect(letters.size).toBe(32);
  });

  it('are stored as the SHA-256 of their normalised form, whatever the case and separators', () => {
    const code = newFollowUpCode();
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    const expected = createHash('sha256').update(code.replaceAll('-', '')).digest('hex');
    expect(followUpHash(code)).toBe(expected);
    expect(followUpHash(typed)).toBe(expected);
    expect(followUpHash(code)).not.toContain(normaliseFollowUpCode(code));
  });
});
