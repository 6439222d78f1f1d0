import type { BuzzBenchResult } from '@blouse/buzz';
import { integer } from './format.js';
import { renderTable } from './text-table.js';

export interface BuzzBenchRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: BuzzBenchResult;
}

export function renderBuzzBenchTable(run: BuzzBenchRun): string {
  const { oneSeries, manySeries, snapshotBytes } = run.result;
  const rows = [
    ['une série', `${integer(oneSeries.pointsPerSecond)} points/s`, `${integer(oneSeries.points)} points`],
    [
      `${integer(manySeries.series)} séries`,
      `${integer(manySeries.pointsPerSecond)} points/s`,
      `${integer(manySeries.points)} points, chaque série à son tour`,
    ],
    ['état d’une série', `${integer(snapshotBytes)} octets`, 'instantané JSON (sauvegarde, reprise)'],
  ];
  return [
    'Banc d’essai du détecteur de pics (un cœur, un seul fil d’exécution)',
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
  ].join('\n');
}
