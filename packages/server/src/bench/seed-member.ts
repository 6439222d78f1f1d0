import { randomUUID } from 'node:crypto';
import { createSession, SESSION_COOKIE } from '../accounts/sessions.js';
import type { Storage } from '../db/database.js';
import type { Role } from '../db/schema.js';

export interface SeededMember {
  readonly establishmentId: string;
  readonly userId: string;
  /** The session cookie and CSRF token, for requests made from outside the server process. */
  readonly headers: Record<string, string>;
}

/**
 * An establishment with one member already signed in, written straight into a migrated database:
 * for load and crash tests that drive a real server process and do not exercise sign-in.
 */
export async function seedSignedInMember(
  storage: Storage,
  member: { readonly establishmentName: string; readonly email: string; readonly role: Role },
): Promise<SeededMember> {
  const establishmentId = randomUUID();
  const userId = randomUUID();
  const now = new Date();
  await storage.db
    .insertInto('establishments')
    .values({
      id: establishmentId,
      group_id: null,
      name: member.establishmentName,
      guard_lists: '{}',
      created_at: now.toISOString(),
    })
    .execute();
  await storage.db
    .insertInto('users')
    .values({
      id: userId,
      email: member.email,
      display_name: member.establishmentName,
      password_hash: null,
      oidc_issuer: null,
      oidc_subject: null,
      demo: 0,
      disabled: 0,
      created_at: now.toISOString(),
    })
    .execute();
  await storage.db
    .insertInto('memberships')
    .values({
      user_id: userId,
      establishment_id: establishmentId,
      role: member.role,
      created_at: now.toISOString(),
    })
    .execute();
  const session = await createSession(storage.db, userId, now, 2);
  return {
    establishmentId,
    userId,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken },
  };
}
