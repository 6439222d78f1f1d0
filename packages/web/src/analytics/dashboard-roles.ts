import type { Role } from '../api/types';

/**
 * Who opens « Tableau de bord » (server: analytics/policy.ts): administration, direction and
 * communication read everything; the legal service reads the incidents only. Others get no link
 * (the server would answer 403).
 */
export const canReadDashboard = (role: Role | null): boolean =>
  role === 'admin' || role === 'direction' || role === 'communication' || role === 'legal';
