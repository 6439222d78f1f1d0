import type { Kysely } from 'kysely';

/**
 * Administration of accounts and single sign-on:
 * - users.must_change_password: set by an administrator's password reset, the temporary password
 *   opens only the password change until the person chooses their own;
 * - oidc_providers.enabled: an establishment can switch its single sign-on off and keep it set;
 * - sso_pending.client_address: pending logins are counted per address, so that one address
 *   starting logins without end cannot fill the table for everyone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('oidc_providers')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('sso_pending')
    .addColumn('client_address', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('sso_pending_address')
    .on('sso_pending')
    .columns(['client_address', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('sso_pending_establishment')
    .on('sso_pending')
    .columns(['establishment_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sso_pending_establishment').ifExists().execute();
  await db.schema.dropIndex('sso_pending_address').ifExists().execute();
  await db.schema.alterTable('sso_pending').dropColumn('client_address').execute();
  await db.schema.alterTable('oidc_providers').dropColumn('enabled').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
