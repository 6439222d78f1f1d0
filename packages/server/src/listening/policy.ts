import type { Role } from '../db/schema.js';
import { DESK_ROLES } from '../http/auth.js';

/**
 * Who may do what in listening (ISSUE10-API.md). Reading what is said about the hospital is the
 * communication team's and the legal service's work; agents see none of it (a mention may name a
 * colleague or a patient). Configuring what is listened to is the administration's and the
 * communication department's.
 */
export const LISTENING_READ_ROLES: readonly Role[] = ['admin', 'communication', 'community_manager', 'legal'];
export const LISTENING_CONFIGURE_ROLES: readonly Role[] = ['admin', 'communication'];
/** Importing another tool's export: the people who work listening, not the legal service (read only). */
export const LISTENING_IMPORT_ROLES: readonly Role[] = ['admin', 'communication', 'community_manager'];
/** Opening an incident from a mention or an alert: those who work the incident desk. */
export const LISTENING_INCIDENT_ROLES: readonly Role[] = DESK_ROLES;

/** What a reader may do in listening, so that the web app shows only that. */
export interface ListeningActions {
  readonly configure: boolean;
  readonly openIncident: boolean;
}

export function listeningActions(role: Role): ListeningActions {
  return {
    configure: LISTENING_CONFIGURE_ROLES.includes(role),
    openIncident: LISTENING_INCIDENT_ROLES.includes(role),
  };
}
