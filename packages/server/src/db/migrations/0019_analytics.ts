import type { Kysely } from 'kysely';

/** Reserved for issue 14; filled by the slice that owns it. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
