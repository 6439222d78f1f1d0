import type { GuardBenchResult } from '@blouse/guard';
import { integer, milliseconds, seconds } from './format.js';
import { renderTable } from './text-table.js';

export interface BenchRun {
  /** Where the posts came from: a file, or the built-in sample. */
  readonly source: string;
  readonly node: string;
  readonly cpu: string;
  readonly result: GuardBenchResult;
}

export function renderBenchTable(run: BenchRun): string {
  const { result } = run;
  const { throughput, latencyMs, largeText } = result;
  const rows = [
    ['chargement des lexiques', milliseconds(result.lexiconLoadMs), '1er chargement du processus'],
    [
      'débit',
      `${integer(throughput.postsPerSecond)} publications/s`,
      `${integer(throughput.calls)} analyses en ${seconds(throughput.durationMs)}, après ${seconds(result.warmup.ms)} de chauffe`,
    ],
    ['latence p50', milliseconds(latencyMs.p50), 'par publication'],
    ['latence p95', milliseconds(latencyMs.p95), ''],
    ['latence p99', milliseconds(latencyMs.p99), ''],
    ['latence max', milliseconds(latencyMs.max), ''],
    ['latence moyenne', milliseconds(latencyMs.mean), ''],
    [
      'texte de 1 Mo',
      milliseconds(largeText.ms),
      `${integer(largeText.bytes)} octets, ${integer(largeText.characters)} caractères, une seule analyse`,
    ],
  ];
  return [
    'Banc d’essai du garde (un cœur, un seul fil d’exécution)',
    `  données : ${run.source} (${integer(result.posts)} publications)`,
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
  ].join('\n');
}
