import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { type BuzzBenchSettings, DEFAULT_BUZZ_BENCH_SETTINGS, runBuzzBench } from '@blouse/buzz';
import {
  type BenchPost,
  type BenchSettings,
  DEFAULT_BENCH_SETTINGS,
  runGuardBench,
  SAMPLE_POSTS,
} from '@blouse/guard';
import {
  type AnalyticsBenchSettings,
  DEFAULT_ANALYTICS_BENCH_SETTINGS,
  runAnalyticsBench,
} from '../bench/analytics-bench.js';
import { type ChecksLoadSettings, DEFAULT_CHECKS_LOAD, runChecksLoad } from '../bench/checks-load.js';
import {
  DEFAULT_IMAGE_BENCH_SETTINGS,
  type ImageBenchSettings,
  runImageBench,
} from '../bench/image-bench.js';
import { DEFAULT_JOBS_BENCH_SETTINGS, type JobsBenchSettings, runJobsBench } from '../bench/jobs-bench.js';
import {
  DEFAULT_LISTENING_BENCH_SETTINGS,
  type ListeningBenchSettings,
  runListeningBench,
} from '../bench/listening-bench.js';
import {
  DEFAULT_LISTENING_LAG_SETTINGS,
  type ListeningLagSettings,
  runListeningLag,
} from '../bench/listening-lag.js';
import {
  DEFAULT_PUBLISHING_BENCH_SETTINGS,
  type PublishingBenchSettings,
  runPublishingBench,
} from '../bench/publishing-bench.js';
import { parseArgs } from './args.js';
import { type AnalyticsBenchRun, renderAnalyticsBenchTable } from './bench-analytics-table.js';
import { type BuzzBenchRun, renderBuzzBenchTable } from './bench-buzz-table.js';
import { type ImageBenchRun, renderImageBenchTable } from './bench-image-table.js';
import { type JobsBenchRun, renderJobsBenchTable } from './bench-jobs-table.js';
import { type ListeningLagRun, renderListeningLagTable } from './bench-lag-table.js';
import { type ListeningBenchRun, renderListeningBenchTable } from './bench-listening-table.js';
import { type PublishingBenchRun, renderPublishingBenchTable } from './bench-publishing-table.js';
import { type ChecksLoadRun, renderChecksLoadTable } from './bench-server-table.js';
import { type BenchRun, renderBenchTable } from './bench-table.js';
import { readEvalSetFile } from './eval-set-file.js';
import { EXIT, usageError } from './exit-status.js';
import type { CliIo } from './io.js';
import { isFile } from './read-input.js';

