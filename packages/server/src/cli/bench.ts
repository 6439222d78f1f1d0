import { cpus } from 'node:os';
import { resolve } from 'node:path';
import {
  type BenchPost,
  type BenchSettings,
  DEFAULT_BENCH_SETTINGS,
  runGuardBench,
  SAMPLE_POSTS,
} from '@blouse/guard';
import { parseArgs } from './args.js';
import { type BenchRun, renderBenchTable } from './bench-table.js';
import { readEvalSetFile } from './eval-set-file.js';
import { EXIT, usageError } from './exit-status.js';
import type { CliIo } from './io.js';
import { isFile } from './read-input.js';

export const BENCH_HELP = `Usage : blouse bench guard [--data FICHIER.jsonl] [--json]

Mesure la vitesse du garde sur un cœur : chargement des lexiques, publications analysées
par seconde (au moins 3 s après une chauffe), latence par publication (p50, p95, p99, max)
et durée d’analyse d’un texte de 1 Mo.

Données : --data FICHIER.jsonl, sinon ../shared/data/guard/dev.jsonl s’il existe,
sinon une quarantaine de publications fictives intégrées.

Options :
  --data FICHIER  les publications à analyser (format shared/data/guard/FORMAT.md)
  --json          affiche les mesures en JSON
  -h, --help      affiche cette aide

À lancer sur une machine au repos : ce sont des mesures, pas des seuils.
`;

const HELP_POINTER = 'blouse bench --help';
const DEFAULT_DATA = '../shared/data/guard/dev.jsonl';

/** `blouse bench`: how fast the guard is. `settings` shortens the run in tests. */
export async function benchCommand(
  argv: readonly string[],
  io: CliIo,
  settings: BenchSettings = DEFAULT_BENCH_SETTINGS,
): Promise<number> {
  const [target, ...rest] = argv;
  if (target === '-h' || target === '--help' || target === 'help') {
    io.stdout.write(BENCH_HELP);
    return EXIT.ok;
  }
  if (target !== 'guard') {
    const problem =
      target === undefined ? 'précisez ce qu’il faut mesurer' : `banc d’essai inconnu : « ${target} »`;
    throw usageError(`${problem} (guard).`, HELP_POINTER);
  }
  const args = parseArgs(rest, { flags: ['json'], values: ['data'], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(BENCH_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0)
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);

  const { source, posts } = await benchPosts(args.values.get('data'), io);
  const run: BenchRun = {
    source,
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'processeur inconnu',
    result: runGuardBench(posts, settings),
  };
  io.stdout.write(args.flags.has('json') ? `${JSON.stringify(run, null, 2)}\n` : renderBenchTable(run));
  return EXIT.ok;
}

async function benchPosts(
  data: string | undefined,
  io: CliIo,
): Promise<{ source: string; posts: readonly BenchPost[] }> {
  if (data === undefined && !(await isFile(resolve(io.cwd, DEFAULT_DATA)))) {
    return { source: 'publications fictives intégrées', posts: SAMPLE_POSTS };
  }
  const path = data ?? resolve(io.cwd, DEFAULT_DATA);
  const parsed = await readEvalSetFile(path, io);
  if (parsed.records.length === 0) throw usageError(`aucune ligne valide dans « ${path} ».`, HELP_POINTER);
  return { source: path, posts: parsed.records.map(({ text, context }) => ({ text, context })) };
}
