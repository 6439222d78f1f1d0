import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Analyzer,
  analyze,
  listErrors,
  loadLexicon,
  metricsFromTallies,
  predictAll,
  tallyPredictions,
} from '@blouse/guard';
import { parseArgs } from './args.js';
import { evalBuzz } from './eval-buzz.js';
import { evalImage } from './eval-image.js';
import { readEvalSetFile } from './eval-set-file.js';
import { type EvalSummary, renderEvalTable } from './eval-table.js';
import { EXIT, inputError, usageError } from './exit-status.js';
import type { CliIo } from './io.js';
import { isDirectory, isFile } from './read-input.js';

export const EVAL_HELP = `Usage :
  blouse eval guard --data FICHIER.jsonl [--json] [--errors]
  blouse eval all [--data-dir DOSSIER] [--json] [--errors]
  blouse eval buzz --data DOSSIER --out DOSSIER [--time-zone UTC|Europe/Paris] [--json]
  blouse eval buzz --synthetic [--series N] [--bucket-seconds S] [--seed N] [--json]
  blouse eval image --build DOSSIER [--split dev|blind] [--count N] [--seed N] [--small-text]
  blouse eval image --data DOSSIER [--json] [--misses]

Mesure la qualité du garde sur des publications annotées (format : shared/data/guard/FORMAT.md).

  guard   évalue un fichier : rappel des « block », fausses alertes sur les « ok »,
          précision et rappel des éléments repérés par type, rappel par règle,
          exactitude de la catégorie des publications publiques
  all     évalue chaque DOSSIER/*/dev.jsonl (par défaut ../shared/data, depuis le
          dossier courant)
  buzz    passe le détecteur de pics sur chaque .csv (colonnes timestamp,value) sous
          --data, en une passe causale, et écrit sous --out le même fichier avec une
          colonne anomaly_score (non nulle là où une personne serait prévenue), prête
          pour ../shared/tools/nab_score.py ; horodatages sans fuseau lus en UTC ;
          avec --synthetic, les contrôles synthétiques du détecteur (hausses soutenues
          détectées, fausses alertes par mois, première semaine, tempêtes de retweets)
  image   avec --build, écrit un jeu de photos de service (murs, tableaux, écrans,
          bracelets, visages réels des exemples de @vladmandic/human, GPS écrit par
          exiftool s’il est installé) et leur vérité (truth.jsonl) ; avec --data,
          passe le garde des images sur un tel jeu : rappel du GPS, des visages (par
          taille) et du texte sensible (par taille, angle et support), fausses alertes

Options :
  --data FICHIER      le fichier JSON Lines à évaluer (guard), le dossier des séries (buzz)
  --out DOSSIER       où écrire les séries notées (buzz)
  --time-zone FUSEAU  le fuseau du rythme quotidien (buzz ; UTC par défaut, comme NAB)
  --data-dir DOSSIER  le dossier des jeux d’évaluation (all)
  --series N          séries par cas des contrôles synthétiques (buzz ; 200 par défaut)
  --bucket-seconds S  pas des contrôles synthétiques, en secondes (buzz ; 3600 par défaut)
  --seed N            graine des contrôles synthétiques (buzz) ou du jeu (image)
  --build DOSSIER     où écrire un jeu de photos (image ; dossier sans truth.jsonl)
  --split dev|blind   jeu de développement ou jeu aveugle (image ; autres noms, visages
                      et formulations)
  --count N           nombre de photos du jeu (image ; 120 par défaut)
  --misses            liste ce que le garde des images a manqué
  --small-text        des textes de 0,5 à 0,9 % de la hauteur de la photo seulement (image)
  --json              affiche les mesures en JSON
  --errors            liste toutes les erreurs de verdict, pas seulement les 15 pires
  -h, --help          affiche cette aide

Les lignes invalides sont ignorées et signalées (numéro de ligne) sur la sortie d’erreur.
`;

const HELP_POINTER = 'blouse eval --help';
const DEFAULT_DATA_DIR = '../shared/data';

/** `blouse eval`: measures the guard on annotated data. */
export async function evalCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [target, ...rest] = argv;
  if (target === '-h' || target === '--help' || target === 'help') {
    io.stdout.write(EVAL_HELP);
    return EXIT.ok;
  }
  if (target === 'guard') return evalGuard(rest, io);
  if (target === 'all') return evalAll(rest, io);
  if (target === 'buzz') return evalBuzz(rest, io, EVAL_HELP);
  if (target === 'image') return evalImage(rest, io, EVAL_HELP);
  const problem =
    target === undefined ? 'précisez ce qu’il faut évaluer' : `évaluation inconnue : « ${target} »`;
  throw usageError(`${problem} (guard, all, buzz ou image).`, HELP_POINTER);
}

