import type { ChecksLoadResult } from '../bench/checks-load.js';
import { integer, milliseconds } from './format.js';
import { renderTable } from './text-table.js';

export interface ChecksLoadRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: ChecksLoadResult;
}

export function renderChecksLoadTable(run: ChecksLoadRun): string {
  const { result } = run;
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
  return [
    'Banc d’essai du serveur : POST /api/establishments/:id/checks (autocannon, un processus, SQLite)',
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
  ].join('\n');
}
