import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { DESK_ROLES } from '../http/auth.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A member of an establishment's incident desk as the other members see them: an id to assign
 * or mention, the name to show, and the handle to type after « @ ». Never the e-mail address:
 * a community manager has no need of the legal service's address to assign them an incident.
 */
export interface DeskMember {
  readonly id: string;
  readonly displayName: string;
  readonly handle: string;
}

/**
 * The handle typed after « @ » in a comment: the display name without accents, lower-cased,
 * words joined by dots (« Élodie Martin-Roy » → « elodie.martin.roy »).
 */
export function handleOf(displayName: string): string {
  return displayName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** The active members with a desk role in this establishment, by name. */
export async function listDeskMembers(db: Db, establishmentId: string): Promise<DeskMember[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as id', 'users.display_name as displayName'])
    .where('memberships.establishment_id', '=', establishmentId)
    .where('memberships.role', 'in', [...DESK_ROLES])
    .where('users.disabled', '=', 0)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  return rows.map((row) => ({ ...row, handle: handleOf(row.displayName) }));
}

/** The desk members' e-mail addresses, for the server's own notifications; never sent to a client. */
export async function deskMemberEmails(
  db: Db,
  establishmentId: string,
  userIds?: readonly string[],
): Promise<{ id: string; email: string }[]> {
  if (userIds !== undefined && userIds.length === 0) return [];
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as id', 'users.email as email'])
    .where('memberships.establishment_id', '=', establishmentId)
    .where('memberships.role', 'in', [...DESK_ROLES])
    .where('users.disabled', '=', 0);
  if (userIds !== undefined) query = query.where('users.id', 'in', [...new Set(userIds)]);
  return query.orderBy('users.id').execute();
}
