import type { IncidentStatus } from '../db/schema.js';
import type { ReportFollowUpRow } from './report-repository.js';

/** What a reporter is told of the desk's progress, in plain French. */
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'Reçu, en attente d’examen',
  qualified: 'En cours d’analyse par le service communication',
  decided: 'Une décision a été prise',
  responded: 'Une suite a été donnée',
  closed: 'Traitement terminé',
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
    statusLabel: row.status === null ? 'Reçu' : STATUS_LABELS[row.status],
    decisions: decisionKinds(row.decisions),
  };
}
