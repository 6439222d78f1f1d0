import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/** SQL of the in-app notifications; every query is scoped by establishment and by person. */
type Db = Kysely<Database> | Transaction<Database>;

export async function insertNotifications(
  trx: Transaction<Database>,
  rows: readonly {
    establishmentId: string;
    userId: string;
    incidentId: string;
    kind: string;
    eventId: string | null;
    actorId: string | null;
    at: Date;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      rows.map((row) => ({
        id: randomUUID(),
        establishment_id: row.establishmentId,
        user_id: row.userId,
        incident_id: row.incidentId,
        kind: row.kind,
        event_id: row.eventId,
        actor_id: row.actorId,
        created_at: row.at.toISOString(),
        read_at: null,
      })),
    )
    .execute();
}

export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly incidentId: string;
  readonly reference: string;
  readonly actorName: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** The person's latest notifications in this establishment, newest first. */
export function listNotifications(
  db: Db,
  establishmentId: string,
  userId: string,
  limit: number,
): Promise<NotificationView[]> {
  return db
    .selectFrom('notifications')
    .innerJoin('incidents', 'incidents.id', 'notifications.incident_id')
    .leftJoin('users', 'users.id', 'notifications.actor_id')
    .select([
      'notifications.id as id',
      'notifications.kind as kind',
      'notifications.incident_id as incidentId',
      'incidents.reference as reference',
      'users.display_name as actorName',
      'notifications.created_at as createdAt',
      'notifications.read_at as readAt',
    ])
    .where('notifications.establishment_id', '=', establishmentId)
    .where('notifications.user_id', '=', userId)
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Db, establishmentId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('establishment_id', '=', establishmentId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the person's notifications read: the given ones, or all. */
export async function markRead(
  db: Db,
  establishmentId: string,
  userId: string,
  at: Date,
  ids: readonly string[] | undefined,
): Promise<void> {
  if (ids !== undefined && ids.length === 0) return;
  let query = db
    .updateTable('notifications')
    .set({ read_at: at.toISOString() })
    .where('establishment_id', '=', establishmentId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== undefined) query = query.where('id', 'in', [...new Set(ids)]);
  await query.execute();
}
