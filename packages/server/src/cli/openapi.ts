import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildOpenApiDocument, serialiseOpenApi } from '../http/openapi-document.js';
import { parseArgs } from './args.js';
import { CliError, EXIT, usageError } from './exit-status.js';
import type { CliIo } from './io.js';

export const OPENAPI_HELP = `Usage : blouse openapi [--out FICHIER]

Écrit la description OpenAPI de l’API (celle de /api/docs), clés triées, sur la sortie standard
ou dans FICHIER. Sans base de données ni port : l’application est construite en mémoire.
« npm run contract » l’écrit dans packages/web/src/api/openapi.json puis en tire les types de
l’application web.
`;

const HELP_POINTER = 'blouse openapi --help';
/** EX_CANTCREAT from sysexits.h: the output file cannot be written. */
const EXIT_CANT_CREATE = 73;

/** `blouse openapi`: the contract between the server and the web app, for generating types. */
export async function openapiCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: [], values: ['out'], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(OPENAPI_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0)
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);
  const text = serialiseOpenApi(await buildOpenApiDocument());
  const out = args.values.get('out');
  if (out === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, out);
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliError(`écriture impossible dans ${path} (${(error as Error).message}).`, EXIT_CANT_CREATE);
  }
  io.stderr.write(`Description OpenAPI écrite dans ${path}.\n`);
  return EXIT.ok;
}
