import { type AppContext, inUnit } from '../http/context.js';
import { Problem, unauthorized, unprocessable } from '../http/problem.js';
import {
  emailDigest,
  hashPassword,
  normalizeEmail,
  passwordPolicyViolation,
  verifyPassword,
} from './passwords.js';
import { findUserByEmail, findUserById, type MembershipView, membershipsOf } from './repository.js';
import { createSession, hashToken } from './sessions.js';
import {
  clearUnlessLocked,
  countAttempt,
  lockedUntil,
  lockKey,
  THROTTLE,
  throttleKey,
  uncountAttempt,
} from './throttle.js';

export interface SessionView {
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string };
  readonly memberships: MembershipView[];
  readonly csrfToken: string;
  /** After an administrator's reset: only the password change is open until then. */
  readonly mustChangePassword: boolean;
}

export interface NewSession {
  readonly view: SessionView;
  readonly token: string;
  readonly expiresAt: Date;
}

/** A login refused because of too many failures: 423 for an account, 429 for an address. */
export class LockedOut extends Problem {
  constructor(
    status: 423 | 429,
    readonly until: Date,
  ) {
    const when = formatParis(until);
    super(
      status,
      status === 423 ? 'compte_verrouille' : 'trop_de_tentatives',
      status === 423
        ? `Trop d’essais infructueux : ce compte est verrouillé jusqu’à ${when}. Réessayez ensuite.`
        : `Trop d’essais infructueux depuis cette adresse : réessayez après ${when}.`,
    );
  }
}

function formatParis(date: Date): string {
  return `${new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)} (heure de Paris)`;
}

const INVALID = () => new Problem(401, 'identifiants_invalides', 'Adresse e-mail ou mot de passe incorrect.');

/**
 * Signs in with an e-mail and a password. The same error for an unknown e-mail, a wrong
 * password, a disabled account or a demo account outside demo mode, so that nothing tells which
 * accounts exist; the same work too (a verification against a dummy hash).
 *
 * Throttling counts each attempt before verifying it (see throttle.ts countAttempt), so that no
 * number of parallel requests gets more than `emailLimit` passwords verified per e-mail, nor
 * more than `ipLimit` per address, within a window.
 */
export async function login(
  context: AppContext,
  input: {
    email: string;
    password: string;
    ip: string;
    /** The session presented with the request, if any: ended by the new one (no second session). */
    previousSessionId?: string | null;
  },
): Promise<NewSession> {
  const { db } = context.storage;
  const email = normalizeEmail(input.email);
  const emailKey = throttleKey('email', emailDigest(email));
  const ipKey = throttleKey('ip', input.ip);

  // The address first: a blocked address no longer touches (nor locks) any account's counter.
  const attempt = await inUnit(context, async (unit) => {
    const ip = await countAttempt(unit.trx, ipKey, THROTTLE.ipLimit, unit.now);
    if (ip.lockedUntil !== undefined) return { refused: new LockedOut(429, ip.lockedUntil), rank: 0 };
    const account = await countAttempt(unit.trx, emailKey, THROTTLE.emailLimit, unit.now);
    if (account.lockedUntil !== undefined) {
      // Refusing a locked account verifies nothing, so it does not count against the address:
      // colleagues behind the same hospital NAT are not blocked by one person's retries.
      await uncountAttempt(unit.trx, ipKey);
      return { refused: new LockedOut(423, account.lockedUntil), rank: 0 };
    }
    return { refused: undefined, rank: account.rank, ipRank: ip.rank };
  });
  if (attempt.refused !== undefined) throw attempt.refused;

  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(user?.password_hash, input.password);
  const allowed =
    user !== undefined && matches && user.disabled === 0 && (user.demo === 0 || context.config.demo);

  if (!allowed || user === undefined) {
    // Already counted above: a failure only locks the key whose limit this attempt reached.
    const lock = await inUnit(context, async (unit) => {
      const emailLocked =
        attempt.rank >= THROTTLE.emailLimit ? await lockKey(unit.trx, emailKey, unit.now) : undefined;
      if ((attempt.ipRank ?? 0) >= THROTTLE.ipLimit) await lockKey(unit.trx, ipKey, unit.now);
      await unit.audit({
        establishmentId: null,
        actorId: null,
        action: 'session.login_failed',
        targetType: 'session',
        targetId: null,
        detail: { emailSha256: emailDigest(email), ...(emailLocked ? { locked: true } : {}) },
      });
      return emailLocked;
    });
    // The failure that locks the account already says so; the next ones get 423 above.
    if (lock !== undefined) throw new LockedOut(423, lock);
    throw INVALID();
  }

  return inUnit(context, async (unit) => {
    // A concurrent attempt may have locked the address or the account while this password was
    // being verified: the lock stands, even for the right password (the transaction rolls back).
    const ipLock = await lockedUntil(unit.trx, ipKey, unit.now);
    if (ipLock !== undefined) throw new LockedOut(429, ipLock);
    // A success is not a failure: its pre-count is given back to the address, otherwise one
    // office behind one NAT would be blocked after `ipLimit` good logins at a change of shift.
    // (The address first, as when counting: the same row order in every transaction.)
    await uncountAttempt(unit.trx, ipKey);
    const emailLock = await clearUnlessLocked(unit.trx, emailKey, unit.now);
    if (emailLock !== undefined) throw new LockedOut(423, emailLock);
    if (input.previousSessionId != null) {
      await unit.trx.deleteFrom('sessions').where('id', '=', input.previousSessionId).execute();
    }
    const session = await createSession(unit.trx, user.id, unit.now, context.config.sessionHours);
    await unit.audit({
      establishmentId: null,
      actorId: user.id,
      action: 'session.login',
      targetType: 'session',
      targetId: hashToken(session.token),
      detail: { method: 'password' },
    });
    const memberships = await membershipsOf(unit.trx, user.id);
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      view: {
        user: { id: user.id, email: user.email, displayName: user.display_name },
        memberships,
        csrfToken: session.csrfToken,
        mustChangePassword: user.must_change_password === 1,
      },
    };
  });
}

