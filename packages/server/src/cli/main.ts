import { releaseTextReader } from '@blouse/guard-image';
import { AUDIT_HELP, auditCommand } from './audit.js';
import { BENCH_HELP, benchCommand } from './bench.js';
import { CHECK_HELP, checkCommand } from './check.js';
import { EVAL_HELP, evalCommand } from './eval.js';
import { EVIDENCE_HELP, evidenceCommand } from './evidence.js';
import { CliError, EXIT, usageError } from './exit-status.js';
import { MAIN_HELP } from './help.js';
import { type CliIo, completeIo } from './io.js';
import { MIGRATE_HELP, migrateCommand } from './migrate.js';
import { OPENAPI_HELP, openapiCommand } from './openapi.js';
import { SECRETS_HELP, secretsCommand } from './secrets.js';
import { SERVE_HELP, serveCommand } from './serve.js';
import { USER_HELP, userCommand } from './user.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, { readonly run: Command; readonly help: string }>> = {
  check: { run: checkCommand, help: CHECK_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
  bench: { run: benchCommand, help: BENCH_HELP },
  serve: { run: (argv, io) => serveCommand(argv, io), help: SERVE_HELP },
  migrate: { run: migrateCommand, help: MIGRATE_HELP },
  audit: { run: auditCommand, help: AUDIT_HELP },
  evidence: { run: evidenceCommand, help: EVIDENCE_HELP },
  user: { run: userCommand, help: USER_HELP },
  openapi: { run: openapiCommand, help: OPENAPI_HELP },
  secrets: { run: secretsCommand, help: SECRETS_HELP },
};

/**
 * Entry point of the `blouse` command; returns the exit status. Streams, environment and working
 * directory come from `io` when given (tests), from the process otherwise. Never throws: a
 * mistake of the user is one French sentence on stderr, a bug of ours is reported as such,
 * without a stack trace.
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const cli = completeIo(io);
  try {
    return await dispatch(argv, cli);
  } catch (error) {
    if (error instanceof CliError) {
      const pointer = error.help === undefined ? '' : ` Voir « ${error.help} ».`;
      cli.stderr.write(`blouse : ${error.message}${pointer}\n`);
      return error.status;
    }
    const detail = error instanceof Error ? error.message : String(error);
    cli.stderr.write(
      `blouse : erreur interne inattendue (${detail}). Merci de la signaler à l’équipe Blouse.\n`,
    );
    if (cli.env.BLOUSE_DEBUG && error instanceof Error && error.stack) cli.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  } finally {
    // The image guard's OCR thread outlives a photo (it is slow to start): a finished command
    // stops it, or the process would wait for its idle timeout before exiting.
    await releaseTextReader();
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  if (name === 'help') return help(rest, io);
  // hasOwn: « blouse constructor » must be an unknown command, not Object's prototype.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    throw usageError(`commande inconnue : « ${name} ».`, 'blouse --help');
  }
  return command.run(rest, io);
}

function help(argv: readonly string[], io: CliIo): number {
  const [topic] = argv;
  if (topic === undefined) {
    io.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
  if (command === undefined)
    throw usageError(`pas d’aide pour « ${topic} » : commande inconnue.`, 'blouse --help');
  io.stdout.write(command.help);
  return EXIT.ok;
}
