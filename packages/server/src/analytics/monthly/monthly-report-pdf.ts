import {
  ALERT_REASON_LABELS,
  type AlertReason,
  type ListeningSourceKind,
  MENTION_CATEGORY_LABELS,
  type MentionCategory,
  NETWORK_LABELS,
  type Network,
  SEVERITY_WORDS,
  type Severity,
  SOURCE_KIND_LABELS,
  STATUS_WORDS,
} from '@blouse/contract';
import type { GuardContext } from '@blouse/guard';
import PDFDocument from 'pdfkit';
import { CONTEXT_LABELS, VERDICT_LABELS } from '../../cli/labels.js';
import { CATEGORY_LABELS, type IncidentCategory } from '../../incidents/categories.js';
import { dejaVuFonts } from '../../platform/pdf/dejavu-fonts.js';
import type { Count, DashboardData } from '../dashboard-data.js';
import {
  barChart,
  formatCount,
  formatMinutes,
  formatPercent,
  heading,
  note,
  PAGE_MARGIN,
  type Pdf,
  subheading,
  table,
  tiles,
} from './pdf-kit.js';

/** An incident of the month worth the direction's eye: references and words, never a person. */
export interface NotableIncident {
  readonly reference: string;
  readonly establishment: string;
  readonly severity: Severity;
  readonly category: string;
  readonly status: string;
  /** YYYY-MM-DD, Paris. */
  readonly openedOn: string;
  /** Minutes to the first action, or null when none yet. */
  readonly firstActionMinutes: number | null;
}

export interface MonthlyReportContent {
  /** YYYY-MM. */
  readonly month: string;
  readonly dashboard: DashboardData;
  readonly notable: readonly NotableIncident[];
  /** True for a month not yet over: the figures will still move. */
  readonly provisional: boolean;
}

const monthName = (month: string) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
const dayMonth = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });
/** « 1er novembre », « 12 novembre »: French writes the first of the month as an ordinal. */
const dayName = (day: string) => dayMonth.format(new Date(`${day}T12:00:00Z`)).replace(/^1 /, '1er ');
const stamp = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

/** A label from a vocabulary when the key is in it, the key itself otherwise (an open list). */
function labelled<K extends string>(
  counts: readonly Count[],
  words: Readonly<Partial<Record<K, string>>>,
): { label: string; value: number }[] {
  return counts.map((count) => ({ label: words[count.key as K] ?? count.key, value: count.count }));
}
const french = <K extends string>(vocabulary: Readonly<Record<K, { fr: string }>>) =>
  Object.fromEntries(
    Object.entries<{ fr: string }>(vocabulary).map(([key, words]) => [key, words.fr]),
  ) as Record<K, string>;

const STATUS_LABELS = Object.fromEntries(
  Object.entries(STATUS_WORDS).map(([key, words]) => [key, words.label.fr]),
);
const SEVERITY_NAMES = Object.fromEntries(
  Object.entries(SEVERITY_WORDS).map(([key, words]) => [key, words.label.fr]),
) as Record<Severity, string>;
const MEASURES = { qualify: 'Qualification', first_action: 'Première action' } as const;

/**
 * Lays the month's report out as an A4 PDF, in French: key figures, charts, the response times
 * against the targets, each activity, and the notable incidents by reference. Returns the
 * document, a readable stream, ended.
 */
export function renderMonthlyReport(content: MonthlyReportContent, generatedAt: Date): Pdf {
  const { dashboard, month } = content;
  const scopeName = dashboard.scope.name;
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    bufferPages: false,
    info: {
      Title: `Rapport mensuel ${monthName(month)} — ${scopeName}`,
      Author: scopeName,
      Creator: 'Blouse',
    },
    lang: 'fr-FR',
  });
  const { regular, bold } = dejaVuFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  doc
    .font('bold')
    .fontSize(20)
    .text(`Rapport mensuel — ${monthName(month)}`);
  doc
    .font('regular')
    .fontSize(12)
    .fillColor('#5c5f66')
    .text(dashboard.scope.kind === 'group' ? `Groupement ${scopeName}` : scopeName);
  doc
    .fontSize(9)
    .text(
      `Du ${dayName(dashboard.range.from)} au ${dayName(dashboard.range.to)} (heure de Paris). ` +
        `Établi le ${stamp.format(generatedAt)} par Blouse.`,
    );
  if (content.provisional)
    doc
      .font('bold')
      .fillColor('#c92a2a')
      .text('Mois en cours : chiffres provisoires, ils évolueront d’ici la fin du mois.');
  doc.fillColor('#1a1a1a').font('regular').fontSize(10);
  if (dashboard.scope.kind === 'group') {
    const names = dashboard.scope.establishments.map((establishment) => establishment.name).join(', ');
    note(doc, `Établissements comptés : ${names}.`);
    if (dashboard.scope.excludedEstablishments > 0)
      note(
        doc,
        `${dashboard.scope.excludedEstablishments} établissement(s) du groupement ne sont pas comptés ici.`,
      );
  }

  heading(doc, 'En bref');
  doc
    .font('regular')
    .fontSize(10.5)
    .text(summary(dashboard, month), { width: doc.page.width - 2 * PAGE_MARGIN });
  heading(doc, 'Chiffres clés');
  const key = dashboard.keyFigures;
  tiles(doc, [
    { label: 'incidents ouverts', value: formatCount(key.incidents) },
    { label: 'première action dans les délais cibles', value: formatPercent(key.withinTargetPercent) },
    { label: 'incidents en retard', value: formatCount(key.overdue) },
    ...(key.mentions === null ? [] : [{ label: 'mentions relevées', value: formatCount(key.mentions) }]),
    ...(key.alerts === null ? [] : [{ label: 'alertes', value: formatCount(key.alerts) }]),
    ...(key.posts === null ? [] : [{ label: 'publications', value: formatCount(key.posts) }]),
  ]);

  incidentsPart(doc, content);
  activityParts(doc, dashboard);
  notablePart(doc, content.notable, dashboard.scope.kind === 'group');

  heading(doc, 'À propos de ce rapport');
  note(
    doc,
    'Ce rapport ne contient que des comptes et des références d’incidents : aucun nom, aucun message, aucune ' +
      'donnée de patient ni de membre du personnel. Les délais cibles sont ceux recommandés par le guide de ' +
      'Blouse (qualification et première action selon la gravité). Le détail de chaque incident se consulte ' +
      'dans Blouse, selon les droits de chacun.',
  );
  doc.end();
  return doc;
}

