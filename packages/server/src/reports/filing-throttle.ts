import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { Problem } from '../http/problem.js';

/**
 * Report filing limits, in the database like the login throttle (accounts/throttle.ts), so that
 * every server process counts the same filings. A signed report counts against its sender; an
 * anonymous one only against the client address: counting it against the sender would write
 * down, next to the time, who filed an anonymous report. Keys are hashes, never an address or an
 * id in clear, and rows are deleted once their window has passed.
 */
/** The defaults; BLOUSE_REPORTS_PER_USER and BLOUSE_REPORTS_PER_ADDRESS change the counts. */
export const FILING_LIMITS = {
  windowMs: 10 * 60_000,
  perUser: 10,
  perAddress: 20,
} as const;

export interface FilingKey {
  readonly key: string;
  readonly limit: number;
}

const hashed = (text: string) => createHash('sha256').update(text).digest('hex');

export function userKey(userId: string, limit: number = FILING_LIMITS.perUser): FilingKey {
  return { key: hashed(`report:user:${userId}`), limit };
}

export function addressKey(address: string, limit: number = FILING_LIMITS.perAddress): FilingKey {
  return { key: hashed(`report:address:${address}`), limit };
}

/** 429 with the French sentence and the seconds to wait (sent as Retry-After). */
export class FilingThrottled extends Problem {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      429,
      'trop_de_signalements',
      `Trop de signalements envoyés en peu de temps. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''} ; en cas d’urgence, appelez directement le service communication.`,
    );
  }
}

function throttled(windowStartedAt: string, now: Date): FilingThrottled {
  const until = Date.parse(windowStartedAt) + FILING_LIMITS.windowMs;
  return new FilingThrottled(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
}

/**
 * Refuses at once, before the form is read or any image decoded, a request whose keys have
 * already used up their window. Reads only: the filing itself is counted by countFiling.
 */
export async function refuseIfThrottled(
  db: Kysely<Database>,
  keys: readonly FilingKey[],
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - FILING_LIMITS.windowMs).toISOString();
  for (const { key, limit } of keys) {
    const row = await db
      .selectFrom('filing_throttle')
      .select(['count', 'window_started_at'])
      .where('key', '=', key)
      .where('window_started_at', '>', windowStart)
      .executeTakeFirst();
    if (row !== undefined && Number(row.count) >= limit) throw throttled(row.window_started_at, now);
  }
}

/**
 * Counts one filing, atomically (one upsert: concurrent filings each get their own rank), in the
 * filing's transaction: a filing refused later rolls its count back. A rank beyond the limit
 * throws, which rolls the whole filing back.
 */
export async function countFiling(
  trx: Transaction<Database>,
  filingKey: FilingKey,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - FILING_LIMITS.windowMs).toISOString();
  await trx.deleteFrom('filing_throttle').where('window_started_at', '<=', windowStart).execute();
  const expired = sql<boolean>`(filing_throttle.window_started_at <= ${windowStart})`;
  const row = await trx
    .insertInto('filing_throttle')
    .values({ key: filingKey.key, count: 1, window_started_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${expired} then 1 else filing_throttle.count + 1 end`,
        window_started_at: sql<string>`case when ${expired} then ${at} else filing_throttle.window_started_at end`,
      }),
    )
    .returning(['count', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (Number(row.count) > filingKey.limit) throw throttled(row.window_started_at, now);
}
