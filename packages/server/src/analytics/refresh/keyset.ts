import type { Kysely, Transaction } from 'kysely';
import { type DialectName, lockChain } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { type Position, readWatermark, writeWatermark } from './watermark.js';

/**
 * A write table read in (timestamp, id) order from a watermark, a batch per transaction.
 *
 * - 'add' sources (mentions, alerts: rows that are only ever inserted) add their batch to counters.
 *   Reading and moving the watermark happen in the same transaction, under a lock on PostgreSQL,
 *   so two refreshes at once (two workers, an on-demand run) never count a row twice, and a crash
 *   loses the batch and its watermark together. Only rows older than LAG_MS are read: a row
 *   written by a transaction still open when its neighbours were read would otherwise be skipped.
 * - 'replace' sources (incidents: rows that change) rewrite one read-model row per source row,
 *   so reading a row twice is harmless: each run starts OVERLAP_MS before its watermark instead,
 *   which catches late commits without waiting.
 */
export interface KeysetSource<R> {
  readonly name: string;
  readonly mode: 'add' | 'replace';
  read(db: Transaction<Database>, after: Position, until: string, limit: number): Promise<R[]>;
  positionOf(row: R): Position;
  apply(trx: Transaction<Database>, rows: readonly R[]): Promise<void>;
}

export const LAG_MS = 30_000;
export const OVERLAP_MS = 5 * 60_000;

export interface KeysetOptions {
  readonly batchSize: number;
  /** Called after each committed batch (tests stop a refresh there, as a crash would). */
  readonly afterBatch?: ((source: string, rows: number) => void) | undefined;
}

/** Reads the source up to now; returns the rows read. */
export async function runKeyset<R>(
  db: Kysely<Database>,
  dialect: DialectName,
  source: KeysetSource<R>,
  now: Date,
  options: KeysetOptions,
): Promise<number> {
  const until = new Date(now.getTime() - (source.mode === 'add' ? LAG_MS : 0)).toISOString();
  let cursor: Position | null = null;
  if (source.mode === 'replace') {
    const mark = await readWatermark(db, source.name);
    cursor = mark.at === '' ? mark : { at: new Date(Date.parse(mark.at) - OVERLAP_MS).toISOString(), id: '' };
  }
  let total = 0;
  for (;;) {
    const read: number = await db.transaction().execute(async (trx) => {
      let after: Position;
      if (source.mode === 'add') {
        await lockChain(trx, dialect, `analytics:${source.name}`);
        after = await readWatermark(trx, source.name);
      } else {
        after = cursor as Position;
      }
      const rows = await source.read(trx, after, until, options.batchSize);
      const last = rows.at(-1);
      if (last === undefined) return 0;
      await source.apply(trx, rows);
      const position = source.positionOf(last);
      // A 'replace' run that re-read rows before its watermark never moves it backwards.
      const stored = source.mode === 'replace' ? await readWatermark(trx, source.name) : after;
      if (source.mode === 'add' || comparePositions(position, stored) > 0)
        await writeWatermark(trx, source.name, position, now);
      cursor = position;
      return rows.length;
    });
    if (read === 0) return total;
    total += read;
    options.afterBatch?.(source.name, read);
    if (read < options.batchSize) return total;
  }
}

function comparePositions(a: Position, b: Position): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}
