import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.js';

export const SESSION_COOKIE = 'blouse_session';
/** A session unused for this long is over, whatever its expiry: a desk left open in a corridor. */
export const IDLE_LIMIT_MS = 2 * 3_600_000;
// last_seen_at is refreshed at most this often: a durable write per request would cost more than
// the precision is worth.
const SEEN_REFRESH_MS = 5 * 60_000;
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly demo: boolean;
  /** After an administrator's password reset, until the person chooses a password. */
  readonly mustChangePassword: boolean;
  /** Role per establishment id. */
  readonly roles: ReadonlyMap<string, Role>;
}

export interface ResolvedSession {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly user: SessionUser;
}

/** The token goes in the cookie; only its hash is stored, so a copy of the database opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  hours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The session behind a cookie token, if it exists, has not expired and its user is enabled. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  demoMode: boolean,
): Promise<ResolvedSession | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.expires_at as expiresAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.email',
      'users.display_name as displayName',
      'users.demo',
      'users.disabled',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', hashToken(token))
    .executeTakeFirst();
  if (row === undefined || row.expiresAt <= now.toISOString() || row.disabled === 1) return undefined;
  const idleMs = now.getTime() - Date.parse(row.lastSeenAt);
  if (idleMs > IDLE_LIMIT_MS) return undefined;
  if (idleMs > SEEN_REFRESH_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.sessionId)
      .execute();
  }
  // A demo account is a published password: it opens nothing outside demo mode.
  if (row.demo === 1 && !demoMode) return undefined;
  const memberships = await db
    .selectFrom('memberships')
    .select(['establishment_id', 'role'])
    .where('user_id', '=', row.userId)
    .execute();
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: {
      id: row.userId,
      email: row.email,
      displayName: row.displayName,
      demo: row.demo === 1,
      mustChangePassword: row.must_change_password === 1,
      roles: new Map(memberships.map((m) => [m.establishment_id, m.role])),
    },
  };
}

export async function destroySession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
