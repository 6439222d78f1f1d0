import { Migrator } from 'kysely';
import type { Storage } from './database.js';
import { migrationProvider } from './migrations/index.js';

export interface MigrationOutcome {
  readonly applied: readonly string[];
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(storage: Storage): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db: storage.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const name = failed?.migrationName ?? 'inconnue';
    const detail = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`la migration ${name} a échoué : ${detail}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
