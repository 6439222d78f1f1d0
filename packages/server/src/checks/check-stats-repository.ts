import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The rule id of the row that counts the checks themselves. */
export const ALL_CHECKS = '*';

export interface CheckCounter {
  readonly establishmentId: string;
  readonly day: string;
  readonly context: string;
  readonly verdict: string;
  readonly ruleId: string;
}

/**
 * Adds one to a counter, creating it at 1. One statement (insert … on conflict do update), the
 * same text on SQLite and PostgreSQL, so that two checks at the same instant never lose a count.
 */
export async function incrementCounter(
  trx: Transaction<Database>,
  counter: CheckCounter,
  by = 1,
): Promise<void> {
  await trx
    .insertInto('check_stats')
    .values({
      establishment_id: counter.establishmentId,
      day: counter.day,
      context: counter.context,
      verdict: counter.verdict,
      rule_id: counter.ruleId,
      count: by,
    })
    .onConflict((oc) =>
      oc
        .columns(['establishment_id', 'day', 'context', 'verdict', 'rule_id'])
        .doUpdateSet((eb) => ({ count: eb('check_stats.count', '+', by) })),
    )
    .execute();
}

export interface CounterTotal {
  readonly context: string;
  readonly verdict: string;
  readonly ruleId: string;
  readonly count: number;
}

/** The counters of an establishment between two UTC days, both included, summed over the days. */
export async function countersBetween(
  db: Kysely<Database>,
  establishmentId: string,
  from: string,
  to: string,
): Promise<CounterTotal[]> {
  const rows = await db
    .selectFrom('check_stats')
    .select((eb) => ['context', 'verdict', 'rule_id', eb.fn.sum<number | string>('count').as('total')])
    .where('establishment_id', '=', establishmentId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['context', 'verdict', 'rule_id'])
    .execute();
  // PostgreSQL returns sum() of integers as a bigint, which pg hands over as a string.
  return rows.map((row) => ({
    context: row.context,
    verdict: row.verdict,
    ruleId: row.rule_id,
    count: Number(row.total),
  }));
}
