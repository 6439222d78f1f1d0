import type { Kysely } from 'kysely';

/**
 * The consents each publication went out with (issue 12): a draft's people may change after it
 * was published (the draft stays editable), but a withdrawal must still find every post online
 * with that person. Written when a run claims the publication, before the network is called.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publication_consents')
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publications.id'))
    .addColumn('consent_id', 'text', (c) => c.notNull().references('publishing_consents.id'))
    .addPrimaryKeyConstraint('publication_consents_pk', ['publication_id', 'consent_id'])
    .execute();
  await db.schema
    .createIndex('publication_consents_consent')
    .on('publication_consents')
    .column('consent_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publication_consents').ifExists().execute();
}
