import type { ListeningLagOutcome } from '../bench/listening-lag.js';
import { integer, milliseconds, seconds } from './format.js';
import { renderTable } from './text-table.js';

export interface ListeningLagRun {
  readonly node: string;
  readonly cpu: string;
  readonly outcome: ListeningLagOutcome;
}

const TITLE = 'Banc d’essai de la veille de bout en bout : publication Bluesky → e-mail d’alerte';

export function renderListeningLagTable(run: ListeningLagRun): string {
  const { outcome } = run;
  if (outcome.status === 'skipped') return [TITLE, `  ${outcome.reason}`, ''].join('\n');
  const { result } = outcome;
  const rows = [
    ['', 'p50', 'p99', 'max'],
    [
      'mention enregistrée',
      milliseconds(result.mentionLagMs.p50),
      milliseconds(result.mentionLagMs.p99),
      milliseconds(result.mentionLagMs.max),
    ],
    [
      'e-mail d’alerte reçu',
      milliseconds(result.mailLagMs.p50),
      milliseconds(result.mailLagMs.p99),
      milliseconds(result.mailLagMs.max),
    ],
  ];
  return [
    TITLE,
    `  publications : ${integer(result.posts)} atteintes au secret (une par établissement), ${integer(result.mailed)} e-mails reçus`,
    '  délai compté depuis la réponse du PDS à la publication ; tout tourne dans ce processus : réseau',
    '  Bluesky local (@atproto/dev-env), serveur SMTP, Blouse (SQLite) ; mentions relevées toutes les 10 ms',
    `  mise en route : ${seconds(result.setupMs)} (réseau, serveur et une publication de chauffe, non comptés)`,
    ...(result.posts < 100
      ? ['  moins de 100 publications : le p99 est le maximum (--posts 100 pour un vrai p99)']
      : []),
    `  machine : Node ${run.node}, ${run.cpu}`,
    '',
    renderTable(rows, ['left', 'right', 'right', 'right']),
    '',
  ].join('\n');
}
