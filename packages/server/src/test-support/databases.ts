import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DialectName, openStorage, type Storage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** The PostgreSQL every test uses: the one running on this machine (override with BLOUSE_TEST_PG). */
export const TEST_POSTGRES = process.env.BLOUSE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export interface TestStorage extends Storage {
  readonly url: string;
  /** Closes and deletes the database. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated, empty database of the given kind: a temporary SQLite file, or a new
 * PostgreSQL database created for this test and dropped by dispose().
 */
export async function createTestStorage(dialect: DialectName): Promise<TestStorage> {
  if (dialect === 'sqlite') {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'blouse-db-')), 'test.sqlite')}`;
    const storage = openStorage(url);
    await migrateToLatest(storage);
    return { ...storage, url, dispose: () => storage.close() };
  }
  const name = `blouse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  const storage = openStorage(url.toString());
  await migrateToLatest(storage);
  return {
    ...storage,
    url: url.toString(),
    dispose: async () => {
      await storage.close();
      const cleaner = new pg.Client({ connectionString: TEST_POSTGRES });
      await cleaner.connect();
      // The pool says it has ended before its sockets are closed: dropping with (force) right away
      // kills them mid-goodbye and surfaces as an uncaught error. Wait for them to go instead.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleaner.query(`drop database if exists ${name}`);
          break;
        } catch (error) {
          if (attempt >= 40) {
            await cleaner.query(`drop database if exists ${name} with (force)`);
            break;
          }
          if (!String((error as Error).message).includes('being accessed')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await cleaner.end();
    },
  };
}
