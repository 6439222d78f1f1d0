import type { Kysely } from 'kysely';

/**
 * Evidence keeps the SHA-256 of the file as it was received when the stored one differs: images
 * are re-encoded without their metadata (author, device, GPS), so the stored bytes are not the
 * received bytes, and the original's hash is what ties the piece to the file the reporter had.
 * Null for a piece stored exactly as received.
 *
 * filing_throttle counts report filings per user and per client address in fixed windows, in the
 * database so that every server process sees the same counters (as login_throttle does).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evidence').addColumn('original_sha256', 'text').execute();
  await db.schema
    .createTable('filing_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('filing_throttle_window')
    .on('filing_throttle')
    .column('window_started_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('filing_throttle').ifExists().execute();
  await db.schema.alterTable('evidence').dropColumn('original_sha256').execute();
}
