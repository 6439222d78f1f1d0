import { INCIDENT_STATUSES, SEVERITIES } from '@blouse/contract';
import type { Role } from '../db/schema.js';
import type { AppContext } from '../http/context.js';
import { forbidden, notFound } from '../http/problem.js';
import type {
  ChecksSection,
  Count,
  DashboardData,
  DashboardEstablishment,
  DashboardScopeKind,
  EstablishmentBreakdown,
  IncidentSection,
  ListeningSection,
  PublishingSection,
  ResponseMeasure,
  ResponseTimeRow,
} from './dashboard-data.js';
import { targetMinutes } from './incident-row.js';
import { medianOfHistogram, percent } from './median.js';
import { daysBetween, eachDay } from './paris-day.js';
import type { DayRange } from './period.js';
import {
  type DashboardView,
  ESTABLISHMENT_DASHBOARD_ROLES,
  GROUP_DASHBOARD_ROLES,
  viewOf,
} from './policy.js';
import { ALERTS_METRIC } from './refresh/alerts.js';
import { CHECK_METRICS } from './refresh/checks.js';
import { METRIC as MENTION_METRICS } from './refresh/mentions.js';
import { lastRefreshedAt } from './refresh/watermark.js';
import * as repository from './repository.js';
import { trainingSection } from './training-section.js';

/** What a dashboard is about, once the reader's rights are applied. */
export interface DashboardScope {
  readonly kind: DashboardScopeKind;
  readonly id: string;
  readonly name: string;
  readonly establishments: readonly DashboardEstablishment[];
  readonly excludedEstablishments: number;
  readonly view: DashboardView;
}

/** One establishment's dashboard for a reader, by their role there (404 without one, 403 for another). */
export async function establishmentScopeFor(
  context: AppContext,
  roles: ReadonlyMap<string, Role>,
  establishmentId: string,
): Promise<DashboardScope> {
  const role = roles.get(establishmentId);
  if (role === undefined) throw notFound();
  if (!ESTABLISHMENT_DASHBOARD_ROLES.includes(role)) throw forbidden();
  return establishmentScope(context, establishmentId, viewOf(role));
}

/**
 * An establishment's whole dashboard, whoever asks: for the server's own use (the monthly report
 * sent to the direction), never for a request, which goes through establishmentScopeFor.
 */
export async function establishmentScope(
  context: AppContext,
  establishmentId: string,
  view: DashboardView = 'full',
): Promise<DashboardScope> {
  const names = await repository.establishmentNames(context.storage.db, [establishmentId]);
  const name = names.get(establishmentId);
  if (name === undefined) throw notFound();
  return {
    kind: 'establishment',
    id: establishmentId,
    name,
    establishments: [{ id: establishmentId, name }],
    excludedEstablishments: 0,
    view,
  };
}

/**
 * A group's roll-up over the establishments where the reader holds a dashboard role; a group in
 * which they have none is as unknown to them as a group that does not exist (404).
 */
export async function groupScopeFor(
  context: AppContext,
  roles: ReadonlyMap<string, Role>,
  groupId: string,
): Promise<DashboardScope> {
  const group = await repository.groupWithEstablishments(context.storage.db, groupId);
  if (group === undefined) throw notFound();
  const readable = group.establishments.filter((establishment) => {
    const role = roles.get(establishment.id);
    return role !== undefined && GROUP_DASHBOARD_ROLES.includes(role);
  });
  if (readable.length === 0) throw notFound();
  return {
    kind: 'group',
    id: groupId,
    name: group.name,
    establishments: readable,
    excludedEstablishments: group.establishments.length - readable.length,
    view: 'full',
  };
}

/**
 * The dashboard of a scope over a range of Paris days, from the read models only (see
 * dashboard-data.ts for what each figure means). The read models are as fresh as the last
 * refresh (refreshedAt says when): call refreshAnalytics() first for up-to-the-minute figures.
 */
