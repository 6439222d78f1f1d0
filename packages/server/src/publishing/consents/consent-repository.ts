import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow, Row } from '../../db/schema.js';

/** SQL of the consent register, the consents drafts rely on, and the posts to take down. */
type Db = Kysely<Database> | Transaction<Database>;

/** Every column but the signed form's bytes, which only its own download reads. */
const SUMMARY_COLUMNS = [
  'id',
  'establishment_id',
  'person_name',
  'person_kind',
  'uses',
  'networks',
  'purpose',
  'signatory',
  'given_on',
  'expires_on',
  'form_type',
  'form_bytes',
  'form_sha256',
  'created_by',
  'created_at',
  'withdrawn_at',
  'withdrawn_by',
  'withdrawal_reason',
] as const;

export type ConsentRow = Omit<Row<'publishing_consents'>, 'form_content' | 'person_key'>;

export async function insertConsent(db: Db, row: NewRow<'publishing_consents'>): Promise<void> {
  await db.insertInto('publishing_consents').values(row).execute();
}

export function findConsent(db: Db, establishmentId: string, id: string): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('publishing_consents')
    .select(SUMMARY_COLUMNS)
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function readConsentForm(
  db: Db,
  establishmentId: string,
  id: string,
): Promise<{ form_content: Buffer; form_type: string; person_name: string } | undefined> {
  return db
    .selectFrom('publishing_consents')
    .select(['form_content', 'form_type', 'person_name'])
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ConsentFilter = 'all' | 'valid' | 'expired' | 'withdrawn';

/** One page of the register, newest first (keyset on created_at, id). */
export function listConsents(
  db: Db,
  establishmentId: string,
  page: {
    readonly limit: number;
    readonly after?: { createdAt: string; id: string };
    readonly namePattern?: string;
    readonly filter: ConsentFilter;
    readonly day: string;
  },
): Promise<ConsentRow[]> {
  let query = db
    .selectFrom('publishing_consents')
    .select(SUMMARY_COLUMNS)
    .where('establishment_id', '=', establishmentId);
  if (page.namePattern !== undefined)
    query = query.where(sql<boolean>`person_key like ${page.namePattern} escape '\\'`);
  if (page.filter === 'withdrawn') query = query.where('withdrawn_at', 'is not', null);
  if (page.filter === 'valid')
    query = query
      .where('withdrawn_at', 'is', null)
      .where('given_on', '<=', page.day)
      .where('expires_on', '>=', page.day);
  if (page.filter === 'expired')
    query = query.where('withdrawn_at', 'is', null).where('expires_on', '<', page.day);
  const after = page.after;
  if (after !== undefined)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export async function markWithdrawn(
  db: Db,
  id: string,
  change: { withdrawn_at: string; withdrawn_by: string; withdrawal_reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('publishing_consents')
    .set(change)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The consents each of these drafts relies on. */
export async function consentsOfDrafts(
  db: Db,
  draftIds: readonly string[],
): Promise<(ConsentRow & { draft_id: string })[]> {
  if (draftIds.length === 0) return [];
  return db
    .selectFrom('publishing_draft_consents')
    .innerJoin('publishing_consents', 'publishing_consents.id', 'publishing_draft_consents.consent_id')
    .select([
      'publishing_draft_consents.draft_id as draft_id',
      ...SUMMARY_COLUMNS.map((column) => `publishing_consents.${column}` as const),
    ])
    .where('publishing_draft_consents.draft_id', 'in', draftIds)
    .orderBy('publishing_consents.person_name')
    .execute();
}

export async function replaceDraftConsents(
  db: Db,
  draftId: string,
  consentIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('publishing_draft_consents').where('draft_id', '=', draftId).execute();
  if (consentIds.length > 0)
    await db
      .insertInto('publishing_draft_consents')
      .values(consentIds.map((consentId) => ({ draft_id: draftId, consent_id: consentId })))
      .execute();
}

/** The drafts relying on a consent, with their publications (for the register's detail and a withdrawal). */
export function draftsOfConsent(db: Db, consentId: string) {
  return db
    .selectFrom('publishing_draft_consents')
    .innerJoin('publishing_drafts', 'publishing_drafts.id', 'publishing_draft_consents.draft_id')
    .select([
      'publishing_drafts.id as id',
      'publishing_drafts.title as title',
      'publishing_drafts.status as status',
    ])
    .where('publishing_draft_consents.consent_id', '=', consentId)
    .orderBy('publishing_drafts.updated_at', 'desc')
    .execute();
}

export function publicationsOfDrafts(db: Db, draftIds: readonly string[]) {
  if (draftIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publications')
    .select(['id', 'draft_id', 'network', 'status', 'url', 'published_at', 'created_by'])
    .where('draft_id', 'in', draftIds)
    .orderBy('scheduled_at')
    .execute();
}

/** The publications that went out (or are going out) with this consent, whatever the draft says now. */
export function publicationsOfConsent(db: Db, consentId: string) {
  return db
    .selectFrom('publication_consents')
    .innerJoin('publications', 'publications.id', 'publication_consents.publication_id')
    .select([
      'publications.id as id',
      'publications.draft_id as draft_id',
      'publications.network as network',
      'publications.status as status',
      'publications.url as url',
      'publications.published_at as published_at',
      'publications.created_by as created_by',
    ])
    .where('publication_consents.consent_id', '=', consentId)
    .execute();
}

export async function insertTakedowns(
  db: Db,
  rows: readonly NewRow<'publishing_takedowns'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('publishing_takedowns')
    .values([...rows])
    .onConflict((oc) => oc.columns(['publication_id', 'consent_id']).doNothing())
    .execute();
}

export interface TakedownRow {
  readonly id: string;
  readonly consent_id: string;
  readonly person_name: string;
  readonly publication_id: string;
  readonly network: string;
  readonly url: string | null;
  readonly draft_id: string;
  readonly title: string;
  readonly flagged_at: string;
  readonly resolved_at: string | null;
}

/** Posts flagged for taking down, open ones first; at most `limit`. */
export function listTakedowns(
  db: Db,
  establishmentId: string,
  filter: { readonly open?: boolean; readonly consentId?: string; readonly limit: number },
): Promise<TakedownRow[]> {
  let query = db
    .selectFrom('publishing_takedowns')
    .innerJoin('publications', 'publications.id', 'publishing_takedowns.publication_id')
    .innerJoin('publishing_drafts', 'publishing_drafts.id', 'publications.draft_id')
    .innerJoin('publishing_consents', 'publishing_consents.id', 'publishing_takedowns.consent_id')
    .select([
      'publishing_takedowns.id as id',
      'publishing_takedowns.consent_id as consent_id',
      'publishing_consents.person_name as person_name',
      'publishing_takedowns.publication_id as publication_id',
      'publications.network as network',
      'publications.url as url',
      'publishing_drafts.id as draft_id',
      'publishing_drafts.title as title',
      'publishing_takedowns.flagged_at as flagged_at',
      'publishing_takedowns.resolved_at as resolved_at',
    ])
    .where('publishing_takedowns.establishment_id', '=', establishmentId)
    // A post being published when the consent was withdrawn is flagged too; it shows once online.
    .where('publications.status', '=', 'published');
  if (filter.open === true) query = query.where('publishing_takedowns.resolved_at', 'is', null);
  if (filter.consentId !== undefined)
    query = query.where('publishing_takedowns.consent_id', '=', filter.consentId);
  return query
    .orderBy('publishing_takedowns.flagged_at', 'desc')
    .orderBy('publishing_takedowns.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function resolveTakedown(
  db: Db,
  establishmentId: string,
  id: string,
  change: { resolved_at: string; resolved_by: string },
): Promise<'resolved' | 'already' | 'missing'> {
  const result = await db
    .updateTable('publishing_takedowns')
    .set(change)
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'resolved';
  const row = await db
    .selectFrom('publishing_takedowns')
    .select('id')
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? 'missing' : 'already';
}

/** The e-mail addresses of active members with one of these roles (server-side notifications only). */
export async function memberEmails(
  db: Db,
  establishmentId: string,
  roles: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email as email')
    .where('memberships.establishment_id', '=', establishmentId)
    .where('memberships.role', 'in', [...roles] as Row<'memberships'>['role'][])
    .where('users.disabled', '=', 0)
    .orderBy('users.id')
    .execute();
  return rows.map((row) => row.email);
}
