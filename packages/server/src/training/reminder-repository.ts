import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** SQL of the six-monthly privacy reminders. */
type Db = Kysely<Database> | Transaction<Database>;

export interface ReminderState {
  readonly optedOut: boolean;
  readonly lastSentAt: string | null;
}

export async function reminderState(db: Db, userId: string): Promise<ReminderState> {
  const row = await db
    .selectFrom('privacy_reminders')
    .select(['opted_out', 'last_sent_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { optedOut: Number(row?.opted_out ?? 0) === 1, lastSentAt: row?.last_sent_at ?? null };
}

export async function setOptedOut(db: Db, userId: string, optedOut: boolean, now: string): Promise<void> {
  await db
    .insertInto('privacy_reminders')
    .values({ user_id: userId, opted_out: optedOut ? 1 : 0, last_sent_at: null, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ opted_out: optedOut ? 1 : 0, updated_at: now }))
    .execute();
}

/** Whether a user exists (an opt-out link may outlive its account). */
export async function userExists(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/**
 * A row for every active member who has none yet, so that the claim below is one conditional
 * update for everyone (a row inserted twice by two sweeps is inserted once).
 */
export async function ensureReminderRows(db: Db, now: string): Promise<void> {
  const missing = await db
    .selectFrom('users as u')
    .leftJoin('privacy_reminders as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('r.user_id', 'is', null)
    .where('u.disabled', '=', 0)
    // Demo accounts have fictitious addresses.
    .where('u.demo', '=', 0)
    .where((eb) =>
      eb.exists(eb.selectFrom('memberships as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id')),
    )
    .execute();
  for (const { id } of missing)
    await db
      .insertInto('privacy_reminders')
      .values({ user_id: id, opted_out: 0, last_sent_at: null, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
}

export interface DueReminder {
  readonly userId: string;
  readonly email: string;
  readonly lastSentAt: string | null;
}

/** Active members not opted out whose last reminder is as old as `dueBefore`, or who never had one. */
export async function dueReminders(
  db: Db,
  dueBefore: string,
  limit: number,
  after?: string,
): Promise<DueReminder[]> {
  let query = db
    .selectFrom('privacy_reminders as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id as id', 'u.email as email', 'r.last_sent_at as last_sent_at'])
    .where('r.opted_out', '=', 0)
    .where('u.disabled', '=', 0)
    // Demo accounts have fictitious addresses.
    .where('u.demo', '=', 0)
    .where((eb) => eb.or([eb('r.last_sent_at', 'is', null), eb('r.last_sent_at', '<=', dueBefore)]))
    .where((eb) =>
      eb.exists(eb.selectFrom('memberships as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id')),
    );
  if (after !== undefined) query = query.where('u.id', '>', after);
  const rows = await query.orderBy('u.id').limit(limit).execute();
  return rows.map((row) => ({ userId: row.id, email: row.email, lastSentAt: row.last_sent_at }));
}

/**
 * Claims a person's reminder for this period: sets last_sent_at to now only if it is still what
 * was read. Of two sweeps at once (a job run again after a crash, two processes), one claims and
 * mails; the other finds the row changed and mails no one.
 */
export async function claimReminder(
  db: Db,
  userId: string,
  previous: string | null,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('privacy_reminders')
    .set({ last_sent_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('opted_out', '=', 0)
    .where((eb) => (previous === null ? eb('last_sent_at', 'is', null) : eb('last_sent_at', '=', previous)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives a claim back after the mail could not be sent: the next sweep tries again. */
export async function releaseReminder(
  db: Db,
  userId: string,
  claimed: string,
  previous: string | null,
): Promise<void> {
  await db
    .updateTable('privacy_reminders')
    .set({ last_sent_at: previous })
    .where('user_id', '=', userId)
    .where('last_sent_at', '=', claimed)
    .execute();
}

/** Expired quiz attempts of everyone: the sweep also clears what people left unfinished. */
export async function dropExpiredAttempts(db: Db, now: string): Promise<void> {
  await db.deleteFrom('quiz_attempts').where('expires_at', '<', now).execute();
}
