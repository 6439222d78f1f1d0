import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, parseSecretKey, SecretError, type SecretKeys, seal, sealedWithCurrent } from './secret-box.js';

const keys = (current = randomBytes(32), previous: Buffer[] = []): SecretKeys => ({ current, previous });

describe('secret box (AES-256-GCM)', () => {
  it('opens what it sealed, for the same row, and never seals twice alike', () => {
    const k = keys();
    const a = seal(k, 'app-password-1234', 'publishing_accounts:a');
    const b = seal(k, 'app-password-1234', 'publishing_accounts:a');
    expect(a).not.toBe(b);
    expect(a).not.toContain('app-password');
    expect(open(k, a, 'publishing_accounts:a')).toBe('app-password-1234');
    expect(open(k, b, 'publishing_accounts:a')).toBe('app-password-1234');
  });

  it('refuses a value altered in any part, or moved to another row', () => {
    const k = keys();
    const sealed = seal(k, 'jeton', 'publishing_accounts:a');
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const altered = [...parts];
      const part = Buffer.from(altered[index] as string, 'base64url');
      part[0] = (part[0] ?? 0) ^ 1;
      altered[index] = part.toString('base64url');
      expect(() => open(k, altered.join('.'), 'publishing_accounts:a')).toThrow(SecretError);
    }
    expect(() => open(k, sealed, 'publishing_accounts:b')).toThrow(/déplacé/);
    expect(() => open(k, 'v0.x.y.z.w', 'publishing_accounts:a')).toThrow(/format/);
  });

  it('opens with a previous key after a rotation, and refuses an unknown key', () => {
    const old = randomBytes(32);
    const sealed = seal(keys(old), 'jeton', 'row');
    const rotated = keys(randomBytes(32), [old]);
    expect(open(rotated, sealed, 'row')).toBe('jeton');
    expect(sealedWithCurrent(rotated, sealed)).toBe(false);
    expect(sealedWithCurrent(rotated, seal(rotated, 'jeton', 'row'))).toBe(true);
    expect(() => open(keys(), sealed, 'row')).toThrow(/clé inconnue/);
  });

  it('reads a key from base64, and says in French when it is not 32 bytes', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseSecretKey('trop-court')).toThrow(/32 octets/);
  });
});
