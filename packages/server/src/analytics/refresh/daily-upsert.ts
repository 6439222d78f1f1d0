import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Counts being gathered for analytics_daily, keyed by establishment, day, metric and dimension. */
export class DailyCounts {
  readonly #counts = new Map<string, number>();

  add(establishmentId: string, day: string, metric: string, dimension: string, by = 1): void {
    const key = `${establishmentId}\u0000${day}\u0000${metric}\u0000${dimension}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + by);
  }

  get size(): number {
    return this.#counts.size;
  }

  *rows(): Iterable<Database['analytics_daily']> {
    for (const [key, value] of this.#counts) {
      const [establishment_id = '', day = '', metric = '', dimension = ''] = key.split('\u0000');
      yield { establishment_id, day, metric, dimension, value };
    }
  }
}

/** Rows per statement: 5 parameters each, well under SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

/**
 * Adds the counts to analytics_daily (insert … on conflict do update value = value + new), in the
 * caller's transaction: the caller moves its watermark in the same transaction, so a batch is
 * either counted and marked read, or neither (a crash in between re-reads it, counted once).
 */
export async function addDailyCounts(trx: Transaction<Database>, counts: DailyCounts): Promise<void> {
  let chunk: Database['analytics_daily'][] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await trx
      .insertInto('analytics_daily')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['establishment_id', 'day', 'metric', 'dimension'])
          .doUpdateSet((eb) => ({ value: eb('analytics_daily.value', '+', eb.ref('excluded.value')) })),
      )
      .execute();
    chunk = [];
  };
  for (const row of counts.rows()) {
    chunk.push(row);
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
}
