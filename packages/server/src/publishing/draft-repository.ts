import type { Kysely, Transaction } from 'kysely';
import type { Database, NewRow, Row } from '../db/schema.js';

/** SQL of the publishing desk's drafts, variants, approvals and workflows. */
type Db = Kysely<Database> | Transaction<Database>;

export type DraftRow = Row<'publishing_drafts'>;
export type VariantRow = Row<'publishing_variants'>;
export type ApprovalRow = Row<'publishing_approvals'>;

export async function insertDraft(db: Db, row: NewRow<'publishing_drafts'>): Promise<void> {
  await db.insertInto('publishing_drafts').values(row).execute();
}

export function findDraft(db: Db, establishmentId: string, id: string): Promise<DraftRow | undefined> {
  return db
    .selectFrom('publishing_drafts')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Moves a draft on only if it is still at the revision the caller read: two people saving or
 * deciding at once, one wins and the other is told (returns false).
 */
export async function updateDraftAt(
  db: Db,
  id: string,
  revision: number,
  changes: Partial<Omit<DraftRow, 'id' | 'establishment_id' | 'author_id' | 'created_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('publishing_drafts')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** One page of an establishment's drafts, most recently changed first (keyset on updated_at, id). */
export function listDrafts(
  db: Db,
  establishmentId: string,
  page: { limit: number; after?: { updatedAt: string; id: string }; status?: DraftRow['status'] },
): Promise<DraftRow[]> {
  let query = db.selectFrom('publishing_drafts').selectAll().where('establishment_id', '=', establishmentId);
  if (page.status !== undefined) query = query.where('status', '=', page.status);
  const after = page.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('updated_at', '<', after.updatedAt),
        eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export function listVariants(db: Db, draftIds: readonly string[]): Promise<VariantRow[]> {
  if (draftIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publishing_variants')
    .selectAll()
    .where('draft_id', 'in', draftIds)
    .orderBy('draft_id')
    .orderBy('network')
    .execute();
}

/** Replaces a draft's variants by these (a network left out is removed). */
export async function replaceVariants(db: Db, draftId: string, rows: readonly VariantRow[]): Promise<void> {
  await db.deleteFrom('publishing_variants').where('draft_id', '=', draftId).execute();
  if (rows.length > 0)
    await db
      .insertInto('publishing_variants')
      .values([...rows])
      .execute();
}

export function listApprovals(db: Db, draftId: string): Promise<ApprovalRow[]> {
  return db
    .selectFrom('publishing_approvals')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The decisions on each of these drafts, in order (one query for a page of drafts). */
export function listApprovalsOf(db: Db, draftIds: readonly string[]): Promise<ApprovalRow[]> {
  if (draftIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publishing_approvals')
    .selectAll()
    .where('draft_id', 'in', [...draftIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Records a decision unless the step of that revision was decided meanwhile (returns false). */
export async function insertApproval(db: Db, row: ApprovalRow): Promise<boolean> {
  const result = await db
    .insertInto('publishing_approvals')
    .values(row)
    .onConflict((oc) => oc.columns(['draft_id', 'revision', 'step']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function findWorkflow(
  db: Db,
  establishmentId: string,
): Promise<Row<'publishing_workflows'> | undefined> {
  return db
    .selectFrom('publishing_workflows')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
}

export async function saveWorkflow(db: Db, row: Row<'publishing_workflows'>): Promise<void> {
  await db
    .insertInto('publishing_workflows')
    .values(row)
    .onConflict((oc) =>
      oc.column('establishment_id').doUpdateSet({ steps: row.steps, updated_at: row.updated_at }),
    )
    .execute();
}
