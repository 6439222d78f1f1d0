import {
  type EvalTallies,
  type EvalError as GuardEvalError,
  type GuardMetrics,
  SPAN_TYPES,
  type SpanType,
} from '@blouse/guard';
import { oneLine } from './display-text.js';
import { fraction, integer, percent, plural, seconds } from './format.js';
import { renderTable } from './text-table.js';

export interface EvalSummary {
  readonly source: string;
  readonly invalidLines: number;
  readonly elapsedMs: number;
  readonly tallies: EvalTallies;
  readonly metrics: GuardMetrics;
  readonly errors: readonly GuardEvalError[];
}

const SHOWN_ERRORS = 15;

/**
 * The figures of one evaluation set for a developer: every ratio next to its counts, sections
 * only where the data can say something, and the worst verdict errors to go and read.
 */
export function renderEvalTable(summary: EvalSummary, allErrors: boolean): string {
  const { tallies, metrics } = summary;
  const sections = [header(summary)];
  if (tallies.verdict.assessed > 0) sections.push(verdictSection(tallies, metrics));
  if (tallies.ordinary.posts > 0) sections.push(ordinarySection(tallies));
  if (tallies.posts > tallies.unannotated.posts) sections.push(spanSection(tallies, metrics));
  if (tallies.unannotated.posts > 0) sections.push(unannotatedSection(tallies));
  if (tallies.rules.size > 0) sections.push(ruleSection(tallies));
  if (Object.keys(metrics.families).length > 0) sections.push(familySection(tallies, metrics));
  if (tallies.category.support > 0) {
    sections.push(
      `Catégorie des publications publiques : exactitude ${percent(metrics.category.accuracy)} (${fraction(tallies.category.correct, tallies.category.support)})`,
    );
  }
  sections.push(errorSection(summary.errors, allErrors));
  return `${sections.join('\n\n')}\n`;
}

function header(summary: EvalSummary): string {
  const invalid =
    summary.invalidLines === 0
      ? 'aucune ligne invalide'
      : `${plural(summary.invalidLines, 'ligne invalide ignorée', 'lignes invalides ignorées')} (détail sur la sortie d’erreur)`;
  return [
    `Évaluation du garde : ${summary.source}`,
    `${plural(summary.tallies.posts, 'publication')}, ${invalid}, analysées en ${seconds(summary.elapsedMs)}`,
  ].join('\n');
}

function verdictSection(tallies: EvalTallies, metrics: GuardMetrics): string {
  const v = tallies.verdict;
  const rows = [
    ['rappel des « block »', percent(metrics.verdict.blockRecall), fraction(v.blockCaught, v.goldBlock)],
    [
      'rappel des alertes (warn ou block)',
      percent(metrics.verdict.flagRecall),
      fraction(v.flagCaught, v.goldFlagged),
    ],
    [
      'fausses alertes sur les « ok »',
      percent(metrics.verdict.okFalseAlarmRate),
      fraction(v.okAlarmed, v.goldOk),
    ],
    ['verdict exact', percent(metrics.verdict.accuracy), fraction(v.exact, v.assessed)],
  ];
  return `Verdicts (${plural(v.assessed, 'publication jugée', 'publications jugées')})\n${renderTable(rows, ['left', 'right', 'right'])}`;
}

function ordinarySection(tallies: EvalTallies): string {
  const { posts, alerted } = tallies.ordinary;
  const rate = percent(posts === 0 ? null : alerted / posts);
  return [
    `Texte ordinaire (${plural(posts, 'publication')} sans verdict de référence)`,
    renderTable(
      [['taux d’alerte sur texte ordinaire', rate, fraction(alerted, posts)]],
      ['left', 'right', 'right'],
    ),
  ].join('\n');
}

