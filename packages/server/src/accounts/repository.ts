import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, Role, Row } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface MembershipView {
  readonly establishmentId: string;
  readonly establishmentName: string;
  readonly role: Role;
}

export interface MemberView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly hasPassword: boolean;
  readonly sso: boolean;
  readonly disabled: boolean;
}

export function findUserByEmail(db: Db, email: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByOidc(db: Db, issuer: string, subject: string): Promise<Row<'users'> | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

/** The user's establishments with their role, by name. */
export async function membershipsOf(db: Db, userId: string): Promise<MembershipView[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
    .select([
      'memberships.establishment_id as establishmentId',
      'establishments.name as establishmentName',
      'memberships.role as role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('establishments.name')
    .orderBy('memberships.establishment_id')
    .execute();
  return rows;
}

export function membership(db: Db, userId: string, establishmentId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
}

export interface MemberSearch {
  /** Part of a name or an e-mail, any case; empty for everyone. */
  readonly q: string;
  readonly offset: number;
  readonly limit: number;
}

/** « % », « _ » and « \\ » are literal in what a person types. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An establishment's members by name, filtered and paged in SQL, with the total that matched. */
export async function membersOf(
  db: Db,
  establishmentId: string,
  search: MemberSearch = { q: '', offset: 0, limit: 10_000 },
): Promise<{ items: MemberView[]; total: number }> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .where('memberships.establishment_id', '=', establishmentId);
  if (search.q !== '') {
    const pattern = likePattern(search.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(users.display_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(users.email)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.password_hash',
      'users.oidc_subject',
      'users.disabled',
      'memberships.role',
    ])
    .orderBy('users.display_name')
    .orderBy('users.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    hasPassword: r.password_hash !== null,
    sso: r.oidc_subject !== null,
    disabled: r.disabled === 1,
  }));
  return { items, total: Number(counted.n) };
}

/** One member of an establishment as the administration shows them. */
export async function memberOf(
  db: Db,
  establishmentId: string,
  userId: string,
): Promise<MemberView | undefined> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.password_hash',
      'users.oidc_subject',
      'users.disabled',
      'memberships.role',
    ])
    .where('memberships.establishment_id', '=', establishmentId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        hasPassword: row.password_hash !== null,
        sso: row.oidc_subject !== null,
        disabled: row.disabled === 1,
      };
}

export async function countAdmins(db: Db, establishmentId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('establishment_id', '=', establishmentId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countMemberships(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Db,
  user: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string | null;
    oidcIssuer?: string | null;
    oidcSubject?: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      oidc_issuer: user.oidcIssuer ?? null,
      oidc_subject: user.oidcSubject ?? null,
      demo: 0,
      disabled: 0,
      created_at: now.toISOString(),
    })
    .execute();
}

export async function insertMembership(
  db: Db,
  userId: string,
  establishmentId: string,
  role: Role,
  now: Date,
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, establishment_id: establishmentId, role, created_at: now.toISOString() })
    .execute();
}

export function findEstablishment(db: Db, id: string): Promise<Row<'establishments'> | undefined> {
  return db.selectFrom('establishments').selectAll().where('id', '=', id).executeTakeFirst();
}
