import type { Role } from '../api/types';

/** Who runs the incident desk (packages/server/src/http/auth.ts DESK_ROLES). */
export const DESK_ROLES: readonly Role[] = ['communication', 'community_manager', 'legal'];

export const isDeskRole = (role: Role | null): boolean => role !== null && DESK_ROLES.includes(role);

/** Where each role lands after signing in: the desk reads incidents, admins manage accounts, the direction reads the dashboard, staff check posts. */
export function homeOf(role: Role | null): string {
  if (role === 'admin') return '/admin/utilisateurs';
  if (role === 'direction') return '/tableau-de-bord';
  return isDeskRole(role) ? '/incidents' : '/verifier';
}
