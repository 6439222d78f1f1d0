import { parisDay } from '../paris-day.js';
import { addDailyCounts, DailyCounts } from './daily-upsert.js';
import type { KeysetSource } from './keyset.js';
import { afterPosition } from './keyset-where.js';

interface AlertRow {
  readonly id: string;
  readonly establishment_id: string;
  readonly reason: string;
  readonly created_at: string;
}

export const ALERTS_METRIC = 'alerts.reason';

/** Listening alerts become daily counts by reason, on the Paris day they were raised. */
export const ALERTS: KeysetSource<AlertRow> = {
  name: 'alerts',
  mode: 'add',
  read: (db, after, until, limit) =>
    db
      .selectFrom('listening_alerts')
      .select(['id', 'establishment_id', 'reason', 'created_at'])
      .where((eb) => afterPosition(eb, 'created_at', 'id', after, until))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute(),
  positionOf: (row) => ({ at: row.created_at, id: row.id }),
  async apply(trx, rows) {
    const counts = new DailyCounts();
    for (const row of rows)
      counts.add(row.establishment_id, parisDay(row.created_at), ALERTS_METRIC, row.reason);
    await addDailyCounts(trx, counts);
  },
};
