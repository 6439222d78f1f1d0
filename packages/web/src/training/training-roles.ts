import type { Role } from '../api/types';

/** Who publishes the charter and reads the rates (server: training/policy.ts TRAINING_MANAGE_ROLES). */
export const canManageTraining = (role: Role | null): boolean => role === 'admin' || role === 'communication';
