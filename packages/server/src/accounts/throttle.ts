import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Login throttling, in the database so that every server process sees the same counters.
 * Per e-mail: 5 failures within 15 minutes lock the account for 15 minutes. Per IP address:
 * 20 failures within 15 minutes block that address for 15 minutes (one office behind one NAT
 * may mistype more often than one person; a guesser trying many e-mails is still stopped).
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  emailLimit: 5,
  ipLimit: 20,
} as const;

export type ThrottleKind = 'email' | 'ip';

export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${value}`;
}

/** When the key is locked until, if it is locked now. */
export async function lockedUntil(
  db: Kysely<Database> | Transaction<Database>,
  key: string,
  now: Date,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  if (row?.locked_until == null || row.locked_until <= now.toISOString()) return undefined;
  return new Date(row.locked_until);
}

export interface Attempt {
  /** This attempt's rank in the current window, itself included. */
  readonly rank: number;
  /** Set when the key is locked now: the attempt must be refused without verifying anything. */
  readonly lockedUntil: Date | undefined;
}

/**
 * Counts one attempt BEFORE its password is verified, atomically (a single upsert: concurrent
 * attempts from several requests or processes each get their own rank). Counting after the
 * verification let parallel attempts all pass the lock check before any failure was counted.
 * Ranks 1..limit may be verified; a rank beyond the limit locks the key (if it is not already)
 * and is refused. A window restarts when it has expired or when the last lock has ended.
 */
export async function countAttempt(
  trx: Transaction<Database>,
  key: string,
  limit: number,
  now: Date,
): Promise<Attempt> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  const until = new Date(now.getTime() + THROTTLE.lockMs).toISOString();
  const restart = sql<boolean>`(login_throttle.window_started_at <= ${windowStart} or (login_throttle.locked_until is not null and login_throttle.locked_until <= ${at}))`;
  const rank = sql<number>`(case when ${restart} then 1 else login_throttle.failures + 1 end)`;
  const row = await trx
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: rank,
        window_started_at: sql<string>`case when ${restart} then ${at} else login_throttle.window_started_at end`,
        locked_until: sql<
          string | null
        >`case when login_throttle.locked_until is not null and login_throttle.locked_until > ${at} then login_throttle.locked_until when ${rank} > ${limit} then ${until} else null end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return {
    rank: Number(row.failures),
    lockedUntil: row.locked_until == null ? undefined : new Date(row.locked_until),
  };
}

/** Gives an attempt back (a success, or a refusal that verified nothing); never below zero. */
export async function uncountAttempt(trx: Transaction<Database>, key: string): Promise<void> {
  await trx
    .updateTable('login_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/**
 * A verified failure whose rank reached the limit locks the key (unless a concurrent attempt
 * already did). Its attempt was already counted: nothing is counted twice. Returns the lock end.
 */
export async function lockKey(trx: Transaction<Database>, key: string, now: Date): Promise<Date> {
  const at = now.toISOString();
  await trx
    .updateTable('login_throttle')
    .set({ locked_until: new Date(now.getTime() + THROTTLE.lockMs).toISOString() })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .execute();
  return (await lockedUntil(trx, key, now)) ?? new Date(now.getTime() + THROTTLE.lockMs);
}

/**
 * A successful login clears the e-mail's counter, unless a concurrent failure locked it while
 * this password was being verified: then the lock stands and its end is returned.
 */
export async function clearUnlessLocked(
  trx: Transaction<Database>,
  key: string,
  now: Date,
): Promise<Date | undefined> {
  const at = now.toISOString();
  await trx
    .deleteFrom('login_throttle')
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .execute();
  return lockedUntil(trx, key, now);
}
