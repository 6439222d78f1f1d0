import { RECEIVED_WORDS, STATUS_WORDS } from '@blouse/contract';
import type { IncidentStatus } from '../db/schema.js';
import type { ReportFollowUpRow } from './report-repository.js';

/** What a reporter is told of the desk's progress: the same words as the desk (@blouse/contract). */
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: STATUS_WORDS.new.label.fr,
  qualified: STATUS_WORDS.qualified.label.fr,
  decided: STATUS_WORDS.decided.label.fr,
  responded: STATUS_WORDS.responded.label.fr,
  closed: STATUS_WORDS.closed.label.fr,
};

export interface PublicOutcome {
  readonly reportId: string;
  readonly url: string;
  readonly network: string;
  readonly createdAt: string;
  readonly incidentReference: string | null;
  readonly status: IncidentStatus | null;
  readonly statusLabel: string;
  /** The kinds of the desk's decisions (« ignore », « monitor »…), never their reasons or comments. */
  readonly decisions: string[];
}

const KIND = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Only the kind of each decision leaves the desk: the incident's `decisions` column also holds
 * internal comments, names and evidence references, which a reporter must not see. Whatever its
 * exact shape, an entry contributes at most a short lower-case identifier.
 */
export function decisionKinds(decisionsJson: string | null): string[] {
  if (decisionsJson === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(decisionsJson);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const kinds: string[] = [];
  for (const entry of parsed) {
    const kind = typeof entry === 'string' ? entry : (entry as { kind?: unknown } | null)?.kind;
    if (typeof kind === 'string' && KIND.test(kind)) kinds.push(kind);
  }
  return kinds;
}

export function publicOutcome(row: ReportFollowUpRow): PublicOutcome {
  return {
    reportId: row.id,
    url: row.url,
    network: row.network,
    createdAt: row.created_at,
    incidentReference: row.reference,
    status: row.status,
    statusLabel: row.status === null ? RECEIVED_WORDS.label.fr : STATUS_LABELS[row.status],
    decisions: decisionKinds(row.decisions),
  };
}
