import { STATUS_WORDS } from '@blouse/contract';
import type { IncidentStatus, Role } from '../db/schema.js';

/**
 * The desk's workflow (domain-rules §3.3 steps 3–8): new → qualified → decided → responded →
 * closed, with two shortcuts the playbook needs: an incident decided « ignorer » is closed
 * without a response, and a closed one can be reopened (back to qualified) by the director.
 */
export const INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'new',
  'qualified',
  'decided',
  'responded',
  'closed',
];

interface Transition {
  readonly from: IncidentStatus;
  readonly to: IncidentStatus;
  readonly roles: readonly Role[];
}

const TRANSITIONS: readonly Transition[] = [
  { from: 'new', to: 'qualified', roles: ['communication', 'community_manager', 'legal'] },
  { from: 'qualified', to: 'decided', roles: ['communication'] },
  { from: 'decided', to: 'responded', roles: ['communication', 'community_manager'] },
  { from: 'decided', to: 'closed', roles: ['communication'] },
  { from: 'responded', to: 'closed', roles: ['communication'] },
  { from: 'closed', to: 'qualified', roles: ['communication'] },
];

/** The shared status names (@blouse/contract), in lower case for use inside a sentence. */
export const STATUS_LABELS: Readonly<Record<IncidentStatus, string>> = Object.fromEntries(
  INCIDENT_STATUSES.map((status) => [status, STATUS_WORDS[status].label.fr.toLowerCase()]),
) as Record<IncidentStatus, string>;

export type TransitionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'impossible' | 'role'; readonly detail: string };

/** Whether `role` may move an incident from `from` to `to`, and in French why not. */
export function checkTransition(from: IncidentStatus, to: IncidentStatus, role: Role): TransitionCheck {
  const transition = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (transition === undefined) {
    return {
      ok: false,
      reason: 'impossible',
      detail: `Un incident ${STATUS_LABELS[from]} ne peut pas passer à l’état « ${STATUS_LABELS[to]} ».`,
    };
  }
  if (!transition.roles.includes(role)) {
    return {
      ok: false,
      reason: 'role',
      detail: `Votre rôle ne permet pas de faire passer un incident de « ${STATUS_LABELS[from]} » à « ${STATUS_LABELS[to]} ».`,
    };
  }
  return { ok: true };
}

/** The statuses in which the qualification (severity, category) may still be changed. */
export const QUALIFIABLE: ReadonlySet<IncidentStatus> = new Set(['new', 'qualified', 'decided', 'responded']);
/** Decisions are taken once the incident is qualified, and until it is closed. */
export const DECIDABLE: ReadonlySet<IncidentStatus> = new Set(['qualified', 'decided', 'responded']);
