import type { Role } from '../api/types';

/** Who runs the incident desk (packages/server/src/http/auth.ts DESK_ROLES). */
export const DESK_ROLES: readonly Role[] = ['communication', 'community_manager', 'legal'];

export const isDeskRole = (role: Role | null): boolean => role !== null && DESK_ROLES.includes(role);

/** Where each role lands after signing in: the desk reads incidents, everyone else checks posts. */
export function homeOf(role: Role | null): string {
  return isDeskRole(role) ? '/incidents' : '/verifier';
}
