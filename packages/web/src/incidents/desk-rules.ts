/**
 * The desk's vocabularies, in the server's order, for filters and forms: generated from the
 * server's schemas (api/types.ts). Who may do what is not here: the server sends each
 * incident's permittedActions (incidents/policy.ts) and the panels offer exactly those.
 */
export { DECISION_KINDS, type DecisionKind, INCIDENT_CATEGORIES } from '../api/types';
