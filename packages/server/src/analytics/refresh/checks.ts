import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays } from '../paris-day.js';
import { readWatermark, writeWatermark } from './watermark.js';

export const CHECK_METRICS = {
  verdict: 'checks.verdict',
  context: 'checks.context',
  rule: 'checks.rule',
} as const;

/**
 * check_stats is already counts only, but its rows grow in place (no timestamp to follow): the
 * days since the previous refresh's day, one day of margin, are copied again whole, replacing
 * what was there, in one transaction. Its days are UTC (checks/check-service.ts) and stay so.
 */
export async function refreshChecks(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const mark = await readWatermark(trx, 'checks');
    const from = mark.at === '' ? '0000-01-01' : addDays(mark.at, -1);
    await trx
      .deleteFrom('analytics_daily')
      .where('metric', 'in', Object.values(CHECK_METRICS))
      .where('day', '>=', from)
      .execute();
    const copy = async (metric: string, dimension: 'verdict' | 'context' | 'rule_id', checks: boolean) => {
      const result = await trx
        .insertInto('analytics_daily')
        .columns(['establishment_id', 'day', 'metric', 'dimension', 'value'])
        .expression(
          trx
            .selectFrom('check_stats')
            .select((eb) => [
              'establishment_id',
              'day',
              sql.lit(metric).as('metric'),
              eb.ref(dimension).as('dimension'),
              eb.fn.sum<number>('count').as('value'),
            ])
            .where('day', '>=', from)
            .where('rule_id', checks ? '=' : '<>', '*')
            .groupBy(['establishment_id', 'day', dimension]),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    };
    const copied =
      (await copy(CHECK_METRICS.verdict, 'verdict', true)) +
      (await copy(CHECK_METRICS.context, 'context', true)) +
      (await copy(CHECK_METRICS.rule, 'rule_id', false));
    await writeWatermark(trx, 'checks', { at: now.toISOString().slice(0, 10), id: '' }, now);
    return copied;
  });
}
