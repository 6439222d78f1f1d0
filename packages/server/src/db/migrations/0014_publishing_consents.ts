import { type Kysely, sql } from 'kysely';

/**
 * The consent register (issue 12, third part):
 * - publishing_consents: one person's consent to appear in the establishment's posts (named,
 *   shown, heard), its scope (uses and networks), its dates, the signed form as a file, and its
 *   withdrawal. A record is never deleted: after a withdrawal it is the proof of both.
 * - publishing_draft_consents: the consents a draft relies on (the people it names or shows).
 * - publishing_drafts.nobody_shown: the author's statement that the photos show nobody
 *   recognisable (until the image guard reads faces itself).
 * - publishing_takedowns: a post already published with a person whose consent was withdrawn,
 *   flagged until someone has taken it down from the network.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .then((result) => result.rows[0]?.v.startsWith('PostgreSQL') ?? false)
    .catch(() => false);
  await db.schema
    .createTable('publishing_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('uses', 'text', (c) => c.notNull())
    .addColumn('networks', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('signatory', 'text')
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('form_content', sql.raw(postgres ? 'bytea' : 'blob'), (c) => c.notNull())
    .addColumn('form_type', 'text', (c) => c.notNull())
    .addColumn('form_bytes', 'integer', (c) => c.notNull())
    .addColumn('form_sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawal_reason', 'text')
    .execute();
  await db.schema
    .createIndex('publishing_consents_list')
    .on('publishing_consents')
    .columns(['establishment_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('publishing_draft_consents')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('publishing_drafts.id'))
    .addColumn('consent_id', 'text', (c) => c.notNull().references('publishing_consents.id'))
    .addPrimaryKeyConstraint('publishing_draft_consents_pk', ['draft_id', 'consent_id'])
    .execute();
  await db.schema
    .createIndex('publishing_draft_consents_consent')
    .on('publishing_draft_consents')
    .column('consent_id')
    .execute();

  await db.schema
    .alterTable('publishing_drafts')
    .addColumn('nobody_shown', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('publishing_takedowns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publications.id'))
    .addColumn('consent_id', 'text', (c) => c.notNull().references('publishing_consents.id'))
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addUniqueConstraint('publishing_takedowns_once', ['publication_id', 'consent_id'])
    .execute();
  await db.schema
    .createIndex('publishing_takedowns_open')
    .on('publishing_takedowns')
    .columns(['establishment_id', 'resolved_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publishing_takedowns').ifExists().execute();
  await db.schema.alterTable('publishing_drafts').dropColumn('nobody_shown').execute();
  await db.schema.dropTable('publishing_draft_consents').ifExists().execute();
  await db.schema.dropTable('publishing_consents').ifExists().execute();
}
