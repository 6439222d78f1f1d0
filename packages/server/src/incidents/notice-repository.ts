import type { Kysely, Transaction } from 'kysely';
import type { Database, Row } from '../db/schema.js';

/** SQL of the edited and sent DSA notice (table incident_notices, one row per incident). */
type Db = Kysely<Database> | Transaction<Database>;

export interface NoticeRecord {
  readonly text: string | null;
  readonly editedAt: string | null;
  readonly editedByName: string | null;
  readonly sentAt: string | null;
  readonly sentChannel: string | null;
  readonly sentByName: string | null;
}

export async function findNoticeRecord(
  db: Db,
  establishmentId: string,
  incidentId: string,
): Promise<NoticeRecord | undefined> {
  return db
    .selectFrom('incident_notices')
    .leftJoin('users as editor', 'editor.id', 'incident_notices.edited_by')
    .leftJoin('users as sender', 'sender.id', 'incident_notices.sent_by')
    .select([
      'incident_notices.text as text',
      'incident_notices.edited_at as editedAt',
      'editor.display_name as editedByName',
      'incident_notices.sent_at as sentAt',
      'incident_notices.sent_channel as sentChannel',
      'sender.display_name as sentByName',
    ])
    .where('incident_notices.establishment_id', '=', establishmentId)
    .where('incident_notices.incident_id', '=', incidentId)
    .executeTakeFirst();
}

/** Creates the incident's row or updates the given columns of it. */
export async function saveNoticeRecord(
  trx: Transaction<Database>,
  establishmentId: string,
  incidentId: string,
  values: Partial<Omit<Row<'incident_notices'>, 'incident_id' | 'establishment_id'>>,
): Promise<void> {
  const updated = await trx
    .updateTable('incident_notices')
    .set(values)
    .where('incident_id', '=', incidentId)
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return;
  await trx
    .insertInto('incident_notices')
    .values({
      incident_id: incidentId,
      establishment_id: establishmentId,
      text: null,
      edited_by: null,
      edited_at: null,
      sent_at: null,
      sent_channel: null,
      sent_by: null,
      ...values,
    })
    .execute();
}
