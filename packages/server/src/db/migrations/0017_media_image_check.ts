import type { Kysely } from 'kysely';

/**
 * What the image guard saw in each photo of a draft (issue 13), as JSON: how many faces, and
 * which rules the text read in its background breaks. The publishing gate holds a photo whose
 * background names a patient, and a « nobody recognisable » statement that a face contradicts.
 * Null for videos and for photos attached before the image guard existed: the statement alone
 * counts for those.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('publishing_media').addColumn('image_check', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('publishing_media').dropColumn('image_check').execute();
}