export const BENCH_HELP = `Usage :
  blouse bench guard [--data FICHIER.jsonl] [--json]
  blouse bench buzz [--json]
  blouse bench listening [--json]
  blouse bench listening-lag [--posts N] [--json]
  blouse bench server [--seconds N] [--connections N] [--json]
  blouse bench jobs [--jobs N] [--json]
  blouse bench publishing [--drafts N] [--json]
  blouse bench image [--json]
  blouse bench analytics [--json]
  blouse bench all [--json]

guard  la vitesse du garde sur un cœur : chargement des lexiques, publications analysées
       par seconde (au moins 3 s après une chauffe), latence par publication (p50, p95,
       p99, max) et durée d’analyse d’un texte de 1 Mo.
       Données : --data FICHIER.jsonl, sinon ../shared/data/guard/dev.jsonl s’il existe,
       sinon une quarantaine de publications fictives intégrées.
buzz   la vitesse du détecteur de pics : points par seconde pour une série, puis pour
       10 000 séries mises à jour tour à tour (séries de Poisson simulées).
listening
       la veille : 10 000 termes surveillés (noms, alias, mots-dièse, comptes, services,
       exclusions de quelque 1 500 établissements, générés avec une graine fixe) compilés
       en un automate, puis des publications de 280 caractères lues une à une. Débit en
       publications par seconde de temps processeur (ce que fait un cœur, même sur une
       machine partagée) et de temps écoulé, durée de compilation, mémoire gardée.
listening-lag
       la veille de bout en bout : un vrai réseau Bluesky local (@atproto/dev-env), un serveur
       SMTP local et Blouse démarré comme « blouse serve » (SQLite temporaire). --posts N
       (20 par défaut) atteintes au secret publiées sur le PDS, une par établissement, à
       200 ms d’intervalle ; délai de la réponse du PDS à la mention enregistrée et à
       l’e-mail d’alerte reçu (p50, p99, max). Tout tourne dans un seul processus. Sans les
       dépendances de développement (installation de production), un message le dit et le
       banc n’est pas lancé.
server POST /api/establishments/:id/checks sous charge (autocannon) sur un vrai processus
       « blouse serve » (SQLite) : requêtes par seconde et latences p50, p90, p99, max,
       une connexion par membre connecté. Puis des textes longs (20 000 caractères) et
       courts envoyés ensemble, analysés dans la boucle d’événements puis dans les
       workers : la latence des textes courts montre si les longs bloquent les autres.
jobs   le moteur de tâches de fond de « blouse serve » sur SQLite : --jobs N tâches vides
       (1 000 par défaut) envoyées puis traitées, par seconde.
publishing
       le bureau de publication sur SQLite : --drafts N publications (2 000 par défaut),
       chacune avec deux variantes, une décision, une photo et un consentement, lues page
       par page (100 par page), cinq fois : durée d’une page (p50, p95, max).
image  le garde des images sur une photo de 12 mégapixels (4 000 × 3 000, un tableau blanc
       nommant une patiente, la position GPS du téléphone) : durée de la vérification
       (métadonnées, visages, texte de l’arrière-plan) et de la copie sûre, mémoire au plus haut.
analytics
       les tableaux de bord sur un fichier SQLite et une base PostgreSQL temporaires
       (BLOUSE_TEST_PG, sinon postgres://postgres@127.0.0.1:5432) : 100 000 incidents et
       1 000 000 de mentions sur un an, 10 établissements ; durée du premier rafraîchissement
       des tables d’analyse, durée d’un tableau de bord (p50, p95) pour un établissement et
       pour un groupe de 5 sur 30 et 365 jours, et durée d’écriture d’une mention et d’un
       incident sans analytique puis avec (index de suivi et rafraîchissement en cours).
       Sans PostgreSQL joignable, SQLite seul est mesuré et la raison est dite.
all    tous (ce que lance « npm run bench »).

Options :
  --data FICHIER  les publications à analyser (guard, format shared/data/guard/FORMAT.md)
  --posts N       les publications mesurées (listening-lag)
  --jobs N        les tâches envoyées (jobs)
  --drafts N      les publications du bureau (publishing)
  --json          affiche les mesures en JSON
  -h, --help      affiche cette aide

À lancer sur une machine au repos : ce sont des mesures, pas des seuils.
`;

const HELP_POINTER = 'blouse bench --help';
const DEFAULT_DATA = '../shared/data/guard/dev.jsonl';

const TARGETS = [
  'guard',
  'buzz',
  'listening',
  'listening-lag',
  'server',
  'jobs',
  'publishing',
  'image',
  'analytics',
  'all',
];

/** The options each target takes besides --json (« all » takes those of every target). */
const TARGET_VALUES: Readonly<Record<string, readonly string[]>> = {
  guard: ['data'],
  buzz: [],
  listening: [],
  'listening-lag': ['posts'],
  server: ['seconds', 'connections'],
  jobs: ['jobs'],
  publishing: ['drafts'],
  image: [],
  analytics: [],
  all: ['data'],
};

/**
 * `blouse bench`: how fast the guard, the spike detector, the watch-term matcher and the server
 * are. Settings shorten the runs in tests.
 */