export async function readDashboard(
  context: AppContext,
  scope: DashboardScope,
  range: DayRange,
): Promise<DashboardData> {
  const db = context.storage.db;
  const now = context.clock();
  const nowIso = now.toISOString();
  const ids = scope.establishments.map((establishment) => establishment.id);
  const full = scope.view === 'full';

  const [groups, categories, days, qualifyHistogram, actionHistogram, refreshedAt] = await Promise.all([
    repository.incidentGroups(db, ids, range, nowIso),
    repository.incidentsByCategory(db, ids, range),
    repository.incidentsByDay(db, ids, range),
    repository.responseHistogram(db, ids, range, 'qualify_minutes'),
    repository.responseHistogram(db, ids, range, 'first_action_minutes'),
    lastRefreshedAt(db),
  ]);
  const incidents = incidentSection(range, groups, categories, days, {
    qualify: qualifyHistogram,
    first_action: actionHistogram,
  });

  let checks: ChecksSection | null = null;
  let listening: ListeningSection | null = null;
  let publishing: PublishingSection | null = null;
  const perEstablishment = new Map<
    string,
    { checks: number; mentions: number; alerts: number; posts: number }
  >();
  const tally = (id: string) => {
    const entry = perEstablishment.get(id) ?? { checks: 0, mentions: 0, alerts: 0, posts: 0 };
    perEstablishment.set(id, entry);
    return entry;
  };
  let listeningIds = new Set<string>();
  let publishingIds = new Set<string>();
  if (full) {
    const metrics = [
      ...Object.values(CHECK_METRICS),
      MENTION_METRICS.category,
      MENTION_METRICS.source,
      ALERTS_METRIC,
    ];
    const [sums, series, listeners, publishers, publications, leadTimes] = await Promise.all([
      repository.dailySums(db, ids, range, metrics),
      repository.dailySeries(db, ids, range, [MENTION_METRICS.category, ALERTS_METRIC]),
      repository.withListening(db, ids, MENTION_METRICS.category),
      repository.withPublishing(db, ids),
      repository.publicationGroups(db, ids, range),
      repository.approvalLeadTimes(db, ids, range),
    ]);
    listeningIds = listeners;
    publishingIds = publishers;
    const byMetric = (metric: string) => countsOf(sums.filter((sum) => sum.metric === metric));
    for (const sum of sums) {
      if (sum.metric === CHECK_METRICS.verdict) tally(sum.establishmentId).checks += sum.value;
      if (sum.metric === MENTION_METRICS.category) tally(sum.establishmentId).mentions += sum.value;
      if (sum.metric === ALERTS_METRIC) tally(sum.establishmentId).alerts += sum.value;
    }
    const verdicts = byMetric(CHECK_METRICS.verdict);
    checks = {
      checks: total(verdicts),
      byVerdict: (['ok', 'warn', 'block'] as const).map((key) => ({
        key,
        count: verdicts.find((entry) => entry.key === key)?.count ?? 0,
      })),
      byContext: byMetric(CHECK_METRICS.context),
      topRules: byMetric(CHECK_METRICS.rule).slice(0, 15),
    };
    if (listeners.size > 0) {
      const byDay = new Map<string, { mentions: number; alerts: number }>();
      for (const point of series) {
        const entry = byDay.get(point.day) ?? { mentions: 0, alerts: 0 };
        if (point.metric === ALERTS_METRIC) entry.alerts += point.value;
        else entry.mentions += point.value;
        byDay.set(point.day, entry);
      }
      const mentionsByCategory = byMetric(MENTION_METRICS.category);
      const alertsByReason = byMetric(ALERTS_METRIC);
      listening = {
        mentions: total(mentionsByCategory),
        byCategory: mentionsByCategory,
        bySource: byMetric(MENTION_METRICS.source),
        alerts: total(alertsByReason),
        alertsByReason,
        daily: eachDay(range.from, range.to).map((day) => ({
          day,
          ...(byDay.get(day) ?? { mentions: 0, alerts: 0 }),
        })),
      };
    }
    if (publishers.size > 0) {
      for (const row of publications) tally(row.establishmentId).posts += row.posts;
      const sum = (pick: (row: repository.PublicationGroupRow) => number) =>
        publications.reduce((acc, row) => acc + pick(row), 0);
      publishing = {
        posts: sum((row) => row.posts),
        byNetwork: countsOf(publications.map((row) => ({ dimension: row.network, value: row.posts }))),
        approvals: {
          approved: leadTimes.length,
          medianLeadMinutes: medianOfHistogram(leadTimes.map((value) => ({ value, count: 1 }))),
        },
        engagement: {
          likes: sum((row) => row.likes),
          shares: sum((row) => row.shares),
          comments: sum((row) => row.comments),
          impressions: sum((row) => row.impressions),
        },
      };
    }
  }

  const establishments: EstablishmentBreakdown[] = scope.establishments.map((establishment) => {
    const own = groups.filter((group) => group.establishmentId === establishment.id);
    const within = own.reduce((sum, group) => sum + group.firstActionWithin, 0);
    const missed = own.reduce(
      (sum, group) => sum + (group.firstActionReached - group.firstActionWithin) + group.firstActionTimedOut,
      0,
    );
    const counted = tally(establishment.id);
    return {
      id: establishment.id,
      name: establishment.name,
      incidents: own.reduce((sum, group) => sum + group.count, 0),
      overdue: own.reduce((sum, group) => sum + group.overdue, 0),
      withinTargetPercent: percent(within, within + missed),
      mentions: listeningIds.has(establishment.id) ? counted.mentions : null,
      alerts: listeningIds.has(establishment.id) ? counted.alerts : null,
      posts: publishingIds.has(establishment.id) ? counted.posts : null,
      checks: full ? counted.checks : null,
    };
  });
  const firstAction = incidents.responseTimes.filter((row) => row.measure === 'first_action');
  const within = firstAction.reduce((sum, row) => sum + row.withinTarget, 0);
  const missed = firstAction.reduce((sum, row) => sum + row.missed, 0);
  return {
    scope: {
      kind: scope.kind,
      id: scope.id,
      name: scope.name,
      establishments: scope.establishments,
      excludedEstablishments: scope.excludedEstablishments,
    },
    range: {
      from: range.from,
      to: range.to,
      days: daysBetween(range.from, range.to),
      timeZone: 'Europe/Paris',
    },
    generatedAt: nowIso,
    refreshedAt,
    keyFigures: {
      incidents: incidents.opened,
      withinTargetPercent: percent(within, within + missed),
      overdue: incidents.overdue,
      mentions: listening?.mentions ?? null,
      alerts: listening?.alerts ?? null,
      posts: publishing?.posts ?? null,
    },
    incidents,
    checks,
    listening,
    publishing,
    training: full ? await trainingSection(context, ids) : null,
    establishments,
  };
}

