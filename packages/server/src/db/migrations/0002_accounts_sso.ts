import type { Kysely } from 'kysely';

/**
 * Pending single sign-on logins. Between the redirect to the identity provider and its return,
 * the server must remember the state, nonce and PKCE verifier. They live here, keyed by the hash
 * of a random id held in a short-lived cookie, rather than in process memory (several server
 * processes share one database) or in an HMAC-signed cookie (the configuration has no secret to
 * sign with, and a key made at start would differ between processes). A row is deleted when used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sso_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_pending_expires').on('sso_pending').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_pending').ifExists().execute();
}
