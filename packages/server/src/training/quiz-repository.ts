import type { Kysely, Transaction } from 'kysely';
import type { Database, Row } from '../db/schema.js';

/** SQL of the quiz: attempts in progress and each person's last score. */
type Db = Kysely<Database> | Transaction<Database>;

export type AttemptRow = Row<'quiz_attempts'>;
export type QuizResultRow = Row<'quiz_results'>;

/** Drops the person's unfinished attempts here, and everyone's expired ones (nothing half kept). */
export async function dropStaleAttempts(db: Db, establishmentId: string, userId: string, now: string) {
  await db
    .deleteFrom('quiz_attempts')
    .where('establishment_id', '=', establishmentId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('expires_at', '<', now)]))
    .execute();
}

export async function insertAttempt(db: Db, row: AttemptRow): Promise<void> {
  await db.insertInto('quiz_attempts').values(row).execute();
}

export function findAttempt(
  db: Db,
  establishmentId: string,
  userId: string,
  attemptId: string,
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom('quiz_attempts')
    .selectAll()
    .where('id', '=', attemptId)
    .where('establishment_id', '=', establishmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Records one more answer, if nobody recorded one since `answeredBefore` was read: of two
 * answers sent at once to the same attempt, one wins and the other is refused.
 */
export async function recordAnswer(
  db: Db,
  attemptId: string,
  answeredBefore: string,
  change: { answered_ids: string; correct: number },
): Promise<boolean> {
  const result = await db
    .updateTable('quiz_attempts')
    .set(change)
    .where('id', '=', attemptId)
    .where('answered_ids', '=', answeredBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteAttempt(db: Db, attemptId: string): Promise<void> {
  await db.deleteFrom('quiz_attempts').where('id', '=', attemptId).execute();
}

/** The person's last score, replacing the one before: no history is kept. */
export async function saveResult(db: Db, row: QuizResultRow): Promise<void> {
  await db
    .insertInto('quiz_results')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'establishment_id'])
        .doUpdateSet({ score: row.score, total: row.total, taken_at: row.taken_at }),
    )
    .execute();
}

export function findResult(
  db: Db,
  establishmentId: string,
  userId: string,
): Promise<QuizResultRow | undefined> {
  return db
    .selectFrom('quiz_results')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
