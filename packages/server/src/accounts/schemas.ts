import { z } from 'zod';
import type { Role } from '../db/schema.js';
import { component } from '../http/openapi.js';
import {
  isSafeLine,
  isSafeText,
  safeId,
  safeLine,
  UNSAFE_LINE_MESSAGE,
  UNSAFE_TEXT_MESSAGE,
} from '../http/safe-text.js';
import { MAX_PASSWORD_LENGTH } from './passwords.js';

/** Zod schemas shared by the accounts routes: every string bounded, every enum closed. */
export const roleSchema = z.enum([
  'admin',
  'direction',
  'communication',
  'community_manager',
  'legal',
  'agent',
] satisfies Role[]);
export const roleOutSchema = roleSchema;
/*
 * Every field refuses NUL, lone surrogates, controls and invisible direction changes (see
 * http/safe-text.ts), before any query: a French 400 on both databases, never PostgreSQL's 500.
 */
export const emailSchema = z.email().max(254).refine(isSafeLine, { message: UNSAFE_LINE_MESSAGE });
// A password is never stored nor shown: anything printable goes, except what no text column or
// hash input should receive (NUL, a lone surrogate).
export const passwordSchema = z
  .string()
  .min(1)
  .max(MAX_PASSWORD_LENGTH)
  .refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });
export const idSchema = safeId;
export const displayNameSchema = safeLine(1, 120);

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
  /** After an administrator's password reset: only POST /api/session/password is open until then. */
  mustChangePassword: z.boolean(),
});

/** The one shape of every error: declared on routes for their documented refusals. */
export { problemSchema } from '../http/openapi.js';

// Named components of the OpenAPI document, from which the web app's types are generated.
component(roleSchema, 'Role');
component(membershipSchema, 'Membership');
component(sessionSchema, 'Session');
