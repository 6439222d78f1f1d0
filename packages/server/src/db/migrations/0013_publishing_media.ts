import { type Kysely, sql } from 'kysely';

/**
 * Photos attached to a draft (issue 12): stored in the database like evidence, re-encoded
 * without metadata (no GPS, no device, no author) before they are kept, each with its alternative
 * text. A change of photos is an edit: it brings the draft back to « brouillon ».
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .then((result) => result.rows[0]?.v.startsWith('PostgreSQL') ?? false)
    .catch(() => false);
  await db.schema
    .createTable('publishing_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('publishing_drafts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('content', sql.raw(postgres ? 'bytea' : 'blob'), (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('alt_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_media_draft')
    .on('publishing_media')
    .columns(['draft_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publishing_media').ifExists().execute();
}
