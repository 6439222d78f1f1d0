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
  /** Empty when the report was filed without a link. */
  readonly url: string;
  readonly network: string;
  readonly createdAt: string;
  readonly incidentReference: string | null;
  readonly status: IncidentStatus | null;
  readonly statusLabel: string;
  /** One plain sentence for the reporter; never a decision's kind, note, owner or comment. */
  readonly outcome: string;
}

/**
 * The only actions a reporter is told of: the ones anyone can see from outside (the platform's
 * notice, a public answer, a correction). Legal action, protection fonctionnelle, a PHAROS
 * report or a CNIL notification are the desk's and the legal service's business, and can name
 * or expose a colleague: they are never disclosed, not even as a word.
 */
const VISIBLE_ACTIONS: Readonly<Record<string, string>> = {
  platform_notice: 'le message a été signalé à la plateforme',
  answer_publicly: 'l’établissement a répondu publiquement',
  correct: 'l’établissement a publié une correction',
};

const IN_PROGRESS = 'Le service communication s’en occupe.';

/** The incident's decision kinds, read defensively: the column also holds notes and names. */
function decisionKinds(decisionsJson: string | null): string[] {
  if (decisionsJson === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(decisionsJson);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .map((entry) => (typeof entry === 'string' ? entry : (entry as { kind?: unknown } | null)?.kind))
    .filter((kind): kind is string => typeof kind === 'string');
}

/** The plain sentence a reporter reads about what became of the report. */
export function plainOutcome(status: IncidentStatus | null, decisionsJson: string | null): string {
  if (status === null || status === 'new') {
    return 'Votre signalement a bien été reçu : le service communication va l’examiner.';
  }
  if (status === 'qualified') return IN_PROGRESS;
  const visible = [...new Set(decisionKinds(decisionsJson))]
    .map((kind) => VISIBLE_ACTIONS[kind])
    .filter((text): text is string => text !== undefined);
  const done = status === 'closed' ? 'Votre signalement a été traité' : 'Une suite a été donnée';
  if (visible.length === 0) return status === 'closed' ? `${done}. Merci.` : `${done}. ${IN_PROGRESS}`;
  return `${done} : ${visible.join(' ; ')}.`;
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
    outcome: plainOutcome(row.status, row.decisions),
  };
}
