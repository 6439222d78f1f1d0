import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type AuditHead, type AuditVerification, verifyAuditChain } from '../audit/verify.js';
import { openStorage, type Storage } from '../db/database.js';
import { parseArgs } from './args.js';
import { dataError, EXIT, inputError, usageError } from './exit-status.js';
import type { CliIo } from './io.js';

const HELP_POINTER = 'blouse audit --help';
const DEFAULT_DATABASE = 'sqlite:./data/blouse.sqlite';

export const AUDIT_HELP = `Usage : blouse audit verify [--database URL] [--head SEQ:EMPREINTE] [--json]

Vérifie le journal d’audit chaîné : numérotation continue depuis 1, chaque empreinte
recalculée, chaque entrée liée à la précédente. S’arrête à la première entrée altérée et dit
pourquoi (modifiée, supprimée, insérée, déplacée). Ne modifie rien.

Affiche la tête du journal (numéro et empreinte) : notez-la. La chaîne seule ne peut pas
montrer que ses dernières entrées ont été supprimées ; en redonnant plus tard la tête notée
avec --head, vous le saurez.

Options :
  --database URL          la base (par défaut : DATABASE_URL, sinon ${DEFAULT_DATABASE})
  --head SEQ:EMPREINTE    une tête notée auparavant, qui doit toujours être dans le journal
  --json                  affiche le résultat en JSON
  -h, --help              affiche cette aide

Codes de sortie : 0 journal intact, 1 journal altéré, 64 commande mal formée,
65 base sans journal d’audit, 66 base introuvable ou inaccessible.

Exemples :
  blouse audit verify
  blouse audit verify --database postgres://blouse@db/blouse --head 1204:9f86d08…
`;

/** `blouse audit`: checks the hash-chained audit log of a Blouse database. */
export async function auditCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === '-h' || action === '--help' || action === 'help') {
    io.stdout.write(AUDIT_HELP);
    return EXIT.ok;
  }
  if (action === undefined) throw usageError('précisez l’action (verify).', HELP_POINTER);
  if (action !== 'verify')
    throw usageError(`action inconnue : « ${action} » (attendu : verify).`, HELP_POINTER);
  const args = parseArgs(rest, { flags: ['json'], values: ['database', 'head'], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(AUDIT_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) {
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);
  }
  const head = parseHead(args.values.get('head'));
  const url = databaseUrl(args.values.get('database') ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE, io.cwd);

  const storage = await open(url);
  try {
    await requireAuditTable(storage, url);
    const result = await verifyAuditChain(storage.db, head === undefined ? {} : { head });
    io.stdout.write(args.flags.has('json') ? `${JSON.stringify(result, null, 2)}\n` : render(result, head));
    return result.intact ? EXIT.ok : EXIT.warn;
  } finally {
    await storage.close();
  }
}

function parseHead(value: string | undefined): AuditHead | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(value.trim());
  if (match === null) {
    throw usageError(
      '--head attend SEQ:EMPREINTE, par exemple 42:9f86d081… (64 caractères hexadécimaux).',
      HELP_POINTER,
    );
  }
  return { seq: Number(match[1]), hash: (match[2] as string).toLowerCase() };
}

/** A relative SQLite path is relative to the working directory given to the command. */
function databaseUrl(url: string, cwd: string): string {
  if (/^postgres(ql)?:\/\//.test(url)) return url;
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (path === '') throw usageError('--database : chemin SQLite vide.', HELP_POINTER);
  return `sqlite:${resolve(cwd, path)}`;
}

/**
 * Opens the database without creating anything: a verification must never leave an empty
 * SQLite file behind a mistyped path, nor migrate a database it was only asked to read.
 */
async function open(url: string): Promise<Storage> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw inputError(`base SQLite introuvable : « ${path} ».`);
  }
  const storage = openStorage(url);
  try {
    await storage.db
      .selectFrom('audit_log')
      .select('seq')
      .limit(0)
      .execute()
      .catch((error: unknown) => {
        if (isMissingTable(error)) return;
        throw error;
      });
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw inputError(`base inaccessible (${describe(error)}).`);
  }
  return storage;
}

async function requireAuditTable(storage: Storage, url: string): Promise<void> {
  const tables = await storage.db.introspection.getTables();
  if (!tables.some((table) => table.name === 'audit_log')) {
    throw dataError(
      `la base ${redact(url)} n’a pas de journal d’audit (table audit_log absente) : ce n’est pas une base Blouse, ou elle n’a jamais été initialisée (lancez « blouse serve » une première fois).`,
    );
  }
}

function isMissingTable(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /no such table|does not exist/i.test(message);
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** A PostgreSQL URL may hold a password: never print it. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function render(result: AuditVerification, anchor: AuditHead | undefined): string {
  const lines: string[] = [];
  if (result.intact) {
    lines.push(`Journal d’audit intact : ${result.checked} entrée(s) vérifiée(s).`);
    if (anchor !== undefined) lines.push(`La tête notée (n° ${anchor.seq}) est toujours dans la chaîne.`);
  } else {
    const bad = result.firstBad;
    lines.push(`Journal d’audit ALTÉRÉ à l’entrée n° ${bad?.seq ?? '?'} : ${bad?.message ?? ''}`);
    lines.push(`Entrées intactes avant l’anomalie : ${result.checked}.`);
  }
  if (result.head === null) lines.push('Le journal est vide.');
  else {
    lines.push(`Tête du journal${result.intact ? '' : ' (dernière entrée intacte)'} : n° ${result.head.seq}`);
    lines.push(`  empreinte ${result.head.hash}`);
    if (result.intact)
      lines.push(
        `Notez-la, pour une vérification ultérieure : --head ${result.head.seq}:${result.head.hash}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
