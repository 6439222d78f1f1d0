/**
 * What a dashboard reads (issue 14): plain data, no HTTP, no chart. The web page draws it, the
 * CSV export writes its tables, and the monthly PDF report renders it: one shape for all three,
 * so that the figures of the report are the figures of the page.
 *
 * Conventions:
 * - days are 'YYYY-MM-DD' in Europe/Paris (an incident opened at 23:30 UTC on 31 March belongs to
 *   1 April in Paris), except the checks' days, copied from check_stats, which counts UTC days;
 * - counts are plain integers; percentages are 0–100 with one decimal, or null when there is
 *   nothing to divide by (never 0 % for « no data »);
 * - durations are minutes (integers);
 * - every « by … » list names every known value (zero included) when the vocabulary is closed
 *   (severities, statuses, verdicts), and only the values seen when it is open (categories,
 *   sources, rules, networks), sorted by count then by id;
 * - a section is null when the reader may not see it (see `analytics/policy.ts`) or when the
 *   establishments read have nothing of the kind (no listening, no publishing set up).
 */
import type { IncidentStatus, Severity } from '../db/schema.js';

export type DashboardScopeKind = 'establishment' | 'group';

export interface DashboardEstablishment {
  readonly id: string;
  readonly name: string;
}

export interface DashboardData {
  readonly scope: {
    readonly kind: DashboardScopeKind;
    /** The establishment's or the group's id. */
    readonly id: string;
    readonly name: string;
    /**
     * The establishments whose figures are counted: the establishment itself, or, for a group,
     * only those of its establishments where the reader has a dashboard role (never all of them
     * by default: a director of one hospital of a GHT sees the roll-up of what they may read).
     */
    readonly establishments: readonly DashboardEstablishment[];
    /** For a group: how many of its establishments the reader may not read, left out (0 when none). */
    readonly excludedEstablishments: number;
  };
  readonly range: {
    /** First day, included. */
    readonly from: string;
    /** Last day, included. */
    readonly to: string;
    readonly days: number;
    readonly timeZone: 'Europe/Paris';
  };
  /** When this was read (ISO, UTC): « overdue » is as of this moment. */
  readonly generatedAt: string;
  /** When the read models were last refreshed (ISO), or null before the first refresh. */
  readonly refreshedAt: string | null;
  /** The figures shown on top of the page and of the report. */
  readonly keyFigures: KeyFigures;
  readonly incidents: IncidentSection;
  /** Null for a reader who sees incidents only (legal). */
  readonly checks: ChecksSection | null;
  /** Null when no establishment read has listening set up (no watch term, no mention), or for legal. */
  readonly listening: ListeningSection | null;
  /** Null when no establishment read has publishing set up (no account, no publication), or for legal. */
  readonly publishing: PublishingSection | null;
  /** Charter acknowledgements and quiz results (training module); null for legal (incidents only). */
  readonly training: TrainingSection | null;
  /** One row per establishment counted (a single row for an establishment's own dashboard). */
  readonly establishments: readonly EstablishmentBreakdown[];
}

export interface KeyFigures {
  /** Incidents opened in the range. */
  readonly incidents: number;
  /** Of the incidents opened in the range whose first-action target is settled, % within it. */
  readonly withinTargetPercent: number | null;
  /** Incidents opened in the range, still open, with a deadline passed now. */
  readonly overdue: number;
  /** Null when the listening section is. */
  readonly mentions: number | null;
  readonly alerts: number | null;
  /** Posts published in the range; null when the publishing section is. */
  readonly posts: number | null;
}

export interface Count<K extends string = string> {
  readonly key: K;
  readonly count: number;
}

/** The response-time measures, against the targets of domain-rules §3.5 (incidents/deadlines.ts). */
export type ResponseMeasure = 'qualify' | 'first_action';

export interface ResponseTimeRow {
  readonly measure: ResponseMeasure;
  readonly severity: Severity;
  /** The §3.5 target in minutes, or null when the level has none (N0; N1 has no alert). */
  readonly targetMinutes: number | null;
  /** Incidents opened in the range at this level. */
  readonly incidents: number;
  /** Of those, how many reached the step (qualified, first action taken). */
  readonly reached: number;
  readonly medianMinutes: number | null;
  /** Reached within the target. */
  readonly withinTarget: number;
  /** Reached late, or not reached while the target has passed. */
  readonly missed: number;
  /** Not reached, target not yet passed. */
  readonly pending: number;
  /** withinTarget / (withinTarget + missed), or null. */
  readonly withinTargetPercent: number | null;
}

export interface IncidentSection {
  readonly opened: number;
  readonly bySeverity: readonly Count<Severity>[];
  readonly byCategory: readonly Count[];
  /** Current status of the incidents opened in the range. */
  readonly byStatus: readonly Count<IncidentStatus>[];
  readonly overdue: number;
  readonly responseTimes: readonly ResponseTimeRow[];
  /** Incidents opened per day, by severity; every day of the range, zeros included. */
  readonly daily: readonly IncidentDay[];
}

export interface IncidentDay {
  readonly day: string;
  readonly total: number;
  readonly N0: number;
  readonly N1: number;
  readonly N2: number;
  readonly N3: number;
  readonly N4: number;
}

export interface ChecksSection {
  /** Posts checked by the guard (counters only: no text is ever kept). */
  readonly checks: number;
  readonly byVerdict: readonly Count<'ok' | 'warn' | 'block'>[];
  readonly byContext: readonly Count[];
  /** The rules most often raised, at most 15. */
  readonly topRules: readonly Count[];
}

export interface ListeningSection {
  readonly mentions: number;
  readonly byCategory: readonly Count[];
  readonly bySource: readonly Count[];
  readonly alerts: number;
  readonly alertsByReason: readonly Count[];
  /** Every day of the range, zeros included. */
  readonly daily: readonly { readonly day: string; readonly mentions: number; readonly alerts: number }[];
}

export interface PublishingSection {
  /** Posts published in the range (one per network a draft went out on). */
  readonly posts: number;
  readonly byNetwork: readonly Count[];
  /** From a draft's submission to its final approval, for drafts approved in the range. */
  readonly approvals: {
    readonly approved: number;
    readonly medianLeadMinutes: number | null;
  };
  /** The latest figures read from the networks for the posts published in the range. */
  readonly engagement: {
    readonly likes: number;
    readonly shares: number;
    readonly comments: number;
    readonly impressions: number;
  };
}

/**
 * The training module's rates (charter, quiz), as they stand now rather than over the range: an
 * acknowledgement of March still counts in June. Percentages are null under three staff (or three
 * quiz takers for the average), as on the training page: never one person's answer.
 */
export interface TrainingSection {
  /** Active accounts with a role in the establishments read. */
  readonly staff: number;
  /** Of them, who acknowledged the charter version in force. */
  readonly charterAcknowledgedPercent: number | null;
  /** Of them, who finished the quiz at least once. */
  readonly quizTakenPercent: number | null;
  /** The average of their last scores, as a share of the questions. */
  readonly quizAverageScorePercent: number | null;
}

export interface EstablishmentBreakdown {
  readonly id: string;
  readonly name: string;
  readonly incidents: number;
  readonly overdue: number;
  readonly withinTargetPercent: number | null;
  /** Null when the establishment has no listening (or the reader may not see it). */
  readonly mentions: number | null;
  readonly alerts: number | null;
  readonly posts: number | null;
  readonly checks: number | null;
}
