import { createHash } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default algorithm) with the OWASP baseline: 19 MiB of memory, two
 * passes, one lane. About 20 ms per hash on a server: cheap for one login, costly for a guesser.
 */
const COSTS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 takes any length, but a megabyte "password" is a denial-of-service attempt. */
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COSTS);
}

/**
 * A hash of a random string, made once: verifying against it when the e-mail is unknown costs
 * the same time as a real verification, so response times do not reveal which accounts exist.
 */
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hash(`dummy-${Math.random()}-${Date.now()}`, COSTS);
  return dummyHash;
}

/**
 * Whether `password` matches `stored` (argon2's own comparison is constant-time). With no stored
 * hash (unknown e-mail, single-sign-on-only account) it still runs a verification, then says no.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (stored === null || stored === undefined) {
    await verify(await dummy(), password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Why a new password is refused, in French, or null when it is acceptable. */
export function passwordPolicyViolation(password: string, email: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Le mot de passe ne peut pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    return 'Le mot de passe ne peut pas être l’adresse e-mail.';
  return null;
}

/** E-mails are compared lower-cased and trimmed, as stored. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** How an e-mail appears in the audit log and the throttle table: hashed, never in clear. */
export function emailDigest(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}