function spanSection(tallies: EvalTallies, metrics: GuardMetrics): string {
  const rows: string[][] = [['type', 'précision', 'rappel', 'F1', 'référence', 'prédits']];
  let shown = 0;
  for (const type of SPAN_TYPES) {
    const tally = tallies.spans[type];
    if (tally.gold === 0 && tally.predicted === 0) continue;
    shown += 1;
    rows.push(spanRow(type, metrics, tally.gold, tally.predicted));
  }
  if (shown === 0) return 'Éléments repérés (spans) : aucun span de référence ni prédit.';
  const total = SPAN_TYPES.reduce((sum, type) => sum + tallies.spans[type].predicted, 0);
  rows.push(spanRow('micro', metrics, metrics.spans.micro?.support ?? 0, total));
  return [
    'Éléments repérés (spans ; un span compte s’il chevauche un span de référence du même type)',
    renderTable(rows, ['left', 'right', 'right', 'right', 'right', 'right']),
  ].join('\n');
}

function spanRow(type: SpanType | 'micro', metrics: GuardMetrics, gold: number, predicted: number): string[] {
  const scores = metrics.spans[type];
  return [
    type === 'micro' ? 'tous (micro)' : type,
    percent(scores?.precision ?? null),
    percent(scores?.recall ?? null),
    percent(scores?.f1 ?? null),
    integer(gold),
    integer(predicted),
  ];
}

function unannotatedSection(tallies: EvalTallies): string {
  const counts = SPAN_TYPES.filter((type) => tallies.unannotated.predicted[type] > 0).map(
    (type) => `${type} ${integer(tallies.unannotated.predicted[type])}`,
  );
  return [
    `Spans prédits par type sur texte non annoté (${plural(tallies.unannotated.posts, 'publication')} ; précision non définie, chaque span est une fausse alerte possible)`,
    `  ${counts.length === 0 ? 'aucun' : counts.join(', ')}`,
  ].join('\n');
}

function familySection(tallies: EvalTallies, metrics: GuardMetrics): string {
  const rows: string[][] = [['famille', 'précision', 'rappel', 'F1', 'référence', 'citée']];
  for (const [family, scores] of Object.entries(metrics.families)) {
    const tally = tallies.families.get(family);
    if (tally === undefined) continue;
    rows.push([
      family,
      percent(scores.precision),
      percent(scores.recall),
      percent(scores.f1),
      integer(scores.support),
      integer(tally.truePositive + tally.falsePositive),
    ]);
  }
  return `Familles de règles (une publication compte pour une famille si elle enfreint ou si le garde cite l’une de ses règles)\n${renderTable(rows, ['left', 'right', 'right', 'right', 'right', 'right'])}`;
}

function ruleSection(tallies: EvalTallies): string {
  const rows: string[][] = [['règle', 'rappel', 'publications']];
  for (const rule of [...tallies.rules.keys()].sort()) {
    const entry = tallies.rules.get(rule);
    if (entry === undefined) continue;
    rows.push([rule, percent(entry.found / entry.support), fraction(entry.found, entry.support)]);
  }
  return `Règles (part des publications qui enfreignent la règle où le garde la cite)\n${renderTable(rows, ['left', 'right', 'right'])}`;
}

const ERROR_LABELS: Record<GuardEvalError['kind'], string> = {
  'missed-block': 'manqué',
  'false-alarm': 'fausse alerte',
  'ordinary-alert': 'alerte sur texte ordinaire',
};

function errorSection(errors: readonly GuardEvalError[], all: boolean): string {
  if (errors.length === 0) return 'Erreurs de verdict : aucune.';
  const shown = all ? errors : errors.slice(0, SHOWN_ERRORS);
  const title =
    shown.length === errors.length
      ? `Erreurs de verdict (${integer(errors.length)}, les plus graves d’abord)`
      : `Erreurs de verdict : les ${shown.length} plus graves sur ${integer(errors.length)} (--errors pour toutes)`;
  const rows = shown.map((error) => [
    error.id,
    ERROR_LABELS[error.kind],
    // An ordinary text's gold verdict is a placeholder: only the guard's verdict means something.
    `${error.kind === 'ordinary-alert' ? '?' : error.gold} → ${error.predicted}`,
    error.rules.join(',') || '—',
    `« ${oneLine(error.excerpt)} »`,
  ]);
  return `${title}\n${renderTable(rows, ['left', 'left', 'left', 'left', 'left'])}`;
}
