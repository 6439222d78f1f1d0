import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
/** 160 bits: guessing a code, even at millions of tries a second, is hopeless. */
const CODE_BYTES = 20;

/**
 * A follow-up code for an anonymous reporter, shown once: 32 characters of an unambiguous
 * alphabet (no I, L, O, U), in groups of four so that it can be copied by hand.
 */
export function newFollowUpCode(): string {
  const bytes = randomBytes(CODE_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    // At most 12 bits are pending: keeping 16 avoids overflowing the 32-bit shift.
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** The code as typed, reduced to its characters: case, spaces and dashes do not matter. */
export function normaliseFollowUpCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** What is stored: the SHA-256 of the normalised code, never the code. */
export function followUpHash(code: string): string {
  return createHash('sha256').update(normaliseFollowUpCode(code)).digest('hex');
}
