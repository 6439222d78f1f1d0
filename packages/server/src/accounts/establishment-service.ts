import { randomUUID } from 'node:crypto';
import type { Role } from '../db/schema.js';
import { type AppContext, inUnit } from '../http/context.js';
import { notFound } from '../http/problem.js';
import { dedupeLists, type GuardLists, parseGuardLists } from './guard-lists.js';
import { findEstablishment } from './repository.js';

export interface EstablishmentView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly groupId: string | null;
}

/** The establishments where the user has a role. */
export async function establishmentsOf(context: AppContext, userId: string): Promise<EstablishmentView[]> {
  const rows = await context.storage.db
    .selectFrom('memberships')
    .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
    .select(['establishments.id', 'establishments.name', 'establishments.group_id', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('establishments.name')
    .orderBy('establishments.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, groupId: r.group_id }));
}

export async function readGuardLists(context: AppContext, establishmentId: string): Promise<GuardLists> {
  const row = await findEstablishment(context.storage.db, establishmentId);
  if (row === undefined) throw notFound();
  return parseGuardLists(row.guard_lists);
}

export async function writeGuardLists(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  lists: GuardLists,
): Promise<GuardLists> {
  const clean = dedupeLists(lists);
  return inUnit(context, async (unit) => {
    const updated = await unit.trx
      .updateTable('establishments')
      .set({ guard_lists: JSON.stringify(clean) })
      .where('id', '=', establishmentId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'establishment.guard_lists_update',
      targetType: 'establishment',
      targetId: establishmentId,
      // Counts only: the lists hold names of people.
      detail: {
        names: clean.names.length,
        services: clean.services.length,
        consentingStaff: clean.consentingStaff.length,
        publicFigures: clean.publicFigures.length,
      },
    });
    return clean;
  });
}

/** A new group of establishments; any admin may create one (it links nothing by itself). */
export async function createGroup(
  context: AppContext,
  actorId: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  await inUnit(context, async (unit) => {
    await unit.trx
      .insertInto('establishment_groups')
      .values({ id, name, created_at: unit.now.toISOString() })
      .execute();
    await unit.audit({
      establishmentId: null,
      actorId,
      action: 'group.create',
      targetType: 'group',
      targetId: id,
      detail: { name },
    });
  });
  return { id, name };
}

/**
 * Puts an establishment in a group (or out of it, with null). The group must be one the actor
 * can vouch for: empty, or holding an establishment where the actor is admin; otherwise it is
 * « not found », so that group ids of others can be neither used nor probed. A group is a label:
 * it gives no one access to another establishment's data.
 */
export async function setGroup(
  context: AppContext,
  actorId: string,
  adminOf: readonly string[],
  establishmentId: string,
  groupId: string | null,
): Promise<{ establishmentId: string; groupId: string | null }> {
  return inUnit(context, async (unit) => {
    if (groupId !== null) {
      const group = await unit.trx
        .selectFrom('establishment_groups')
        .select('id')
        .where('id', '=', groupId)
        .executeTakeFirst();
      if (group === undefined) throw notFound('Ce groupe n’existe pas ou ne vous est pas accessible.');
      const members = await unit.trx
        .selectFrom('establishments')
        .select('id')
        .where('group_id', '=', groupId)
        .execute();
      if (members.length > 0 && !members.some((m) => adminOf.includes(m.id))) {
        throw notFound('Ce groupe n’existe pas ou ne vous est pas accessible.');
      }
    }
    await unit.trx
      .updateTable('establishments')
      .set({ group_id: groupId })
      .where('id', '=', establishmentId)
      .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'establishment.group_set',
      targetType: 'establishment',
      targetId: establishmentId,
      detail: { groupId },
    });
    return { establishmentId, groupId };
  });
}
