import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  buildImageEvalSet,
  type EvalSplit,
  type ImageEvalSummary,
  type Rate,
  scoreImageSet,
} from '@blouse/guard-image';
import { parseArgs } from './args.js';
import { dataError, EXIT, inputError, usageError } from './exit-status.js';
import { fraction, integer, milliseconds, percent } from './format.js';
import type { CliIo } from './io.js';
import { isDirectory, isFile } from './read-input.js';
import { renderTable } from './text-table.js';

const HELP_POINTER = 'blouse eval --help';
/** Enough photos for a figure per size, few enough to build in a minute. */
const DEFAULT_COUNT = 120;
const MAX_COUNT = 5_000;

/**
 * `blouse eval image --build DOSSIER [--split dev|blind] [--count N] [--seed N]` writes an
 * evaluation set of ward photos; `blouse eval image --data DOSSIER [--json] [--misses]` runs the
 * image guard on one and prints recall of GPS, faces and sensitive text, and false alarms.
 */
export async function evalImage(argv: readonly string[], io: CliIo, help: string): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['json', 'misses', 'small-text'],
    values: ['build', 'data', 'split', 'count', 'seed'],
    help: HELP_POINTER,
  });
  if (args.flags.has('help')) {
    io.stdout.write(help);
    return EXIT.ok;
  }
  if (args.positionals.length > 0)
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);
  const build = args.values.get('build');
  const data = args.values.get('data');
  if ((build === undefined) === (data === undefined)) {
    throw usageError(
      'indiquez soit --build DOSSIER (construire un jeu), soit --data DOSSIER (l’évaluer).',
      HELP_POINTER,
    );
  }
  if (build !== undefined)
    return buildSet(resolve(io.cwd, build), args.values, args.flags.has('small-text'), io);
  return scoreSet(resolve(io.cwd, data as string), data as string, args.flags, io);
}

async function buildSet(
  dir: string,
  values: ReadonlyMap<string, string>,
  smallText: boolean,
  io: CliIo,
): Promise<number> {
  const split = values.get('split') ?? 'dev';
  if (split !== 'dev' && split !== 'blind')
    throw usageError(`jeu inconnu : « ${split} » (dev ou blind).`, HELP_POINTER);
  const count = whole(values.get('count'), DEFAULT_COUNT, '--count', 1, MAX_COUNT);
  const seed = whole(values.get('seed'), 1, '--seed', 0, 2 ** 31);
  if (await isFile(join(dir, 'truth.jsonl')))
    throw usageError(
      `« ${dir} » contient déjà un jeu (truth.jsonl) : choisissez un dossier vide.`,
      HELP_POINTER,
    );
  const truths = await buildImageEvalSet(dir, { split: split as EvalSplit, count, seed, smallText });
  const writers = new Set(truths.flatMap((truth) => (truth.metadataWriter ? [truth.metadataWriter] : [])));
  io.stdout.write(
    `${integer(truths.length)} photos écrites dans ${dir} (jeu ${split}${smallText ? ', petits textes' : ''}, graine ${seed}` +
      `${writers.size > 0 ? `, GPS écrit par ${[...writers].join(' et ')}` : ''}).\n`,
  );
  return EXIT.ok;
}

async function scoreSet(dir: string, name: string, flags: ReadonlySet<string>, io: CliIo): Promise<number> {
  if (!(await isDirectory(dir))) throw inputError(`dossier introuvable : « ${name} ».`);
  const truthFile = join(dir, 'truth.jsonl');
  if (!(await isFile(truthFile))) throw inputError(`« ${name} » ne contient pas de truth.jsonl.`);
  // A truth file that does not parse is a broken set: say so before an hour of OCR.
  const lines = (await readFile(truthFile, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  for (const [i, line] of lines.entries()) {
    try {
      const truth = JSON.parse(line) as { file?: unknown };
      if (typeof truth.file !== 'string' || truth.file.includes('/') || truth.file.includes('\\'))
        throw new Error('file');
    } catch {
      throw dataError(`truth.jsonl, ligne ${i + 1} : ligne illisible.`);
    }
  }
  const summary = await scoreImageSet(dir, {
    onPhoto: (done, total) => {
      if (!flags.has('json')) io.stderr.write(`\r${done} / ${total} photos`);
    },
  });
  if (!flags.has('json')) io.stderr.write('\n');
  io.stdout.write(
    flags.has('json') ? `${JSON.stringify(summary, null, 2)}\n` : render(summary, flags.has('misses')),
  );
  return EXIT.ok;
}

function whole(raw: string | undefined, fallback: number, option: string, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw usageError(`${option} attend un entier entre ${min} et ${integer(max)}.`, HELP_POINTER);
  return value;
}

const share = (rate: Rate) => percent(rate.total === 0 ? null : rate.found / rate.total);
const row = (label: string, rate: Rate) => [label, share(rate), fraction(rate.found, rate.total)];

function render(summary: ImageEvalSummary, withMisses: boolean): string {
  const table = (rows: string[][]) => renderTable(rows, ['left', 'right', 'right']);
  const parts = [
    `Garde des images : ${integer(summary.photos)} photos`,
    '',
    table([
      ['GPS', 'rappel', ''],
      row('  position trouvée', summary.gps.recall),
      row('  fausse position', summary.gps.falseAlarms),
    ]),
    '',
    table([
      ['Visages', 'rappel', ''],
      row('  tous', summary.faces.recall),
      ...Object.entries(summary.faces.bySize).map(([size, rate]) => row(`  hauteur ${size}`, rate)),
      row('  photos sans visage où un visage est signalé', summary.faces.falseAlarms),
      ['  cadres sans visage', integer(summary.faces.strayBoxes), ''],
    ]),
    '',
    table([
      ['Texte sensible de l’arrière-plan', 'rappel', ''],
      row('  toutes les étiquettes', summary.text.recall),
      ...Object.entries(summary.text.bySize).map(([size, rate]) =>
        row(`  lettres de ${size} (à 2 400 px)`, rate),
      ),
      ...Object.entries(summary.text.byAngle).map(([angle, rate]) => row(`  inclinées de ${angle}`, rate)),
      ...Object.entries(summary.text.byKind).map(([kind, rate]) =>
        row(`  ${KIND_NAMES[kind] ?? kind}`, rate),
      ),
      row('  étiquettes ordinaires signalées', summary.text.ordinaryFlagged),
      ['  alertes hors de toute étiquette', integer(summary.text.strayFindings), ''],
    ]),
    '',
    table([
      [
        'Photos propres signalées',
        share(summary.cleanPhotosFlagged),
        fraction(summary.cleanPhotosFlagged.found, summary.cleanPhotosFlagged.total),
      ],
    ]),
    '',
    `  par photo : ${milliseconds(summary.millisecondsPerPhoto.p50)} (médiane), ${milliseconds(summary.millisecondsPerPhoto.max)} (max)`,
  ];
  if (withMisses && summary.misses.length > 0)
    parts.push('', 'Manqués :', ...summary.misses.map((miss) => `  ${miss}`));
  return `${parts.join('\n')}\n`;
}

const KIND_NAMES: Record<string, string> = {
  board: 'tableau blanc',
  screen: 'écran',
  door: 'étiquette de porte',
  wristband: 'bracelet',
};
