import type { ListeningBenchResult } from '../bench/listening-bench.js';
import { integer, milliseconds, percent, seconds } from './format.js';
import { renderTable } from './text-table.js';

export interface ListeningBenchRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: ListeningBenchResult;
}

const megabytesFormat = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function renderListeningBenchTable(run: ListeningBenchRun): string {
  const { result } = run;
  const { throughput } = result;
  const rows = [
    [
      'débit',
      `${integer(throughput.postsPerSecond)} publications/s`,
      `temps processeur ; ${integer(throughput.wallPostsPerSecond)}/s en temps écoulé (${integer(throughput.calls)} en ${seconds(throughput.durationMs)})`,
    ],
    [
      'compilation',
      milliseconds(result.compileMs),
      `${milliseconds(result.compileCpuMs)} de temps processeur ; ${integer(result.terms)} termes, au démarrage et à chaque modification`,
    ],
    [
      'mémoire',
      result.memoryBytes === null ? '—' : `${megabytesFormat.format(result.memoryBytes / 1_000_000)} Mo`,
      'gardée par l’automate compilé',
    ],
    [
      'publications concernées',
      percent(result.postsWithMention),
      `${megabytesFormat.format(result.mentionsPerPost)} établissement par publication en moyenne`,
    ],
  ];
  return [
    'Banc d’essai de la veille : termes surveillés (un cœur, un seul fil d’exécution)',
    `  termes : ${integer(result.terms)} de ${integer(result.establishments)} établissements (générés, graine fixe)`,
    `  publications : ${integer(result.posts)} de ${integer(result.postCharacters)} caractères`,
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
  ].join('\n');
}
