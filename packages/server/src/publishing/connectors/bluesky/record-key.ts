import { createHash } from 'node:crypto';

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A Bluesky record key (a TID: 53 bits of microseconds, 10 bits of clock id, base32-sortable,
 * 13 characters) that is the same for every attempt at one publication: the due time gives the
 * microseconds, the idempotency key's hash the sub-millisecond part and the clock id. The PDS
 * keeps one record per key, so a retry after a crash cannot make a second post.
 */
export function recordKeyFor(idempotencyKey: string, due: Date): string {
  const hash = createHash('sha256').update(idempotencyKey).digest();
  const micros = BigInt(due.getTime()) * 1000n + BigInt(hash.readUInt16BE(0) % 1000);
  const clockId = BigInt(hash.readUInt16BE(2) & 0x3ff);
  let value = (micros << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = (ALPHABET[Number(value & 31n)] as string) + out;
    value >>= 5n;
  }
  return out;
}
