import { DEFAULT_SYNTHETIC_SETTINGS, runSyntheticChecks, type SyntheticCheckResult } from '@blouse/buzz';
import { usageError } from './exit-status.js';
import type { CliIo } from './io.js';
import { renderTable } from './text-table.js';

const HELP_POINTER = 'blouse eval --help';

/**
 * `blouse eval buzz --synthetic [--series N] [--bucket-seconds S] [--seed N] [--json]`: the
 * detector's synthetic checks (sustained-rise detection, false alerts a month, first-week alerts,
 * alarms on series with daily retweet storms), printed as a table or JSON.
 */
export function evalBuzzSynthetic(values: ReadonlyMap<string, string>, json: boolean, io: CliIo): number {
  const settings = {
    ...DEFAULT_SYNTHETIC_SETTINGS,
    seriesPerCase: whole(values.get('series'), 'series', DEFAULT_SYNTHETIC_SETTINGS.seriesPerCase, 10_000),
    bucketSeconds: whole(
      values.get('bucket-seconds'),
      'bucket-seconds',
      DEFAULT_SYNTHETIC_SETTINGS.bucketSeconds,
      86_400,
    ),
    seed: whole(values.get('seed'), 'seed', DEFAULT_SYNTHETIC_SETTINGS.seed, 2 ** 32 - 1),
  };
  const result = runSyntheticChecks(settings);
  io.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : render(result));
  return 0;
}

function whole(text: string | undefined, name: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= max)) {
    throw usageError(`--${name} attend un entier entre 1 et ${max} (reçu « ${text} »).`, HELP_POINTER);
  }
  return value;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1).replace('.', ',')} %`;
}

function decimal(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2).replace('.', ',') : '—';
}

function render(result: SyntheticCheckResult): string {
  const { settings } = result;
  const rises = result.rises.map((rise) => [
    `${rise.factor}× pendant ${rise.hours} h`,
    percent(rise.detected),
    percent(rise.alerted),
    `${decimal(rise.medianDelayHours)} h`,
  ]);
  const rates = [
    ['fausses alertes par série et par mois (séries calmes)', result.calmPerMonth],
    ['départs la première semaine, par série (séries calmes)', result.firstWeekPerSeries],
    ['départs par série et par mois (une tempête de retweets par jour)', result.stormsPerMonth],
  ] as const;
  return [
    'Détecteur de pics : contrôles synthétiques',
    `  ${settings.seriesPerCase} séries par cas, pas de ${settings.bucketSeconds / 60} min, ` +
      `${decimal(settings.minPerHour)} à ${decimal(settings.maxPerHour)} mentions par heure, graine ${settings.seed}`,
    '',
    renderTable(
      [['hausse soutenue', 'détectée', 'en alerte', 'délai médian'], ...rises],
      ['left', 'right', 'right', 'right'],
    ),
    '',
    renderTable(
      [
        ['mesure', 'départs', 'dont alertes'],
        ...rates.map(([name, figure]) => [name, decimal(figure.onsets), decimal(figure.alerts)]),
      ],
      ['left', 'right', 'right'],
    ),
    '',
  ].join('\n');
}
