import type { JobsBenchResult } from '../bench/jobs-bench.js';
import { integer } from './format.js';
import { renderTable } from './text-table.js';

export interface JobsBenchRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: JobsBenchResult;
}

export function renderJobsBenchTable(run: JobsBenchRun): string {
  const { result } = run;
  const rows = [
    ['envoi', `${integer(result.sentPerSecond)} tâches/s`, 'envois l’un après l’autre, chacun attendu'],
    ['traitement', `${integer(result.donePerSecond)} tâches/s`, 'du premier envoi à la dernière tâche faite'],
  ];
  return [
    `Banc d’essai des tâches de fond : moteur ${result.engine}`,
    `  tâches : ${integer(result.jobs)} (vides : le coût du moteur seul)`,
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
  ].join('\n');
}
