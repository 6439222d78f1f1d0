import { INCIDENT_STATUSES, SEVERITIES } from '@blouse/contract';
import { z } from 'zod';
import { component } from '../http/openapi.js';
import { EXPORT_TABLES } from './export-tables.js';

const int = z.number().int();
const percentage = z.number().nullable();
const day = z.iso.date();
/** The service returns readonly arrays; the schema says so. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

export const establishmentParams = z.object({ establishmentId: z.string().min(1).max(100) });
export const groupParams = z.object({ groupId: z.string().min(1).max(100) });

export const rangeQuery = z.object({
  from: day
    .optional()
    .describe('Premier jour inclus (AAAA-MM-JJ, Europe/Paris) ; 29 jours avant `to` par défaut.'),
  to: day.optional().describe('Dernier jour inclus ; aujourd’hui par défaut. 400 jours au plus.'),
});

/** « incidents_by_severity.csv »…: the closed list of tables, each a file name. */
export const exportFiles = EXPORT_TABLES.map((table) => `${table}.csv`) as [string, ...string[]];

export const exportParams = z.object({ file: z.enum(exportFiles) });
export const establishmentExportParams = establishmentParams.extend(exportParams.shape);
export const groupExportParams = groupParams.extend(exportParams.shape);

const count = <K extends z.ZodType<string>>(key: K) => z.object({ key, count: int });

const responseTime = z.object({
  measure: z.enum(['qualify', 'first_action']),
  severity: z.enum(SEVERITIES),
  targetMinutes: int.nullable(),
  incidents: int,
  reached: int,
  medianMinutes: int.nullable(),
  withinTarget: int,
  missed: int,
  pending: int,
  withinTargetPercent: percentage,
});

const incidentSection = z.object({
  opened: int,
  bySeverity: list(count(z.enum(SEVERITIES))),
  byCategory: list(count(z.string())),
  byStatus: list(count(z.enum(INCIDENT_STATUSES))),
  overdue: int,
  responseTimes: list(responseTime),
  daily: list(z.object({ day: z.string(), total: int, N0: int, N1: int, N2: int, N3: int, N4: int })),
});

const checksSection = z.object({
  checks: int,
  byVerdict: list(count(z.enum(['ok', 'warn', 'block']))),
  byContext: list(count(z.string())),
  topRules: list(count(z.string())),
});

const listeningSection = z.object({
  mentions: int,
  byCategory: list(count(z.string())),
  bySource: list(count(z.string())),
  alerts: int,
  alertsByReason: list(count(z.string())),
  daily: list(z.object({ day: z.string(), mentions: int, alerts: int })),
});

const publishingSection = z.object({
  posts: int,
  byNetwork: list(count(z.string())),
  approvals: z.object({ approved: int, medianLeadMinutes: int.nullable() }),
  engagement: z.object({ likes: int, shares: int, comments: int, impressions: int }),
});

const trainingSection = z.object({
  staff: int,
  charterAcknowledgedPercent: percentage,
  quizTakenPercent: percentage,
  quizAverageScorePercent: percentage,
});

const establishment = z.object({ id: z.string(), name: z.string() });

/** The dashboard, as analytics/dashboard-data.ts documents it. */
export const dashboardResponse = z.object({
  scope: z.object({
    kind: z.enum(['establishment', 'group']),
    id: z.string(),
    name: z.string(),
    establishments: list(establishment),
    excludedEstablishments: int,
  }),
  range: z.object({ from: z.string(), to: z.string(), days: int, timeZone: z.literal('Europe/Paris') }),
  generatedAt: z.string(),
  refreshedAt: z.string().nullable(),
  keyFigures: z.object({
    incidents: int,
    withinTargetPercent: percentage,
    overdue: int,
    mentions: int.nullable(),
    alerts: int.nullable(),
    posts: int.nullable(),
  }),
  incidents: component(incidentSection, 'DashboardIncidents'),
  checks: component(checksSection, 'DashboardChecks').nullable(),
  listening: component(listeningSection, 'DashboardListening').nullable(),
  publishing: component(publishingSection, 'DashboardPublishing').nullable(),
  training: component(trainingSection, 'DashboardTraining').nullable(),
  establishments: list(
    z.object({
      id: z.string(),
      name: z.string(),
      incidents: int,
      overdue: int,
      withinTargetPercent: percentage,
      mentions: int.nullable(),
      alerts: int.nullable(),
      posts: int.nullable(),
      checks: int.nullable(),
    }),
  ),
});

/** The groups a reader may open a dashboard of (for the web app's scope switch). */
export const dashboardGroupsResponse = z.object({
  groups: list(z.object({ id: z.string(), name: z.string(), establishments: list(establishment) })),
});

component(dashboardResponse, 'Dashboard');
component(dashboardGroupsResponse, 'DashboardGroups');
