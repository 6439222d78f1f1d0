import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The next « INC-YYYY-NNNN » of an establishment for the year of `now` (UTC), sequential per
 * establishment and year. The no-op update locks the establishment's row until the transaction
 * ends, so that two reports filed at once on PostgreSQL don't get the same number (SQLite
 * already serialises writing transactions); it is the same statement on both dialects.
 */
export async function nextReference(
  trx: Transaction<Database>,
  establishmentId: string,
  now: Date,
): Promise<string> {
  await trx
    .updateTable('establishments')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', establishmentId)
    .execute();
  const prefix = `INC-${now.getUTCFullYear()}-`;
  const rows = await trx
    .selectFrom('incidents')
    .select('reference')
    .where('establishment_id', '=', establishmentId)
    .where('reference', 'like', `${prefix}%`)
    .execute();
  let last = 0;
  for (const row of rows) {
    const n = Number.parseInt(row.reference.slice(prefix.length), 10);
    if (Number.isInteger(n) && n > last) last = n;
  }
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}
