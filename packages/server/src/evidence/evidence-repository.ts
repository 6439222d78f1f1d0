import type { Kysely, Transaction } from 'kysely';
import type { Database, NewRow } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns that describe a piece of evidence, without its content. */
const METADATA = [
  'evidence.id',
  'evidence.incident_id',
  'evidence.seq',
  'evidence.kind',
  'evidence.file_name',
  'evidence.media_type',
  'evidence.size',
  'evidence.sha256',
  'evidence.original_sha256',
  'evidence.source_url',
  'evidence.captured_at',
  'evidence.captured_by',
  'evidence.prev_hash',
  'evidence.chain_hash',
] as const;

export interface IncidentHeader {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
}

/** The incident, only if it belongs to this establishment. */
export function findIncident(db: Db, establishmentId: string, incidentId: string) {
  return db
    .selectFrom('incidents')
    .select(['id', 'reference', 'title'])
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', incidentId)
    .executeTakeFirst();
}

export function findEstablishment(db: Db, establishmentId: string) {
  return db
    .selectFrom('establishments')
    .select(['id', 'name'])
    .where('id', '=', establishmentId)
    .executeTakeFirst();
}

/** The establishment's last link; call it only after lockChain, in the appending transaction. */
export function lastLink(trx: Transaction<Database>, establishmentId: string) {
  return trx
    .selectFrom('evidence')
    .select(['seq', 'chain_hash'])
    .where('establishment_id', '=', establishmentId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertEvidence(trx: Transaction<Database>, row: NewRow<'evidence'>): Promise<void> {
  await trx.insertInto('evidence').values(row).execute();
}

export async function insertIncidentEvent(
  trx: Transaction<Database>,
  row: NewRow<'incident_events'>,
): Promise<void> {
  await trx.insertInto('incident_events').values(row).execute();
}

/** An incident's evidence, in chain order, with the capturer's display name. */
export function listEvidence(db: Db, establishmentId: string, incidentId: string) {
  return db
    .selectFrom('evidence')
    .leftJoin('users', 'users.id', 'evidence.captured_by')
    .select([...METADATA, 'users.display_name as captured_by_name'])
    .where('evidence.establishment_id', '=', establishmentId)
    .where('evidence.incident_id', '=', incidentId)
    .orderBy('evidence.seq', 'asc')
    .execute();
}

export type EvidenceMetadata = Awaited<ReturnType<typeof listEvidence>>[number];

export function findContent(db: Db, establishmentId: string, incidentId: string, evidenceId: string) {
  return db
    .selectFrom('evidence')
    .select(['id', 'file_name', 'media_type', 'size', 'sha256', 'content'])
    .where('establishment_id', '=', establishmentId)
    .where('incident_id', '=', incidentId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}

/** Content of one piece, for the export (read one at a time to bound memory). */
export async function readContent(db: Db, evidenceId: string): Promise<Buffer> {
  const row = await db
    .selectFrom('evidence')
    .select('content')
    .where('id', '=', evidenceId)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.content);
}

export function chainHead(db: Db, establishmentId: string) {
  return db
    .selectFrom('evidence')
    .select(['seq', 'chain_hash'])
    .where('establishment_id', '=', establishmentId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function displayName(db: Db, userId: string) {
  return db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
}
