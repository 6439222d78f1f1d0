import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Storage {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

/**
 * Opens the database named by a URL: `postgres://…` for PostgreSQL, `sqlite:PATH` or a plain
 * path for SQLite (the embedded default, a file under ./data).
 */
export function openStorage(url: string): Storage {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL: readers never block the writer. synchronous = FULL: a write acknowledged to a user is on
  // disk even if the machine loses power right after. Foreign keys are off by default in SQLite.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Serialises the writers of one hash chain (audit log, evidence) for the rest of the transaction.
 * SQLite has a single writer already (Kysely runs one transaction at a time on its connection);
 * PostgreSQL takes a transaction-scoped advisory lock, so that several server processes cannot
 * both append after the same link.
 */
export async function lockChain(
  trx: Transaction<Database>,
  dialect: DialectName,
  chain: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${chain}))`.execute(trx);
}
