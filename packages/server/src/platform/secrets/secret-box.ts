import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (the networks' tokens and app passwords): AES-256-GCM, a fresh 96-bit nonce
 * per value, and the row the value belongs to as additional data, so that a ciphertext copied
 * to another row, or altered, fails to open instead of yielding someone else's token.
 *
 * Sealed form, all text: `v1.<key id>.<nonce>.<ciphertext>.<tag>` (base64url parts). The key
 * id is the first 8 bytes of the key's SHA-256, so that after a rotation the old key still opens
 * what it sealed until everything is sealed again (`blouse secrets rotate`).
 */
export interface SecretKeys {
  /** Seals every new value. */
  readonly current: Buffer;
  /** Keys that may still open older values; never used to seal. */
  readonly previous: readonly Buffer[];
}

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;

/** A key from its base64 text (BLOUSE_SECRET_KEY): exactly 32 bytes, or a French error. */
export function parseSecretKey(text: string, name = 'BLOUSE_SECRET_KEY'): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES)
    throw new SecretError(
      `${name} doit contenir 32 octets en base64 (par exemple la sortie de « openssl rand -base64 32 »), pas ${key.length}.`,
    );
  return key;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url');
}

/** Seals `plain` for the row named by `binding` (e.g. `publishing_accounts:<id>`). */
export function seal(keys: SecretKeys, plain: string, binding: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current, nonce);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    keyId(keys.current),
    nonce.toString('base64url'),
    body.toString('base64url'),
    tag.toString('base64url'),
  ].join('.');
}

/** Opens a sealed value for its row; throws SecretError when it was altered, moved or sealed with an unknown key. */
export function open(keys: SecretKeys, sealed: string, binding: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretError('secret illisible : format inconnu.');
  const [, id, nonce, body, tag] = parts as [string, string, string, string, string];
  const key = [keys.current, ...keys.previous].find((candidate) => keyId(candidate) === id);
  if (key === undefined)
    throw new SecretError('secret scellé avec une clé inconnue : la clé a-t-elle changé sans rotation ?');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretError('secret altéré ou déplacé : il ne s’ouvre pas pour cette ligne.');
  }
}

/** Whether a sealed value is sealed with the current key (a rotation leaves nothing else). */
export function sealedWithCurrent(keys: SecretKeys, sealed: string): boolean {
  return sealed.split('.')[1] === keyId(keys.current);
}
