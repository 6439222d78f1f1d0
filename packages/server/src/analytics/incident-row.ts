import type { AnalyticsIncidentTable, Severity } from '../db/schema.js';
import { computeDeadlines, milestonesFromEvents } from '../incidents/deadlines.js';
import type { EventRow, IncidentRow } from '../incidents/repository.js';
import { effectiveCategory, effectiveSeverity, toMilestoneEvents } from '../incidents/view.js';
import { parisDay } from './paris-day.js';

/**
 * One incident as the dashboards read it. The response targets are those of domain-rules §3.5 as
 * incidents/deadlines.ts holds them (one place: a change of target there changes the dashboards),
 * read through computeDeadlines, whose due dates do not depend on the time of reading.
 */
export function analyticsIncidentRow(row: IncidentRow, events: readonly EventRow[]): AnalyticsIncidentTable {
  const severity = effectiveSeverity(row);
  const category = effectiveCategory(row);
  const milestones = milestonesFromEvents(toMilestoneEvents(events), row.status === 'closed');
  const deadlines = computeDeadlines({
    severity,
    category,
    createdAt: row.created_at,
    firstPublishedAt: row.first_published_at,
    breachAwareAt: row.breach_aware_at,
    milestones,
    now: new Date(0),
  });
  const dueOf = (kind: string) => deadlines.find((deadline) => deadline.kind === kind)?.dueAt ?? null;
  const opened = Date.parse(row.created_at);
  const minutesTo = (at: string | undefined) =>
    at === undefined ? null : Math.max(0, Math.round((Date.parse(at) - opened) / 60_000));
  const within = (at: string | undefined, due: string | null) =>
    at === undefined || due === null ? null : Date.parse(at) <= Date.parse(due) ? 1 : 0;
  const qualifyDue = dueOf('qualify');
  const firstActionDue = dueOf('first_action');
  return {
    incident_id: row.id,
    establishment_id: row.establishment_id,
    opened_day: parisDay(row.created_at),
    opened_at: row.created_at,
    severity,
    category,
    status: row.status,
    qualify_minutes: minutesTo(milestones.qualifiedAt),
    qualify_due_at: qualifyDue,
    qualify_within: within(milestones.qualifiedAt, qualifyDue),
    first_action_minutes: minutesTo(milestones.firstActionAt),
    first_action_due_at: firstActionDue,
    first_action_within: within(milestones.firstActionAt, firstActionDue),
    next_due_at: row.next_due_at,
    closed_at: milestones.closedAt ?? null,
    source_updated_at: row.updated_at,
  };
}

/** The §3.5 target of each measure and level, in minutes (null: none), for the dashboard's table. */
export function targetMinutes(severity: Severity, measure: 'qualify' | 'first_action'): number | null {
  const createdAt = '2026-01-01T00:00:00.000Z';
  const deadline = computeDeadlines({
    severity,
    category: 'other',
    createdAt,
    firstPublishedAt: null,
    breachAwareAt: null,
    milestones: {},
    now: new Date(0),
  }).find((item) => item.kind === measure);
  return deadline === undefined
    ? null
    : Math.round((Date.parse(deadline.dueAt) - Date.parse(createdAt)) / 60_000);
}
