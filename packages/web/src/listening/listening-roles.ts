import type { Role } from '../api/types';
import { isDeskRole } from '../session/roles';

/** Who reads listening (server: listening/policy.ts LISTENING_READ_ROLES): not agents. */
export const canReadListening = (role: Role | null): boolean =>
  role === 'admin' || role === 'communication' || role === 'community_manager' || role === 'legal';

/** Who changes watch terms, sources and alert routes (LISTENING_CONFIGURE_ROLES). */
export const canConfigureListening = (role: Role | null): boolean =>
  role === 'admin' || role === 'communication';

/**
 * Who imports another tool's export (LISTENING_IMPORT_ROLES): those who configure, and the
 * community manager, who often holds that tool's account; not the legal service, which reads.
 */
export const canImportMentions = (role: Role | null): boolean =>
  canConfigureListening(role) || role === 'community_manager';

/** Who sees « Réglages »: what may be changed there, or at least an export to import. */
export const canOpenListeningSettings = (role: Role | null): boolean =>
  canConfigureListening(role) || canImportMentions(role);

/** Opening an incident is the desk's work (server: incidents/policy.ts): not the administrator's. */
export const canOpenIncident = (role: Role | null): boolean => isDeskRole(role);
