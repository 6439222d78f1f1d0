import type { IncidentStatus, Role } from '../api/types';

/**
 * The desk's rules, mirrored from packages/server/src/incidents (workflow.ts, decisions.ts,
 * categories.ts, notice.ts) so the page only offers what the server will accept. The server
 * still decides: these only spare people a button that can but fail.
 */

/** categories.ts INCIDENT_CATEGORIES. */
export const INCIDENT_CATEGORIES = [
  'complaint',
  'question',
  'rumour',
  'health_disinformation',
  'secret_breach',
  'image_breach',
  'defamation',
  'insult',
  'harassment',
  'threat',
  'doxxing',
  'incitement',
  'impersonation',
  'hate',
  'other',
] as const;

/** decisions.ts DECISION_KINDS, in the playbook's order. */
export const DECISION_KINDS = [
  'ignore',
  'monitor',
  'answer_publicly',
  'move_to_private',
  'correct',
  'ask_author_removal',
  'platform_notice',
  'pharos',
  'complaint',
  'protection_fonctionnelle',
  'cnil_notification',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** workflow.ts TRANSITIONS. */
const TRANSITIONS: readonly { from: IncidentStatus; to: IncidentStatus; roles: readonly Role[] }[] = [
  { from: 'new', to: 'qualified', roles: ['communication', 'community_manager', 'legal'] },
  { from: 'qualified', to: 'decided', roles: ['communication'] },
  { from: 'decided', to: 'responded', roles: ['communication', 'community_manager'] },
  { from: 'decided', to: 'closed', roles: ['communication'] },
  { from: 'responded', to: 'closed', roles: ['communication'] },
  { from: 'closed', to: 'qualified', roles: ['communication'] },
];

/** The statuses this role may move an incident to from `from`. */
export function nextStatuses(from: IncidentStatus, role: Role): IncidentStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role)).map((t) => t.to);
}

/** workflow.ts QUALIFIABLE and DECIDABLE. */
export const isQualifiable = (status: IncidentStatus): boolean => status !== 'closed';
export const isDecidable = (status: IncidentStatus): boolean =>
  status === 'qualified' || status === 'decided' || status === 'responded';

/** decisions.ts LEGAL_DECISIONS: what the legal service records; communication records all. */
const LEGAL_DECISIONS: ReadonlySet<string> = new Set([
  'complaint',
  'pharos',
  'platform_notice',
  'protection_fonctionnelle',
  'cnil_notification',
]);

export function mayRecordDecision(role: Role, kind: DecisionKind): boolean {
  if (role === 'communication') return true;
  if (role === 'legal') return LEGAL_DECISIONS.has(kind);
  return false;
}

/** categories.ts PHAROS_CATEGORIES: threats, incitement, endangerment and hate only. */
export const PHAROS_CATEGORIES: ReadonlySet<string> = new Set(['threat', 'incitement', 'doxxing', 'hate']);

/** notice.ts LEGAL_BASES keys: lawful criticism cannot be notified to a platform. */
export const NOTICEABLE_CATEGORIES: ReadonlySet<string> = new Set([
  'secret_breach',
  'image_breach',
  'defamation',
  'insult',
  'harassment',
  'threat',
  'doxxing',
  'incitement',
  'impersonation',
  'hate',
]);

/** evidence/routes.ts EXPORT_ROLES. */
export const mayExportEvidence = (role: Role): boolean => role === 'communication' || role === 'legal';
