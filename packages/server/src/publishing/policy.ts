import type { Role } from '../db/schema.js';

/**
 * Who may do what on the publishing desk. The establishment's institutional voice is the
 * communication team's: the community manager drafts, the director approves, the legal service
 * reads and decides its steps. Agents publish nothing for the establishment and see none of it
 * (a draft may tell a patient's story before the guard and the approvers have read it).
 */
export const PUBLISHING_READ_ROLES: readonly Role[] = [
  'admin',
  'communication',
  'community_manager',
  'legal',
];
/** Writing, editing and submitting drafts. */
export const PUBLISHING_WRITE_ROLES: readonly Role[] = ['admin', 'communication', 'community_manager'];
/** Changing the approval workflow. */
export const PUBLISHING_CONFIGURE_ROLES: readonly Role[] = ['admin', 'communication'];
