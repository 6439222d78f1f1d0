/**
 * The desk's vocabularies, in the server's order (packages/server/src/incidents categories.ts and
 * decisions.ts), for filters and forms. Who may do what is not here: the server sends each
 * incident's permittedActions (incidents/policy.ts) and the panels offer exactly those.
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
