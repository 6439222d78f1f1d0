import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A position in a source: the last row read, by its timestamp and id (ties broken by id). */
export interface Position {
  readonly at: string;
  readonly id: string;
}

export const START: Position = { at: '', id: '' };

export async function readWatermark(db: Db, source: string): Promise<Position> {
  const row = await db
    .selectFrom('analytics_watermarks')
    .select('position')
    .where('source', '=', source)
    .executeTakeFirst();
  if (row === undefined) return START;
  const split = row.position.indexOf('|');
  return split < 0
    ? { at: row.position, id: '' }
    : { at: row.position.slice(0, split), id: row.position.slice(split + 1) };
}

export async function writeWatermark(db: Db, source: string, position: Position, now: Date): Promise<void> {
  const values = { source, position: `${position.at}|${position.id}`, refreshed_at: now.toISOString() };
  await db
    .insertInto('analytics_watermarks')
    .values(values)
    .onConflict((oc) =>
      oc.column('source').doUpdateSet({ position: values.position, refreshed_at: values.refreshed_at }),
    )
    .execute();
}

/** When the whole refresh last finished, or null. */
export async function lastRefreshedAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('analytics_watermarks')
    .select('refreshed_at')
    .where('source', '=', REFRESH_DONE)
    .executeTakeFirst();
  return row?.refreshed_at ?? null;
}

/** The pseudo-source whose row says when a whole refresh last finished. */
export const REFRESH_DONE = 'refresh';
