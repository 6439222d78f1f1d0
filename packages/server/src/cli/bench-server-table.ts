import type { ChecksLoadResult, LoadFigures, MixedLoad } from '../bench/checks-load.js';
import { integer, milliseconds } from './format.js';
import { renderTable } from './text-table.js';

export interface ChecksLoadRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: ChecksLoadResult;
}

export function renderChecksLoadTable(run: ChecksLoadRun): string {
  const { result } = run;
  const { longChecks } = result;
  const rows = [
    [
      'débit',
      `${integer(result.requestsPerSecond)} requêtes/s`,
      `${integer(result.requests)} requêtes en ${result.seconds} s`,
    ],
    ['latence p50', milliseconds(result.latencyMs.p50), `${result.connections} connexions simultanées`],
    ['latence p90', milliseconds(result.latencyMs.p90), ''],
    ['latence p99', milliseconds(result.latencyMs.p99), ''],
    ['latence max', milliseconds(result.latencyMs.max), ''],
    ['réponses non 2xx', integer(result.non2xx), `erreurs de connexion : ${integer(result.errors)}`],
  ];
  const mixedRows = [
    ...mixed('analyse dans la boucle d’événements', longChecks.inEventLoop),
    ...mixed('analyse des textes longs dans les workers', longChecks.inWorkers),
  ];
  return [
    'Banc d’essai du serveur : POST /api/establishments/:id/checks (autocannon, un processus, SQLite)',
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
    `Textes longs (${integer(longChecks.characters)} caractères, ${longChecks.longConnections} connexions) et courts (${longChecks.shortConnections} connexions) en même temps, ${result.seconds} s chacun`,
    '',
    renderTable(mixedRows, ['left', 'right', 'right', 'right', 'right']),
    '',
  ].join('\n');
}

function mixed(title: string, load: MixedLoad): string[][] {
  return [
    [title, 'débit', 'p50', 'p99', 'non 2xx'],
    figures('  textes longs', load.long),
    figures('  textes courts', load.short),
  ];
}

function figures(label: string, load: LoadFigures): string[] {
  return [
    label,
    `${integer(load.requestsPerSecond)} req/s`,
    milliseconds(load.latencyMs.p50),
    milliseconds(load.latencyMs.p99),
    integer(load.non2xx + load.errors),
  ];
}
