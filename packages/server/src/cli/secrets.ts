import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemClock } from '../http/clock.js';
import { resealAccounts } from '../publishing/accounts/account-service.js';
import { parseArgs } from './args.js';
import { CliError, EXIT, usageError } from './exit-status.js';
import type { CliIo } from './io.js';

export const SECRETS_HELP = `Usage : blouse secrets rotate

Chiffre de nouveau, avec la clé actuelle, les secrets des comptes des réseaux (mots de passe
d’application, jetons), chiffrés au repos en AES-256-GCM.

Pour changer de clé : mettez la nouvelle dans BLOUSE_SECRET_KEY et l’ancienne dans
BLOUSE_SECRET_OLD_KEYS (séparées par des virgules s’il y en a plusieurs), lancez
« blouse secrets rotate », puis retirez l’ancienne clé. Une clé : « openssl rand -base64 32 ».
`;

const HELP_POINTER = 'blouse secrets --help';

export async function secretsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: [], values: [], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(SECRETS_HELP);
    return EXIT.ok;
  }
  const [action, ...rest] = args.positionals;
  if (action !== 'rotate') throw usageError('action attendue : « rotate ».', HELP_POINTER);
  if (rest.length > 0) throw usageError(`argument inattendu : « ${rest[0]} ».`, HELP_POINTER);
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 78);
    throw error;
  }
  if (config.secretKeys === undefined)
    throw new CliError('BLOUSE_SECRET_KEY n’est pas définie : aucune clé avec laquelle chiffrer.', 78);
  const storage = openStorage(config.databaseUrl);
  try {
    await migrateToLatest(storage);
    const count = await resealAccounts({ storage, config, clock: systemClock });
    io.stdout.write(`${count} secret(s) chiffré(s) de nouveau avec la clé actuelle.\n`);
    return EXIT.ok;
  } catch (error) {
    throw new CliError(`rotation impossible : ${(error as Error).message}`, EXIT.internal);
  } finally {
    await storage.close();
  }
}
