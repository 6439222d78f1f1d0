import type { Role } from '../api/types';
import { isDeskRole } from '../session/roles';

/** Who reads listening (server: listening/policy.ts LISTENING_READ_ROLES): not agents. */
export const canReadListening = (role: Role | null): boolean =>
  role === 'admin' || role === 'communication' || role === 'community_manager' || role === 'legal';

/** Who changes watch terms, sources and alert routes (LISTENING_CONFIGURE_ROLES). */
export const canConfigureListening = (role: Role | null): boolean =>
  role === 'admin' || role === 'communication';

/** Opening an incident is the desk's work (server: incidents/policy.ts): not the administrator's. */
export const canOpenIncident = (role: Role | null): boolean => isDeskRole(role);