function incidentSection(
  range: DayRange,
  groups: readonly repository.IncidentGroupRow[],
  categories: ReadonlyMap<string, number>,
  days: readonly { day: string; severity: string; count: number }[],
  histograms: Record<ResponseMeasure, readonly { severity: string; minutes: number; count: number }[]>,
): IncidentSection {
  const sumWhere = (
    test: (group: repository.IncidentGroupRow) => boolean,
    pick: (group: repository.IncidentGroupRow) => number,
  ) => groups.filter(test).reduce((sum, group) => sum + pick(group), 0);
  const responseTimes: ResponseTimeRow[] = [];
  for (const measure of ['qualify', 'first_action'] as const) {
    for (const severity of SEVERITIES) {
      const at = (group: repository.IncidentGroupRow) => group.severity === severity;
      const reached = sumWhere(at, (group) =>
        measure === 'qualify' ? group.qualifyReached : group.firstActionReached,
      );
      const target = targetMinutes(severity, measure);
      const withinTarget =
        target === null
          ? 0
          : sumWhere(at, (g) => (measure === 'qualify' ? g.qualifyWithin : g.firstActionWithin));
      const timedOut =
        target === null
          ? 0
          : sumWhere(at, (g) => (measure === 'qualify' ? g.qualifyTimedOut : g.firstActionTimedOut));
      const missed = target === null ? 0 : reached - withinTarget + timedOut;
      responseTimes.push({
        measure,
        severity,
        targetMinutes: target,
        incidents: sumWhere(at, (group) => group.count),
        reached,
        medianMinutes: medianOfHistogram(
          histograms[measure]
            .filter((entry) => entry.severity === severity)
            .map((entry) => ({ value: entry.minutes, count: entry.count })),
        ),
        withinTarget,
        missed,
        pending:
          target === null
            ? 0
            : sumWhere(at, (g) => (measure === 'qualify' ? g.qualifyPending : g.firstActionPending)),
        withinTargetPercent: percent(withinTarget, withinTarget + missed),
      });
    }
  }
  const byDay = new Map<string, Record<string, number>>();
  for (const point of days) {
    const entry = byDay.get(point.day) ?? {};
    entry[point.severity] = (entry[point.severity] ?? 0) + point.count;
    byDay.set(point.day, entry);
  }
  return {
    opened: sumWhere(
      () => true,
      (group) => group.count,
    ),
    bySeverity: SEVERITIES.map((key) => ({
      key,
      count: sumWhere(
        (group) => group.severity === key,
        (group) => group.count,
      ),
    })),
    byCategory: countsOf([...categories].map(([dimension, value]) => ({ dimension, value }))),
    byStatus: INCIDENT_STATUSES.map((key) => ({
      key,
      count: sumWhere(
        (group) => group.status === key,
        (group) => group.count,
      ),
    })),
    overdue: sumWhere(
      () => true,
      (group) => group.overdue,
    ),
    responseTimes,
    daily: eachDay(range.from, range.to).map((day) => {
      const entry = byDay.get(day) ?? {};
      const [N0, N1, N2, N3, N4] = SEVERITIES.map((severity) => entry[severity] ?? 0) as [
        number,
        number,
        number,
        number,
        number,
      ];
      return { day, total: N0 + N1 + N2 + N3 + N4, N0, N1, N2, N3, N4 };
    }),
  };
}

/** Sums by dimension, largest first, then by id. */
function countsOf(rows: readonly { readonly dimension: string; readonly value: number }[]): Count[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.dimension, (sums.get(row.dimension) ?? 0) + row.value);
  return [...sums]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const total = (counts: readonly Count[]): number => counts.reduce((sum, entry) => sum + entry.count, 0);
