import { sql } from 'kysely';
import type { Storage } from '../db/database.js';

/**
 * Every row of every table of the database, as text, for tests that prove something is NOT
 * stored (a checked post, an anonymous reporter's id). Tables are listed from the catalogue, so
 * a table added later by another module is searched too. Binary columns are decoded as UTF-8
 * so that a string hidden in a file's bytes is found as well.
 */
export async function dumpDatabase(storage: Storage): Promise<Map<string, string[]>> {
  const tables =
    storage.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(storage.db)
      : await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(storage.db);
  const dump = new Map<string, string[]>();
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(storage.db);
    dump.set(
      name,
      rows.rows.map((row) =>
        JSON.stringify(row, (_key, value) => {
          if (value !== null && typeof value === 'object' && (value as { type?: string }).type === 'Buffer')
            return Buffer.from((value as { data: number[] }).data).toString('utf8');
          return value;
        }),
      ),
    );
  }
  return dump;
}

/** The tables (and rows) where `needle` appears. */
export function occurrences(dump: Map<string, string[]>, needle: string): string[] {
  const found: string[] = [];
  for (const [table, rows] of dump) {
    for (const row of rows) if (row.includes(needle)) found.push(`${table}: ${row}`);
  }
  return found;
}
