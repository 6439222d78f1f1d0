import type { Role } from '../db/schema.js';

/**
 * Who reads the dashboards (issue 14).
 * - admin, direction, communication: the whole dashboard of their establishment, and the roll-up
 *   of a group over the establishments where they hold one of these roles.
 * - legal: the incidents only (severity, category, status, response times, overdue), which the
 *   legal service follows for the legal clocks; not the checks, the listening or the posts,
 *   which are the communication department's work and say nothing about legal exposure. Legal
 *   does not count in a group's roll-up: a group dashboard is a management view.
 * - community_manager, agent: no dashboard (403). Someone without a role in the establishment
 *   gets 404, as everywhere (http/auth.ts).
 */
export const DASHBOARD_ROLES: readonly Role[] = ['admin', 'direction', 'communication'];
export const INCIDENTS_ONLY_ROLES: readonly Role[] = ['legal'];
export const ESTABLISHMENT_DASHBOARD_ROLES: readonly Role[] = [...DASHBOARD_ROLES, ...INCIDENTS_ONLY_ROLES];
export const GROUP_DASHBOARD_ROLES: readonly Role[] = DASHBOARD_ROLES;

/** What a reader sees: everything, or the incidents only. */
export type DashboardView = 'full' | 'incidents';

export const viewOf = (role: Role): DashboardView => (DASHBOARD_ROLES.includes(role) ? 'full' : 'incidents');
