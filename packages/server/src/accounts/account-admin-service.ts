import { randomInt } from 'node:crypto';
import { type AppContext, inUnit, type Unit } from '../http/context.js';
import { conflict, notFound } from '../http/problem.js';
import { emailDigest, hashPassword } from './passwords.js';
import { countMemberships, findUserById, type MemberView, memberOf } from './repository.js';
import { throttleKey } from './throttle.js';

/*
 * What an establishment's administrator may do to an account beyond its role: deactivate it,
 * reactivate it, give it a temporary password. The account is global (one e-mail, one password,
 * possibly several establishments), so these are allowed only on an account this establishment
 * alone holds: otherwise one establishment's admin could lock out, or take over, another's staff.
 * There, removing the person from this establishment is the tool.
 */

const SELF = () => conflict('action_sur_soi', 'Vous ne pouvez pas faire cela sur votre propre compte.');
const SHARED = () =>
  conflict(
    'compte_partage',
    'Ce compte appartient aussi à un autre établissement : retirez la personne de celui-ci plutôt.',
  );

/** The member, checked: in this establishment, not the actor, and in no other establishment. */
async function ownAccount(unit: Unit, establishmentId: string, actorId: string, userId: string) {
  const member = await memberOf(unit.trx, establishmentId, userId);
  if (member === undefined) throw notFound();
  if (userId === actorId) throw SELF();
  if ((await countMemberships(unit.trx, userId)) > 1) throw SHARED();
  return member;
}

/**
 * Deactivates (or reactivates) an account. A deactivated person cannot sign in by any means
 * (password or single sign-on) and their sessions end at once; they stay in every list and
 * history where they acted.
 */
export async function setAccountDisabled(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  userId: string,
  disabled: boolean,
): Promise<MemberView> {
  return inUnit(context, async (unit) => {
    const member = await ownAccount(unit, establishmentId, actorId, userId);
    await unit.trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
    let sessionsClosed = 0;
    if (disabled) {
      const closed = await unit.trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      sessionsClosed = Number(closed.numDeletedRows);
    }
    await unit.audit({
      establishmentId,
      actorId,
      action: disabled ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: userId,
      detail: disabled ? { sessionsClosed } : {},
    });
    return { ...member, disabled };
  });
}

// No 0/O, 1/l/I: read aloud over the phone or copied from a screen.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of five: about 114 bits, far above the policy, and easy to copy. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * Gives the account a temporary password, shown once to the administrator (no e-mail needed:
 * they hand it over). It opens only the password change (http/auth.ts); the person's sessions
 * end and a lock from failed sign-ins is lifted. Audited, never the password.
 */
export async function resetPassword(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  userId: string,
): Promise<{ temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await inUnit(context, async (unit) => {
    const member = await ownAccount(unit, establishmentId, actorId, userId);
    if (member.sso) {
      throw conflict(
        'compte_sso',
        'Ce compte se connecte par l’authentification unique de l’établissement : son mot de passe se change dans l’annuaire.',
      );
    }
    const user = await findUserById(unit.trx, userId);
    if (user === undefined) throw notFound();
    await unit.trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 1 })
      .where('id', '=', userId)
      .execute();
    const closed = await unit.trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    await unit.trx
      .deleteFrom('login_throttle')
      .where('key', '=', throttleKey('email', emailDigest(user.email)))
      .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'user.password_reset',
      targetType: 'user',
      targetId: userId,
      detail: { sessionsClosed: Number(closed.numDeletedRows) },
    });
  });
  return { temporaryPassword: password };
}
