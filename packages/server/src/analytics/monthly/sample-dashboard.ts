import type { DashboardData, ResponseTimeRow } from '../dashboard-data.js';

/**
 * A group dashboard with every section filled, for the report's layout tests: figures chosen so
 * that each one can be found again in the printed text.
 */
export function sampleGroupDashboard(): DashboardData {
  const response = (severity: ResponseTimeRow['severity'], incidents: number): ResponseTimeRow => ({
    measure: 'first_action',
    severity,
    targetMinutes: severity === 'N4' ? 60 : severity === 'N3' ? 240 : 1440,
    incidents,
    reached: incidents,
    medianMinutes: severity === 'N4' ? 42 : 190,
    withinTarget: incidents - 1,
    missed: 1,
    pending: 0,
    withinTargetPercent: Math.round(((incidents - 1) / incidents) * 1000) / 10,
  });
  return {
    scope: {
      kind: 'group',
      id: 'ght-1',
      name: 'GHT Valmont-Estuaire',
      establishments: [
        { id: 'e1', name: 'CHU de Valmont' },
        { id: 'e2', name: 'CH de l’Estuaire' },
      ],
      excludedEstablishments: 1,
    },
    range: { from: '2026-11-01', to: '2026-11-30', days: 30, timeZone: 'Europe/Paris' },
    generatedAt: '2026-12-01T06:00:00.000Z',
    refreshedAt: '2026-12-01T05:55:00.000Z',
    keyFigures: {
      incidents: 137,
      withinTargetPercent: 87.5,
      overdue: 4,
      mentions: 12480,
      alerts: 23,
      posts: 58,
    },
    incidents: {
      opened: 137,
      bySeverity: [
        { key: 'N0', count: 40 },
        { key: 'N1', count: 61 },
        { key: 'N2', count: 27 },
        { key: 'N3', count: 7 },
        { key: 'N4', count: 2 },
      ],
      byCategory: [
        { key: 'complaint', count: 70 },
        { key: 'rumour', count: 30 },
        { key: 'secret_breach', count: 5 },
        { key: 'une-catégorie-inconnue', count: 1 },
      ],
      byStatus: [
        { key: 'new', count: 3 },
        { key: 'qualified', count: 5 },
        { key: 'decided', count: 2 },
        { key: 'responded', count: 20 },
        { key: 'closed', count: 107 },
      ],
      overdue: 4,
      responseTimes: [response('N4', 2), response('N3', 7), response('N2', 27)],
      daily: [],
    },
    checks: {
      checks: 912,
      byVerdict: [
        { key: 'ok', count: 700 },
        { key: 'warn', count: 150 },
        { key: 'block', count: 62 },
      ],
      byContext: [{ key: 'staff', count: 600 }],
      topRules: [{ key: 'SECRET-01', count: 41 }],
    },
    listening: {
      mentions: 12480,
      byCategory: [{ key: 'complaint', count: 300 }],
      bySource: [{ key: 'bluesky', count: 12000 }],
      alerts: 23,
      alertsByReason: [{ key: 'privacy_breach', count: 3 }],
      daily: [],
    },
    publishing: {
      posts: 58,
      byNetwork: [{ key: 'linkedin', count: 20 }],
      approvals: { approved: 31, medianLeadMinutes: 260 },
      engagement: { likes: 4100, shares: 300, comments: 120, impressions: 98000 },
    },
    training: {
      staff: 5400,
      charterAcknowledgedPercent: 76.2,
      quizTakenPercent: 58,
      quizAverageScorePercent: 81.3,
    },
    establishments: [
      {
        id: 'e1',
        name: 'CHU de Valmont',
        incidents: 100,
        overdue: 3,
        withinTargetPercent: 85,
        mentions: 10000,
        alerts: 20,
        posts: 40,
        checks: 800,
      },
      {
        id: 'e2',
        name: 'CH de l’Estuaire',
        incidents: 37,
        overdue: 1,
        withinTargetPercent: 94.1,
        mentions: null,
        alerts: null,
        posts: 18,
        checks: 112,
      },
    ],
  };
}