const plural = (count: number, one: string, many: string) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/**
 * The month in one sentence, above the tiles: what a director reads first, and what a screen
 * reader or a mail preview gets without the layout.
 */
export function summary(dashboard: DashboardData, month: string): string {
  const key = dashboard.keyFigures;
  const serious = dashboard.incidents.bySeverity
    .filter((count) => count.key === 'N3' || count.key === 'N4')
    .reduce((sum, count) => sum + count.count, 0);
  const parts = [
    `${plural(key.incidents, 'incident ouvert', 'incidents ouverts')}, dont ${formatCount(serious)} de gravité N3 ou N4`,
    key.withinTargetPercent === null
      ? 'aucun délai cible encore échu'
      : `première action dans les délais cibles pour ${formatPercent(key.withinTargetPercent)} d’entre eux`,
    `${plural(key.overdue, 'incident en retard', 'incidents en retard')} à ce jour`,
  ];
  if (key.mentions !== null)
    parts.push(
      `${plural(key.mentions, 'mention relevée', 'mentions relevées')} par la veille et ${plural(key.alerts ?? 0, 'alerte', 'alertes')}`,
    );
  if (key.posts !== null) parts.push(plural(key.posts, 'publication', 'publications'));
  const opening = `En ${monthName(month)}`;
  return `${opening} : ${parts.join(' ; ')}.`;
}

function incidentsPart(doc: Pdf, content: MonthlyReportContent): void {
  const incidents = content.dashboard.incidents;
  heading(doc, 'Incidents par gravité');
  barChart(
    doc,
    incidents.bySeverity.map((count) => ({ label: SEVERITY_NAMES[count.key], value: count.count })),
  );
  heading(doc, 'Incidents par catégorie');
  barChart(doc, labelled<IncidentCategory>(incidents.byCategory, CATEGORY_LABELS).slice(0, 10));
  heading(doc, 'Où en sont les incidents du mois');
  barChart(doc, labelled(incidents.byStatus, STATUS_LABELS));
  heading(doc, 'Délais de réponse, comparés aux cibles');
  const rows = incidents.responseTimes
    .filter((row) => row.incidents > 0)
    .map((row) => [
      MEASURES[row.measure],
      SEVERITY_NAMES[row.severity],
      formatMinutes(row.targetMinutes),
      formatCount(row.incidents),
      formatMinutes(row.medianMinutes),
      `${formatCount(row.withinTarget)} / ${formatCount(row.missed)}`,
      formatPercent(row.withinTargetPercent),
    ]);
  if (rows.length === 0) note(doc, 'Aucun incident ouvert ce mois-ci.');
  else
    table(
      doc,
      [
        { title: 'Étape', width: 0.17 },
        { title: 'Gravité', width: 0.17 },
        { title: 'Cible', width: 0.12, align: 'right' },
        { title: 'Incidents', width: 0.12, align: 'right' },
        { title: 'Médiane', width: 0.13, align: 'right' },
        { title: 'À temps / en retard', width: 0.16, align: 'right' },
        { title: 'Dans les délais', width: 0.13, align: 'right' },
      ],
      rows,
    );
}

