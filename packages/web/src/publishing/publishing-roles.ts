import type { Role } from '../api/types';

/** Who reads the desk (server: publishing/policy.ts PUBLISHING_READ_ROLES): not agents. */
export const canUsePublishing = (role: Role | null): boolean =>
  role === 'admin' || role === 'communication' || role === 'community_manager' || role === 'legal';

/** Who writes drafts (PUBLISHING_WRITE_ROLES); what a reader may do with one draft comes from the server. */
export const canWriteDrafts = (role: Role | null): boolean =>
  role === 'admin' || role === 'communication' || role === 'community_manager';

/** Who connects accounts and pauses everything (PUBLISHING_CONFIGURE_ROLES). */
export const canConfigurePublishing = (role: Role | null): boolean =>
  role === 'admin' || role === 'communication';
