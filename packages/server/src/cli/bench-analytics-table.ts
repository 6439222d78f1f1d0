import type { AnalyticsBenchResult, Percentiles } from '../bench/analytics-bench.js';
import { integer, milliseconds, seconds } from './format.js';
import { renderTable } from './text-table.js';

export interface AnalyticsBenchRun {
  readonly node: string;
  readonly cpu: string;
  readonly result: AnalyticsBenchResult;
}

const NAMES = { sqlite: 'SQLite (fichier temporaire)', postgres: 'PostgreSQL (base temporaire)' } as const;

export function renderAnalyticsBenchTable(run: AnalyticsBenchRun): string {
  const { settings } = run.result;
  const lines = [
    'Banc d’essai des tableaux de bord : tables d’analyse rafraîchies, jamais les tables d’écriture',
    `  ${integer(settings.incidents)} incidents et ${integer(settings.mentions)} mentions sur un an, ${settings.establishments} établissements, un groupe de ${settings.groupSize}`,
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
  ];
  const pair = (p: Percentiles) => `${milliseconds(p.p50Ms)} / ${milliseconds(p.p95Ms)}`;
  for (const outcome of run.result.dialects) {
    if (outcome.status === 'skipped') {
      lines.push(`${NAMES[outcome.dialect]} : non mesuré (${outcome.reason})`, '');
      continue;
    }
    const r = outcome.result;
    const rows = [
      ['données écrites', seconds(r.seedMs), 'insertions multi-lignes en transactions'],
      [
        'premier rafraîchissement',
        seconds(r.refreshMs),
        `${integer(r.dailyRows)} lignes de comptes quotidiens`,
      ],
      [
        'rafraîchissement suivant',
        milliseconds(r.incrementalRefreshMs),
        `après ${integer(settings.writtenMentions)} nouvelles mentions`,
      ],
      ['tableau : un établissement, 30 jours', pair(r.reads.establishment30), 'p50 / p95'],
      ['tableau : un établissement, 365 jours', pair(r.reads.establishment365), 'p50 / p95'],
      ['tableau : le groupe, 30 jours', pair(r.reads.group30), 'p50 / p95'],
      ['tableau : le groupe, 365 jours', pair(r.reads.group365), 'p50 / p95'],
      ['écrire une mention, sans analytique', pair(r.writes.without.mention), 'p50 / p95, une transaction'],
      [
        'écrire une mention, avec analytique',
        pair(r.writes.with.mention),
        'index + rafraîchissement en cours',
      ],
      ['écrire un incident, sans analytique', pair(r.writes.without.incident), 'p50 / p95, une transaction'],
      [
        'écrire un incident, avec analytique',
        pair(r.writes.with.incident),
        'index + rafraîchissement en cours',
      ],
    ];
    lines.push(NAMES[r.dialect], renderTable(rows, ['left', 'right', 'left']), '');
  }
  return lines.join('\n');
}
