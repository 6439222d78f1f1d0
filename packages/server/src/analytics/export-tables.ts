import type { CsvCell } from './csv.js';
import type { DashboardData } from './dashboard-data.js';

/**
 * Every table of the dashboard, as a CSV file: the same figures as the page (each table on the
 * page has its download link), from the same DashboardData. Aggregates only, so each file is
 * bounded by construction (at most one row per day of a 400-day range, or per value of a
 * vocabulary), and is built in memory.
 */
export const EXPORT_TABLES = [
  'key_figures',
  'incidents_by_severity',
  'incidents_by_category',
  'incidents_by_status',
  'incidents_daily',
  'response_times',
  'checks_by_verdict',
  'checks_by_context',
  'checks_top_rules',
  'mentions_by_category',
  'mentions_by_source',
  'alerts_by_reason',
  'listening_daily',
  'posts_by_network',
  'publishing_engagement',
  'training',
  'establishments',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** Which section a table belongs to: a reader who sees incidents only gets those tables. */
export type ExportSection = 'summary' | 'incidents' | 'checks' | 'listening' | 'publishing' | 'training';

interface TableSpec {
  readonly section: ExportSection;
  readonly header: readonly string[];
  rows(data: DashboardData): (readonly CsvCell[])[];
}

const counts = (list: readonly { key: string; count: number }[] | undefined) =>
  (list ?? []).map((entry) => [entry.key, entry.count]);

export const TABLES: Readonly<Record<ExportTable, TableSpec>> = {
  key_figures: {
    section: 'summary',
    header: ['indicateur', 'valeur'],
    rows: (data) => [
      ['incidents ouverts', data.keyFigures.incidents],
      ['% dans les délais (première action)', data.keyFigures.withinTargetPercent],
      ['incidents en retard', data.keyFigures.overdue],
      ['mentions', data.keyFigures.mentions],
      ['alertes', data.keyFigures.alerts],
      ['publications', data.keyFigures.posts],
    ],
  },
  incidents_by_severity: {
    section: 'incidents',
    header: ['gravite', 'incidents'],
    rows: (data) => counts(data.incidents.bySeverity),
  },
  incidents_by_category: {
    section: 'incidents',
    header: ['categorie', 'incidents'],
    rows: (data) => counts(data.incidents.byCategory),
  },
  incidents_by_status: {
    section: 'incidents',
    header: ['statut', 'incidents'],
    rows: (data) => counts(data.incidents.byStatus),
  },
  incidents_daily: {
    section: 'incidents',
    header: ['jour', 'total', 'N0', 'N1', 'N2', 'N3', 'N4'],
    rows: (data) => data.incidents.daily.map((d) => [d.day, d.total, d.N0, d.N1, d.N2, d.N3, d.N4]),
  },
  response_times: {
    section: 'incidents',
    header: [
      'etape',
      'gravite',
      'cible_minutes',
      'incidents',
      'etape_atteinte',
      'mediane_minutes',
      'dans_les_delais',
      'hors_delais',
      'en_cours',
      'pourcentage_dans_les_delais',
    ],
    rows: (data) =>
      data.incidents.responseTimes.map((row) => [
        row.measure,
        row.severity,
        row.targetMinutes,
        row.incidents,
        row.reached,
        row.medianMinutes,
        row.withinTarget,
        row.missed,
        row.pending,
        row.withinTargetPercent,
      ]),
  },
  checks_by_verdict: {
    section: 'checks',
    header: ['verdict', 'verifications'],
    rows: (data) => counts(data.checks?.byVerdict),
  },
  checks_by_context: {
    section: 'checks',
    header: ['contexte', 'verifications'],
    rows: (data) => counts(data.checks?.byContext),
  },
  checks_top_rules: {
    section: 'checks',
    header: ['regle', 'occurrences'],
    rows: (data) => counts(data.checks?.topRules),
  },
  mentions_by_category: {
    section: 'listening',
    header: ['categorie', 'mentions'],
    rows: (data) => counts(data.listening?.byCategory),
  },
  mentions_by_source: {
    section: 'listening',
    header: ['source', 'mentions'],
    rows: (data) => counts(data.listening?.bySource),
  },
  alerts_by_reason: {
    section: 'listening',
    header: ['motif', 'alertes'],
    rows: (data) => counts(data.listening?.alertsByReason),
  },
  listening_daily: {
    section: 'listening',
    header: ['jour', 'mentions', 'alertes'],
    rows: (data) => (data.listening?.daily ?? []).map((d) => [d.day, d.mentions, d.alerts]),
  },
  posts_by_network: {
    section: 'publishing',
    header: ['reseau', 'publications'],
    rows: (data) => counts(data.publishing?.byNetwork),
  },
  publishing_engagement: {
    section: 'publishing',
    header: ['indicateur', 'valeur'],
    rows: (data) =>
      data.publishing === null
        ? []
        : [
            ['publications', data.publishing.posts],
            ['mentions_j_aime', data.publishing.engagement.likes],
            ['partages', data.publishing.engagement.shares],
            ['commentaires', data.publishing.engagement.comments],
            ['impressions', data.publishing.engagement.impressions],
            ['brouillons_approuves', data.publishing.approvals.approved],
            ['delai_median_approbation_minutes', data.publishing.approvals.medianLeadMinutes],
          ],
  },
  training: {
    section: 'training',
    header: ['indicateur', 'valeur'],
    rows: (data) =>
      data.training === null
        ? []
        : [
            ['personnel', data.training.staff],
            ['pourcentage_charte_en_vigueur', data.training.charterAcknowledgedPercent],
            ['pourcentage_quiz_fait', data.training.quizTakenPercent],
            ['score_moyen_quiz_pourcentage', data.training.quizAverageScorePercent],
          ],
  },
  establishments: {
    section: 'summary',
    header: [
      'etablissement',
      'incidents',
      'en_retard',
      'pourcentage_dans_les_delais',
      'mentions',
      'alertes',
      'publications',
      'verifications',
    ],
    rows: (data) =>
      data.establishments.map((e) => [
        e.name,
        e.incidents,
        e.overdue,
        e.withinTargetPercent,
        e.mentions,
        e.alerts,
        e.posts,
        e.checks,
      ]),
  },
};
