import { randomUUID } from 'node:crypto';
import { lockChain } from '../db/database.js';
import type { Role } from '../db/schema.js';
import { type AppContext, inUnit, type Unit } from '../http/context.js';
import { conflict, notFound, unprocessable } from '../http/problem.js';
import { hashPassword, normalizeEmail, passwordPolicyViolation } from './passwords.js';
import {
  countAdmins,
  countMemberships,
  findUserByEmail,
  insertMembership,
  insertUser,
  type MemberSearch,
  type MemberView,
  memberOf,
  membership,
  membersOf,
} from './repository.js';

export function listMembers(
  context: AppContext,
  establishmentId: string,
  search: MemberSearch,
): Promise<{ items: MemberView[]; total: number }> {
  return membersOf(context.storage.db, establishmentId, search);
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Absent: the account signs in only through the establishment's single sign-on. */
  readonly password?: string | undefined;
}

/**
 * Creates an account with a role in one establishment. An e-mail already used by any account is
 * a conflict: an admin cannot attach (or learn about) someone of another establishment.
 */
export async function createMember(
  context: AppContext,
  actorId: string | null,
  establishmentId: string,
  input: NewUser,
): Promise<MemberView> {
  const email = normalizeEmail(input.email);
  const passwordHash = await newPasswordHash(input.password, email);
  return inUnit(context, async (unit) => {
    if ((await findUserByEmail(unit.trx, email)) !== undefined) {
      throw conflict('email_deja_utilise', 'Un compte existe déjà avec cette adresse e-mail.');
    }
    const id = randomUUID();
    await insertUser(unit.trx, { id, email, displayName: input.displayName, passwordHash }, unit.now);
    await insertMembership(unit.trx, id, establishmentId, input.role, unit.now);
    await unit.audit({
      establishmentId,
      actorId,
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      detail: { role: input.role, password: passwordHash !== null },
    });
    return {
      id,
      email,
      displayName: input.displayName,
      role: input.role,
      hasPassword: passwordHash !== null,
      sso: false,
      disabled: false,
    };
  });
}

/** The argon2id hash of a new password that meets the policy, or null for none. */
export async function newPasswordHash(password: string | undefined, email: string): Promise<string | null> {
  if (password === undefined) return null;
  const violation = passwordPolicyViolation(password, email);
  if (violation !== null) throw unprocessable('mot_de_passe_trop_faible', violation);
  return hashPassword(password);
}

/**
 * Serialises the changes to one establishment's admins, so that two admins demoting each other
 * at the same moment cannot both succeed and leave no admin (PostgreSQL advisory lock; SQLite
 * has a single writer already).
 */
async function lockAdmins(unit: Unit, context: AppContext, establishmentId: string): Promise<void> {
  await lockChain(unit.trx, context.storage.dialect, `admins:${establishmentId}`);
}

const LAST_ADMIN = () =>
  conflict(
    'dernier_administrateur',
    'C’est le dernier administrateur de l’établissement : nommez-en un autre avant.',
  );

export async function changeRole(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  userId: string,
  role: Role,
): Promise<MemberView> {
  return inUnit(context, async (unit) => {
    await lockAdmins(unit, context, establishmentId);
    const current = await membership(unit.trx, userId, establishmentId);
    if (current === undefined) throw notFound();
    if (current.role === 'admin' && role !== 'admin' && (await countAdmins(unit.trx, establishmentId)) <= 1) {
      throw LAST_ADMIN();
    }
    await unit.trx
      .updateTable('memberships')
      .set({ role })
      .where('user_id', '=', userId)
      .where('establishment_id', '=', establishmentId)
      .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'user.role_change',
      targetType: 'user',
      targetId: userId,
      detail: { from: current.role, to: role },
    });
    const member = await memberOf(unit.trx, establishmentId, userId);
    if (member === undefined) throw notFound();
    return member;
  });
}

/**
 * Removes someone from an establishment. Their account stays (they may belong elsewhere); with no
 * establishment left, their sessions are closed at once.
 */
export async function removeMember(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  userId: string,
): Promise<void> {
  await inUnit(context, async (unit) => {
    await lockAdmins(unit, context, establishmentId);
    const current = await membership(unit.trx, userId, establishmentId);
    if (current === undefined) throw notFound();
    if (current.role === 'admin' && (await countAdmins(unit.trx, establishmentId)) <= 1) throw LAST_ADMIN();
    await unit.trx
      .deleteFrom('memberships')
      .where('user_id', '=', userId)
      .where('establishment_id', '=', establishmentId)
      .execute();
    const remaining = await countMemberships(unit.trx, userId);
    if (remaining === 0) await unit.trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'user.remove',
      targetType: 'user',
      targetId: userId,
      detail: { role: current.role, sessionsClosed: remaining === 0 },
    });
  });
}
