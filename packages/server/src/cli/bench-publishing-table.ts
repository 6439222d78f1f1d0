import type { PublishingBenchResult } from '../bench/publishing-bench.js';
import { integer } from './format.js';
import { renderTable } from './text-table.js';

export interface PublishingBenchRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: PublishingBenchResult;
}

export function renderPublishingBenchTable(run: PublishingBenchRun): string {
  const { result } = run;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const rows = [
    [
      'page (p50)',
      ms(result.p50Ms),
      `${result.pageSize} publications avec variantes, décisions, photos, consentements`,
    ],
    ['page (p95)', ms(result.p95Ms), ''],
    ['page (max)', ms(result.maxMs), ''],
    ['débit', `${integer(result.draftsPerSecond)} publications/s`, 'lues page par page'],
  ];
  return [
    'Banc d’essai du bureau de publication : la liste des publications, SQLite',
    `  publications : ${integer(result.drafts)}, ${integer(result.pages)} pages lues`,
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
  ].join('\n');
}
