import type { Kysely } from 'kysely';

/**
 * Training and awareness (issue 14, « Formation »):
 * - charter_versions: the establishment's charter, one row per published version (Markdown, its
 *   SHA-256). No row means version 1 is Blouse's default text; the first publication writes that
 *   version 1 down beside the new one, so that the history stays whole.
 * - charter_acknowledgements: who acknowledged which version (and the hash of the text they read),
 *   when, through which channel and in which language. A new version has no acknowledgement yet:
 *   everyone is asked again.
 * - quiz_attempts: a quiz in progress (the questions drawn, which ones are answered, how many were
 *   right), deleted when finished or replaced: no per-question history is kept.
 * - quiz_results: each person's last score only, overwritten at each new attempt.
 * - privacy_reminders: when a person was last reminded to review their privacy settings, and
 *   whether they opted out (per person: the reminder is about their own accounts).
 * - memberships.service: the service a member works in, for the acknowledgement rates per service.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('charter_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Null for Blouse's default text, which no one in the establishment published.
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('charter_versions_unique', ['establishment_id', 'version'])
    .execute();

  await db.schema
    .createTable('charter_acknowledgements')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('charter_acknowledgements_pk', ['user_id', 'establishment_id', 'version'])
    .execute();
  await db.schema
    .createIndex('charter_acknowledgements_version')
    .on('charter_acknowledgements')
    .columns(['establishment_id', 'version'])
    .execute();

  await db.schema
    .createTable('quiz_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('question_ids', 'text', (c) => c.notNull())
    .addColumn('answered_ids', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quiz_attempts_person')
    .on('quiz_attempts')
    .columns(['user_id', 'establishment_id'])
    .execute();

  await db.schema
    .createTable('quiz_results')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_results_pk', ['user_id', 'establishment_id'])
    .execute();

  await db.schema
    .createTable('privacy_reminders')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('opted_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sent_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('memberships').addColumn('service', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('service').execute();
  await db.schema.dropTable('privacy_reminders').ifExists().execute();
  await db.schema.dropTable('quiz_results').ifExists().execute();
  await db.schema.dropTable('quiz_attempts').ifExists().execute();
  await db.schema.dropTable('charter_acknowledgements').ifExists().execute();
  await db.schema.dropTable('charter_versions').ifExists().execute();
}
