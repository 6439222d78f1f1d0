import type { Role } from '../db/schema.js';
import { ANY_ROLE } from '../http/auth.js';

/**
 * Who may do what in « Formation ». Everyone who works in the establishment reads the charter,
 * acknowledges it, takes the quiz and sets their own service and reminders. The charter is the
 * communication department's text, published with the administration; they also read the
 * acknowledgement rates per service (never a person's own answers: rates, not surveillance).
 */
export const TRAINING_ROLES: readonly Role[] = ANY_ROLE;
/** Publishing a new version of the charter, reading the rates per service. */
export const TRAINING_MANAGE_ROLES: readonly Role[] = ['admin', 'communication'];
/** Setting another member's service (the administration keeps the accounts). */
export const TRAINING_ASSIGN_ROLES: readonly Role[] = ['admin'];
