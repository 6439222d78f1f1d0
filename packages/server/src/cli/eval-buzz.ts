import { mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { BuzzInputError, parseCountCsv, scoreSeries, TIME_ZONES, type TimeZone } from '@blouse/buzz';
import { parseArgs } from './args.js';
import { evalBuzzSynthetic } from './eval-buzz-synthetic.js';
import { dataError, EXIT, inputError, usageError } from './exit-status.js';
import { integer } from './format.js';
import type { CliIo } from './io.js';
import { isDirectory } from './read-input.js';
import { renderTable } from './text-table.js';

const HELP_POINTER = 'blouse eval --help';
// A count series of a year in one-minute buckets is about 20 MB; anything far larger is a mistake.
const MAX_CSV_BYTES = 256 * 1024 * 1024;

interface ScoredFile {
  readonly file: string;
  readonly rows: number;
  readonly bucketSeconds: number;
  readonly onsets: number;
  readonly alerts: number;
}

/**
 * `blouse eval buzz --data DIR --out OUTDIR`: every CSV under DIR (timestamp,value) is scored in
 * one causal pass and written to OUTDIR under the same relative path, with an anomaly_score
 * column, ready for the Numenta benchmark's scorer.
 */
export async function evalBuzz(argv: readonly string[], io: CliIo, help: string): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['json', 'synthetic'],
    values: ['data', 'out', 'time-zone', 'series', 'bucket-seconds', 'seed'],
    help: HELP_POINTER,
  });
  if (args.flags.has('help')) {
    io.stdout.write(help);
    return EXIT.ok;
  }
  if (args.positionals.length > 0)
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);
  if (args.flags.has('synthetic')) return evalBuzzSynthetic(args.values, args.flags.has('json'), io);
  const data = args.values.get('data');
  const out = args.values.get('out');
  if (data === undefined || out === undefined) {
    throw usageError(
      'indiquez le dossier des séries (--data DOSSIER) et celui des résultats (--out DOSSIER).',
      HELP_POINTER,
    );
  }
  const zone = args.values.get('time-zone') ?? 'UTC';
  if (!TIME_ZONES.includes(zone as TimeZone)) {
    throw usageError(`fuseau inconnu : « ${zone} » (${TIME_ZONES.join(' ou ')}).`, HELP_POINTER);
  }
  const dataDir = resolve(io.cwd, data);
  const outDir = resolve(io.cwd, out);
  if (!(await isDirectory(dataDir))) throw inputError(`dossier introuvable : « ${data} ».`);
  const realData = await realpath(dataDir);
  const realOut = await realpath(outDir).catch(() => outDir);
  if (realOut === realData) {
    throw usageError(
      'le dossier des résultats doit différer de celui des séries (elles seraient écrasées).',
      HELP_POINTER,
    );
  }

  // List first, then write: an output folder inside the data folder is never read back as input.
  const files = (await listCsv(dataDir)).filter((path) => !isInside(path, outDir));
  if (files.length === 0) throw inputError(`aucun fichier .csv dans « ${data} ».`);
  const scored: ScoredFile[] = [];
  for (const path of files) {
    const name = relative(dataDir, path);
    const text = await readCsv(path, name);
    let rows: ReturnType<typeof parseCountCsv>;
    try {
      rows = parseCountCsv(text, name);
    } catch (error) {
      if (error instanceof BuzzInputError) throw dataError(error.message);
      throw error;
    }
    const result = scoreSeries(rows, zone as TimeZone);
    const target = join(outDir, name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, result.csv);
    scored.push({
      file: name,
      rows: result.rows,
      bucketSeconds: result.bucketSeconds,
      onsets: result.onsets,
      alerts: result.alerts,
    });
  }
  io.stdout.write(
    args.flags.has('json')
      ? `${JSON.stringify({ out: outDir, files: scored }, null, 2)}\n`
      : render(scored, outDir),
  );
  return EXIT.ok;
}

async function listCsv(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Links are not followed: a loop of links, or a link out of the data folder, is not data.
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listCsv(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.csv')) found.push(path);
  }
  return found;
}

async function readCsv(path: string, name: string): Promise<string> {
  const bytes = await readFile(path).catch(() => {
    throw inputError(`fichier illisible : « ${name} ».`);
  });
  if (bytes.length > MAX_CSV_BYTES) throw dataError(`« ${name} » dépasse 256 Mo.`);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function isInside(path: string, dir: string): boolean {
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

function render(files: readonly ScoredFile[], outDir: string): string {
  const rows = files.map((file) => [
    file.file,
    integer(file.rows),
    `${integer(file.bucketSeconds / 60)} min`,
    integer(file.onsets),
    integer(file.alerts),
  ]);
  return [
    'Détecteur de pics : séries notées en une seule passe causale',
    '',
    renderTable(
      [['fichier', 'lignes', 'pas', 'départs', 'alertes'], ...rows],
      ['left', 'right', 'right', 'right', 'right'],
    ),
    '',
    `Résultats écrits dans ${outDir}.`,
    'Score NAB : python3 ../shared/tools/nab_score.py --dir <ce dossier> --name blouse --split tweets-dev',
    '',
  ].join('\n');
}
