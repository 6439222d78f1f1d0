import { availableParallelism } from 'node:os';
import type { ImageBenchResult } from '../bench/image-bench.js';
import { renderTable } from './text-table.js';

export interface ImageBenchRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: ImageBenchResult;
}

export function renderImageBenchTable(run: ImageBenchRun): string {
  const { result } = run;
  const ms = (value: number) => `${Math.round(value)} ms`;
  const rows = [
    ['par photo (p50)', ms(result.msPerPhoto.p50), 'vérification puis copie sûre'],
    ['par photo (max)', ms(result.msPerPhoto.max), ''],
    ['vérification', ms(result.checkMs), 'métadonnées, visages, texte de l’arrière-plan (OCR)'],
    ['copie sûre', ms(result.safeCopyMs), 'tournée, sans métadonnées, visages et textes masqués'],
    ['mémoire (pic)', `${Math.round(result.peakRssMb)} Mo`, 'du processus, après la mesure'],
  ];
  // The target is per core: `taskset -c 0 blouse bench image` measures on one.
  const cores = availableParallelism();
  return [
    `Banc d’essai du garde des images : photos de ${result.megapixels} mégapixels`,
    `  photos : ${result.photos} (après une de chauffe), l’une après l’autre`,
    `  machine : Node ${run.node}, ${run.cpu}, ${cores} ${cores === 1 ? 'cœur disponible' : 'cœurs disponibles'}${cores === 1 ? '' : ' (taskset -c 0 pour un seul)'}`,
    '',
    renderTable(rows, ['left', 'right', 'left']),
    '',
  ].join('\n');
}
