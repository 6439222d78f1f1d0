import { z } from 'zod';
import type { Role } from '../db/schema.js';
import { component } from '../http/openapi.js';
import { MAX_PASSWORD_LENGTH } from './passwords.js';

/** Zod schemas shared by the accounts routes: every string bounded, every enum closed. */
export const roleSchema = z.enum([
  'admin',
  'communication',
  'community_manager',
  'legal',
  'agent',
] satisfies Role[]);
export const roleOutSchema = roleSchema;
export const emailSchema = z.email().max(254);
export const passwordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);
export const idSchema = z.string().min(1).max(100);
export const displayNameSchema = z.string().trim().min(1).max(120);

export const establishmentParams = z.object({ establishmentId: idSchema });

export const membershipSchema = z.object({
  establishmentId: z.string(),
  establishmentName: z.string(),
  role: roleOutSchema,
});

export const sessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  memberships: z.array(membershipSchema),
  csrfToken: z.string(),
});

/** The one shape of every error: declared on routes for their documented refusals. */
export { problemSchema } from '../http/openapi.js';

// Named components of the OpenAPI document, from which the web app's types are generated.
component(roleSchema, 'Role');
component(membershipSchema, 'Membership');
component(sessionSchema, 'Session');
