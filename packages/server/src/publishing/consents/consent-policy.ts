import type { Role } from '../../db/schema.js';

/**
 * Who keeps the consent register. The communication team collects consents; the legal service
 * receives withdrawals (a letter, a lawyer's request) and must be able to record them at once.
 * Everyone on the desk reads it; agents never see it (it names patients).
 */
export const CONSENT_WRITE_ROLES: readonly Role[] = ['admin', 'communication', 'community_manager', 'legal'];