export async function benchCommand(
  argv: readonly string[],
  io: CliIo,
  settings: BenchSettings = DEFAULT_BENCH_SETTINGS,
  buzzSettings: BuzzBenchSettings = DEFAULT_BUZZ_BENCH_SETTINGS,
  loadSettings: ChecksLoadSettings = DEFAULT_CHECKS_LOAD,
  listeningSettings: ListeningBenchSettings = DEFAULT_LISTENING_BENCH_SETTINGS,
  lagSettings: ListeningLagSettings = DEFAULT_LISTENING_LAG_SETTINGS,
  jobsSettings: JobsBenchSettings = DEFAULT_JOBS_BENCH_SETTINGS,
  publishingSettings: PublishingBenchSettings = DEFAULT_PUBLISHING_BENCH_SETTINGS,
  imageSettings: ImageBenchSettings = DEFAULT_IMAGE_BENCH_SETTINGS,
  analyticsSettings: AnalyticsBenchSettings = DEFAULT_ANALYTICS_BENCH_SETTINGS,
): Promise<number> {
  const [target, ...rest] = argv;
  if (target === '-h' || target === '--help' || target === 'help') {
    io.stdout.write(BENCH_HELP);
    return EXIT.ok;
  }
  if (target === undefined || !TARGETS.includes(target)) {
    const problem =
      target === undefined ? 'précisez ce qu’il faut mesurer' : `banc d’essai inconnu : « ${target} »`;
    throw usageError(
      `${problem} (guard, buzz, listening, listening-lag, server, jobs, publishing, image, analytics ou all).`,
      HELP_POINTER,
    );
  }
  const args = parseArgs(rest, {
    flags: ['json'],
    values: TARGET_VALUES[target] ?? [],
    help: HELP_POINTER,
  });
  if (args.flags.has('help')) {
    io.stdout.write(BENCH_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0)
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);

  const machine = { node: process.version, cpu: cpus()[0]?.model.trim() ?? 'processeur inconnu' };
  const json: Record<string, unknown> = {};
  const tables: string[] = [];
  if (target === 'guard' || target === 'all') {
    const { source, posts } = await benchPosts(args.values.get('data'), io);
    const run: BenchRun = { source, ...machine, result: runGuardBench(posts, settings) };
    json.guard = run;
    tables.push(renderBenchTable(run));
  }
  if (target === 'buzz' || target === 'all') {
    const run: BuzzBenchRun = { ...machine, result: runBuzzBench(buzzSettings) };
    json.buzz = run;
    tables.push(renderBuzzBenchTable(run));
  }
  if (target === 'listening' || target === 'all') {
    const run: ListeningBenchRun = { ...machine, result: runListeningBench(listeningSettings) };
    json.listening = run;
    tables.push(renderListeningBenchTable(run));
  }
  if (target === 'listening-lag' || target === 'all') {
    const settings = {
      ...lagSettings,
      posts: positiveInteger(args.values.get('posts'), lagSettings.posts, 'posts'),
    };
    const run: ListeningLagRun = { ...machine, outcome: await runListeningLag(settings) };
    // Skipped (a production install): said in French, and « all » goes on with the others.
    json['listening-lag'] =
      run.outcome.status === 'measured' ? run.outcome.result : { skipped: run.outcome.reason };
    tables.push(renderListeningLagTable(run));
  }
  if (target === 'jobs' || target === 'all') {
    const run: JobsBenchRun = {
      ...machine,
      result: await runJobsBench({
        jobs: positiveInteger(args.values.get('jobs'), jobsSettings.jobs, 'jobs'),
      }),
    };
    json.jobs = run;
    tables.push(renderJobsBenchTable(run));
  }
  if (target === 'publishing' || target === 'all') {
    const run: PublishingBenchRun = {
      ...machine,
      result: await runPublishingBench({
        ...publishingSettings,
        drafts: positiveInteger(args.values.get('drafts'), publishingSettings.drafts, 'drafts'),
      }),
    };
    json.publishing = run;
    tables.push(renderPublishingBenchTable(run));
  }
  if (target === 'image' || target === 'all') {
    const run: ImageBenchRun = { ...machine, result: await runImageBench(imageSettings) };
    json.image = run;
    tables.push(renderImageBenchTable(run));
  }
  if (target === 'analytics' || target === 'all') {
    const run: AnalyticsBenchRun = { ...machine, result: await runAnalyticsBench(analyticsSettings) };
    json.analytics = run;
    tables.push(renderAnalyticsBenchTable(run));
  }
  if (target === 'server' || target === 'all') {
    const settings = {
      seconds: positiveInteger(args.values.get('seconds'), loadSettings.seconds, 'seconds'),
      connections: positiveInteger(args.values.get('connections'), loadSettings.connections, 'connections'),
    };
    const run: ChecksLoadRun = { ...machine, result: await runChecksLoad(settings) };
    json.server = run;
    tables.push(renderChecksLoadTable(run));
  }
  // One target prints its own object, as before; « all » prints them all under their names.
  const printed = target === 'all' ? json : json[target];
  io.stdout.write(args.flags.has('json') ? `${JSON.stringify(printed, null, 2)}\n` : tables.join('\n'));
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

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 10_000) {
    throw usageError(`--${name} attend un entier entre 1 et 10 000 (reçu « ${value} »).`, HELP_POINTER);
  }
  return number;
}
