import type { IncidentStatus, Severity } from '../db/schema.js';
import { INCIDENT_CATEGORIES, type IncidentCategory } from './categories.js';
import {
  computeDeadlines,
  type Deadline,
  isOverdue,
  type MilestoneEvent,
  milestonesFromEvents,
  nextDue,
} from './deadlines.js';
import type { DecisionKind } from './decisions.js';
import type { StoredFinding } from './open-incident.js';
import type { EventRow, IncidentRow } from './repository.js';

/** What the desk sees of an incident in its list and after every change. */
export interface IncidentSummary {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly status: IncidentStatus;
  readonly proposedSeverity: Severity;
  readonly severity: Severity | null;
  readonly proposedCategory: string;
  readonly category: string | null;
  readonly ownerId: string | null;
  readonly firstPublishedAt: string | null;
  readonly breachAwareAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly deadlines: Deadline[];
  readonly nextDueAt: string | null;
  readonly overdue: boolean;
}

export interface StoredDecision {
  readonly id: string;
  readonly kind: DecisionKind;
  readonly note: string | null;
  readonly targetStaffName: string | null;
  readonly targetStaffUserId: string | null;
  readonly authorId: string;
  readonly at: string;
}

export interface GuardSummary {
  readonly verdict: string;
  readonly guardCategory: string | null;
  readonly findings: StoredFinding[];
}

export const effectiveSeverity = (row: IncidentRow): Severity => row.severity ?? row.proposed_severity;

export function effectiveCategory(row: IncidentRow): IncidentCategory {
  const category = row.category ?? row.proposed_category;
  return (INCIDENT_CATEGORIES as readonly string[]).includes(category)
    ? (category as IncidentCategory)
    : 'other';
}

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const decisionsOf = (row: IncidentRow): StoredDecision[] =>
  parseJson<StoredDecision[]>(row.decisions, []);

export function guardSummaryOf(row: IncidentRow): GuardSummary {
  const stored = parseJson<Partial<GuardSummary>>(row.guard_findings, {});
  return {
    verdict: stored.verdict ?? 'ok',
    guardCategory: stored.guardCategory ?? null,
    findings: stored.findings ?? [],
  };
}

export function toMilestoneEvents(events: readonly EventRow[]): MilestoneEvent[] {
  return events.map((event) => ({ at: event.at, kind: event.kind, detail: parseJson(event.detail, {}) }));
}

export function summarize(row: IncidentRow, events: readonly EventRow[], now: Date): IncidentSummary {
  const deadlines = computeDeadlines({
    severity: effectiveSeverity(row),
    category: effectiveCategory(row),
    createdAt: row.created_at,
    firstPublishedAt: row.first_published_at,
    breachAwareAt: row.breach_aware_at,
    milestones: milestonesFromEvents(toMilestoneEvents(events), row.status === 'closed'),
    now,
  });
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status,
    proposedSeverity: row.proposed_severity,
    severity: row.severity,
    proposedCategory: row.proposed_category,
    category: row.category,
    ownerId: row.owner_id,
    firstPublishedAt: row.first_published_at,
    breachAwareAt: row.breach_aware_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    deadlines,
    nextDueAt: nextDue(deadlines),
    overdue: isOverdue(deadlines),
  };
}