function activityParts(doc: Pdf, dashboard: DashboardData): void {
  if (dashboard.checks !== null) {
    heading(doc, `Vérifications avant publication : ${formatCount(dashboard.checks.checks)}`);
    subheading(doc, 'Par verdict');
    barChart(doc, labelled(dashboard.checks.byVerdict, VERDICT_LABELS));
    if (dashboard.checks.byContext.length > 0) {
      subheading(doc, 'Par type de compte');
      barChart(doc, labelled<GuardContext>(dashboard.checks.byContext, CONTEXT_LABELS), '#5f3dc4');
    }
    if (dashboard.checks.topRules.length > 0) {
      heading(doc, 'Règles les plus souvent relevées');
      barChart(doc, labelled(dashboard.checks.topRules, {}), '#e8590c');
      note(doc, 'Identifiants du catalogue de règles de Blouse (SECRET-01 : patient identifiable, etc.).');
    }
  }
  if (dashboard.listening !== null) {
    const listening = dashboard.listening;
    heading(
      doc,
      `Veille : ${formatCount(listening.mentions)} mentions, ${formatCount(listening.alerts)} alertes`,
    );
    subheading(doc, 'Mentions par catégorie');
    barChart(doc, labelled<MentionCategory>(listening.byCategory, french(MENTION_CATEGORY_LABELS)));
    subheading(doc, 'Mentions par source');
    barChart(doc, labelled<ListeningSourceKind>(listening.bySource, french(SOURCE_KIND_LABELS)), '#5f3dc4');
    if (listening.alertsByReason.length > 0) {
      subheading(doc, 'Alertes par motif');
      barChart(doc, labelled<AlertReason>(listening.alertsByReason, french(ALERT_REASON_LABELS)), '#c92a2a');
    }
  }
  if (dashboard.publishing !== null) {
    const publishing = dashboard.publishing;
    heading(doc, `Publications : ${formatCount(publishing.posts)}`);
    subheading(doc, 'Par réseau');
    barChart(doc, labelled<Network>(publishing.byNetwork, french(NETWORK_LABELS)));
    const engagement = publishing.engagement;
    note(
      doc,
      `${formatCount(publishing.approvals.approved)} brouillon(s) validé(s), délai médian de validation ` +
        `${formatMinutes(publishing.approvals.medianLeadMinutes)}. Réactions : ${formatCount(engagement.likes)} ` +
        `mentions « j’aime », ${formatCount(engagement.shares)} partages, ${formatCount(engagement.comments)} ` +
        `commentaires, ${formatCount(engagement.impressions)} affichages (selon ce que chaque réseau communique).`,
    );
  }
  if (dashboard.training !== null) {
    const training = dashboard.training;
    heading(doc, 'Formation du personnel (à ce jour)');
    tiles(doc, [
      { label: 'membres du personnel', value: formatCount(training.staff) },
      {
        label: 'ont pris connaissance de la charte en vigueur',
        value: formatPercent(training.charterAcknowledgedPercent),
      },
      { label: 'ont fait le quiz au moins une fois', value: formatPercent(training.quizTakenPercent) },
    ]);
    if (training.quizAverageScorePercent !== null)
      note(
        doc,
        `Score moyen au quiz (dernier essai de chacun) : ${formatPercent(training.quizAverageScorePercent)}.`,
      );
  }
  if (dashboard.scope.kind === 'group') {
    heading(doc, 'Par établissement');
    table(
      doc,
      [
        { title: 'Établissement', width: 0.28 },
        { title: 'Incidents', width: 0.12, align: 'right' },
        { title: 'En retard', width: 0.12, align: 'right' },
        { title: 'Dans les délais', width: 0.12, align: 'right' },
        { title: 'Mentions', width: 0.12, align: 'right' },
        { title: 'Alertes', width: 0.11, align: 'right' },
        { title: 'Publications', width: 0.13, align: 'right' },
      ],
      dashboard.establishments.map((row) => [
        row.name,
        formatCount(row.incidents),
        formatCount(row.overdue),
        formatPercent(row.withinTargetPercent),
        row.mentions === null ? '–' : formatCount(row.mentions),
        row.alerts === null ? '–' : formatCount(row.alerts),
        row.posts === null ? '–' : formatCount(row.posts),
      ]),
    );
  }
}

function notablePart(doc: Pdf, notable: readonly NotableIncident[], group: boolean): void {
  heading(doc, 'Incidents marquants du mois');
  if (notable.length === 0) {
    note(doc, 'Aucun incident de gravité N2 ou plus ce mois-ci.');
    return;
  }
  note(
    doc,
    'Les incidents de gravité N2 ou plus, les plus graves d’abord : leur référence, jamais leur contenu.',
  );
  doc.moveDown(0.3);
  table(
    doc,
    [
      { title: 'Référence', width: group ? 0.15 : 0.17 },
      ...(group ? [{ title: 'Établissement', width: 0.17 }] : []),
      { title: 'Gravité', width: 0.13 },
      { title: 'Catégorie', width: group ? 0.2 : 0.28 },
      { title: 'Ouvert le', width: 0.12 },
      { title: 'Première action', width: 0.11, align: 'right' as const },
      { title: 'État', width: group ? 0.12 : 0.19 },
    ],
    notable.map((incident) => [
      incident.reference,
      ...(group ? [incident.establishment] : []),
      SEVERITY_NAMES[incident.severity],
      CATEGORY_LABELS[incident.category as IncidentCategory] ?? incident.category,
      dayName(incident.openedOn),
      formatMinutes(incident.firstActionMinutes),
      STATUS_LABELS[incident.status] ?? incident.status,
    ]),
  );
}
