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
export async function lockedUntil(db: Kysely<Database>, key: string, now: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  if (row?.locked_until == null || row.locked_until <= now.toISOString()) return undefined;
  return new Date(row.locked_until);
}

/**
 * Counts one failure, atomically (a single upsert: concurrent failures from several processes all
 * count), and locks the key when it reaches `limit` within the window. Returns the lock end if
 * this failure locked it.
 */
export async function recordFailure(
  trx: Transaction<Database>,
  key: string,
  limit: number,
  now: Date,
): Promise<Date | undefined> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  await trx
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // An expired window starts again at this failure.
        failures: sql<number>`case when login_throttle.window_started_at <= ${windowStart} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql<string>`case when login_throttle.window_started_at <= ${windowStart} then ${at} else login_throttle.window_started_at end`,
        locked_until: sql<
          string | null
        >`case when login_throttle.locked_until is not null and login_throttle.locked_until > ${at} then login_throttle.locked_until else null end`,
      }),
    )
    .execute();
  const until = new Date(now.getTime() + THROTTLE.lockMs).toISOString();
  const locked = await trx
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('key', '=', key)
    .where('failures', '>=', limit)
    .where('locked_until', 'is', null)
    .returning('locked_until')
    .executeTakeFirst();
  return locked?.locked_until == null ? undefined : new Date(locked.locked_until);
}

/** A successful login clears the e-mail's counter (not the address's: one success proves little). */
export async function clearFailures(trx: Transaction<Database>, key: string): Promise<void> {
  await trx.deleteFrom('login_throttle').where('key', '=', key).execute();
}