async function evalGuard(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'errors'], values: ['data'], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(EVAL_HELP);
    return EXIT.ok;
  }
  refusePositionals(args.positionals);
  const data = args.values.get('data');
  if (data === undefined)
    throw usageError('indiquez le fichier à évaluer avec --data FICHIER.jsonl.', HELP_POINTER);

  const summary = await evaluateFile(data, io, guardAnalyzer());
  if (summary === undefined) throw usageError(`aucune ligne valide dans « ${data} ».`, HELP_POINTER);
  io.stdout.write(
    args.flags.has('json')
      ? `${JSON.stringify(summary.metrics, null, 2)}\n`
      : renderEvalTable(summary, args.flags.has('errors')),
  );
  return EXIT.ok;
}

async function evalAll(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'errors'], values: ['data-dir'], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(EVAL_HELP);
    return EXIT.ok;
  }
  refusePositionals(args.positionals);
  const given = args.values.get('data-dir');
  const dir = resolve(io.cwd, given ?? DEFAULT_DATA_DIR);
  const shared = (await isDirectory(dir)) ? await devFiles(dir) : undefined;
  if (shared === undefined && given !== undefined) throw inputError(`dossier introuvable : « ${given} ».`);
  if (shared === undefined) {
    io.stderr.write(
      `blouse : les données partagées ne sont pas dans ce clone (« ${dir} ») ; seuls les jeux du paquet @blouse/guard sont évalués. Indiquez-les avec --data-dir DOSSIER.\n`,
    );
  }
  // The guard's own independent sets (packages/guard/eval-data) travel with the code; they are
  // added to the default run, not to a folder named on the command line.
  const files = [...(shared ?? []), ...(given === undefined ? await ownSets() : [])];
  if (files.length === 0) throw inputError(`aucun fichier */dev.jsonl dans « ${dir} ».`);

  const analyzer = guardAnalyzer();
  const results: Record<string, unknown> = {};
  const tables: string[] = [];
  let unusable = 0;
  for (const { name, path } of files) {
    const summary = await evaluateFile(path, io, analyzer);
    if (summary === undefined) {
      io.stderr.write(`blouse : aucune ligne valide dans « ${path} » : jeu ignoré.\n`);
      unusable += 1;
      continue;
    }
    results[name] = summary.metrics;
    tables.push(renderEvalTable(summary, args.flags.has('errors')));
  }
  io.stdout.write(
    args.flags.has('json') ? `${JSON.stringify(results, null, 2)}\n` : tables.join(`\n${'─'.repeat(72)}\n\n`),
  );
  return unusable > 0 ? EXIT.usage : EXIT.ok;
}

/** The guard as measured: the gazetteers loaded once, not once per post. */
function guardAnalyzer(): Analyzer {
  const lexicon = loadLexicon();
  return (text, options) => analyze(text, options, lexicon);
}

/** Reads, checks and evaluates one file; undefined when it holds no usable line. */
async function evaluateFile(path: string, io: CliIo, analyzer: Analyzer): Promise<EvalSummary | undefined> {
  const parsed = await readEvalSetFile(path, io);
  if (parsed.records.length === 0) return undefined;

  const started = performance.now();
  const predictions = predictAll(parsed.records, analyzer);
  const elapsedMs = performance.now() - started;
  const tallies = tallyPredictions(predictions);
  return {
    source: path,
    invalidLines: parsed.invalidLines,
    elapsedMs,
    tallies,
    metrics: metricsFromTallies(tallies),
    errors: listErrors(predictions),
  };
}

async function devFiles(dir: string): Promise<{ name: string; path: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: { name: string; path: string }[] = [];
  // The guard's own set first: it is the one with judged verdicts; external sets follow.
  const order = (name: string) => (name === 'guard' ? '' : name);
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const name of folders.sort((a, b) => order(a).localeCompare(order(b)))) {
    const path = join(dir, name, 'dev.jsonl');
    if (await isFile(path)) files.push({ name, path });
  }
  return files;
}

/** The evaluation sets shipped with the guard, found beside this package in the workspace. */
async function ownSets(): Promise<{ name: string; path: string }[]> {
  const dir = fileURLToPath(new URL('../../../guard/eval-data/', import.meta.url));
  if (!(await isDirectory(dir))) return [];
  // Blind sets (blind-*.jsonl) are looked at once per milestone, on purpose, with `eval guard
  // --data`: `eval all` runs often and must not wear them out.
  const names = (await readdir(dir))
    .filter((name) => name.endsWith('.jsonl') && !name.startsWith('blind-'))
    .sort();
  return names.map((name) => ({
    name: `guard/eval-data/${name.replace(/\.jsonl$/u, '')}`,
    path: join(dir, name),
  }));
}

function refusePositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw usageError(`argument inattendu : « ${positionals[0]} ».`, HELP_POINTER);
}