export async function sessionView(
  context: AppContext,
  session: {
    csrfToken: string;
    user: { id: string; email: string; displayName: string; mustChangePassword: boolean };
  },
): Promise<SessionView> {
  const memberships = await membershipsOf(context.storage.db, session.user.id);
  return {
    user: { id: session.user.id, email: session.user.email, displayName: session.user.displayName },
    memberships,
    csrfToken: session.csrfToken,
    mustChangePassword: session.user.mustChangePassword,
  };
}

export async function logout(context: AppContext, sessionId: string, userId: string): Promise<void> {
  await inUnit(context, async (unit) => {
    await unit.trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await unit.audit({
      establishmentId: null,
      actorId: userId,
      action: 'session.logout',
      targetType: 'session',
      targetId: sessionId,
    });
  });
}

/**
 * Changes one's own password. The current one is required (a borrowed unlocked screen is not
 * enough), and a wrong one counts as a failed login for the account (throttle.ts): five wrong
 * guesses lock it, whether made at the sign-in page or here. The other sessions of the user are
 * closed, this one stays open. Failures and the change are audited, never a password.
 */
export async function changePassword(
  context: AppContext,
  input: { userId: string; sessionId: string; current: string; next: string },
): Promise<void> {
  const user = await findUserById(context.storage.db, input.userId);
  if (user === undefined) throw unauthorized();
  if (user.password_hash === null) {
    await verifyPassword(null, input.current);
    throw unprocessable(
      'compte_sso',
      'Ce compte se connecte par l’authentification unique de l’établissement : il n’a pas de mot de passe Blouse.',
    );
  }
  const key = throttleKey('email', emailDigest(user.email));
  const attempt = await inUnit(context, (unit) => countAttempt(unit.trx, key, THROTTLE.emailLimit, unit.now));
  if (attempt.lockedUntil !== undefined) throw new LockedOut(423, attempt.lockedUntil);
  if (!(await verifyPassword(user.password_hash, input.current))) {
    const locked = await inUnit(context, async (unit) => {
      const until = attempt.rank >= THROTTLE.emailLimit ? await lockKey(unit.trx, key, unit.now) : undefined;
      await unit.audit({
        establishmentId: null,
        actorId: user.id,
        action: 'user.password_change_failed',
        targetType: 'user',
        targetId: user.id,
        detail: until === undefined ? {} : { locked: true },
      });
      return until;
    });
    if (locked !== undefined) throw new LockedOut(423, locked);
    throw new Problem(403, 'mot_de_passe_actuel_incorrect', 'Le mot de passe actuel est incorrect.');
  }
  const violation = passwordPolicyViolation(input.next, user.email);
  if (violation !== null) throw unprocessable('mot_de_passe_trop_faible', violation);
  if (input.next === input.current) {
    throw unprocessable('mot_de_passe_inchange', 'Le nouveau mot de passe doit être différent de l’actuel.');
  }
  const passwordHash = await hashPassword(input.next);
  await inUnit(context, async (unit) => {
    // A wrong guess made meanwhile from elsewhere may have locked the account: the lock stands.
    const lock = await clearUnlessLocked(unit.trx, key, unit.now);
    if (lock !== undefined) throw new LockedOut(423, lock);
    await unit.trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 0 })
      .where('id', '=', user.id)
      .execute();
    const closed = await unit.trx
      .deleteFrom('sessions')
      .where('user_id', '=', user.id)
      .where('id', '!=', input.sessionId)
      .executeTakeFirst();
    await unit.audit({
      establishmentId: null,
      actorId: user.id,
      action: 'user.password_change',
      targetType: 'user',
      targetId: user.id,
      detail: { otherSessionsClosed: Number(closed.numDeletedRows) },
    });
  });
}
