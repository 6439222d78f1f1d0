import type { Kysely } from 'kysely';

/**
 * The publishing desk (issue 12), first part: drafts, their per-network variants with the guard's
 * last reading, the approvals given on each revision, and each establishment's approval workflow.
 * - publishing_drafts.revision grows at every edit; an approval counts only for the revision it
 *   was given on, so an edit after an approval resets the workflow without deleting its history.
 * - publishing_variants keeps the guard's verdict and findings of the text as last saved: the list
 *   shows them without analysing again; submission and approval analyse again anyway.
 * - publishing_workflows: absent, the default workflow applies (publishing/workflow.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publishing_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    // Whoever wrote the current revision: they may not approve it either.
    .addColumn('last_editor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute();
  await db.schema
    .createIndex('publishing_drafts_list')
    .on('publishing_drafts')
    .columns(['establishment_id', 'updated_at', 'id'])
    .execute();

  await db.schema
    .createTable('publishing_variants')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('publishing_drafts.id'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publishing_variants_pk', ['draft_id', 'network'])
    .execute();

  await db.schema
    .createTable('publishing_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('publishing_drafts.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('approver_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One decision per step of a revision: two approvers clicking at once give one approval.
    .addUniqueConstraint('publishing_approvals_step', ['draft_id', 'revision', 'step'])
    .execute();

  await db.schema
    .createTable('publishing_workflows')
    .addColumn('establishment_id', 'text', (c) => c.primaryKey().references('establishments.id'))
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publishing_workflows').ifExists().execute();
  await db.schema.dropTable('publishing_approvals').ifExists().execute();
  await db.schema.dropTable('publishing_variants').ifExists().execute();
  await db.schema.dropTable('publishing_drafts').ifExists().execute();
}
