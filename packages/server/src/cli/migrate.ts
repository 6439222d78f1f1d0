import { ConfigError, loadConfig } from '../config/config.js';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { parseArgs } from './args.js';
import { CliError, EXIT, usageError } from './exit-status.js';
import type { CliIo } from './io.js';

export const MIGRATE_HELP = `Usage : blouse migrate

Met le schéma de la base de données à jour (DATABASE_URL, sinon sqlite:./data/blouse.sqlite).
Sans effet si la base est déjà à jour. « blouse serve » le fait aussi à chaque démarrage.
`;

const HELP_POINTER = 'blouse migrate --help';

export async function migrateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: [], values: [], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(MIGRATE_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0)
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);
  let url: string;
  try {
    url = loadConfig(io.env).databaseUrl;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 78);
    throw error;
  }
  const storage = openStorage(url);
  try {
    const { applied } = await migrateToLatest(storage);
    io.stdout.write(
      applied.length === 0
        ? 'La base de données est déjà à jour.\n'
        : `Migrations appliquées : ${applied.join(', ')}.\n`,
    );
    return EXIT.ok;
  } catch (error) {
    throw new CliError(`migration impossible : ${(error as Error).message}`, EXIT.internal);
  } finally {
    await storage.close();
  }
}
