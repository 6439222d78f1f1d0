import { parisDay } from '../paris-day.js';
import { addDailyCounts, DailyCounts } from './daily-upsert.js';
import type { KeysetSource } from './keyset.js';
import { afterPosition } from './keyset-where.js';

interface MentionRow {
  readonly id: string;
  readonly establishment_id: string;
  readonly category: string;
  readonly source: string;
  readonly published_at: string;
  readonly created_at: string;
}

/**
 * Mentions become daily counts by category and by source, on the Paris day they were published.
 * Mentions are only ever inserted (and deleted by retention, which leaves the counts alone).
 */
export const MENTIONS: KeysetSource<MentionRow> = {
  name: 'mentions',
  mode: 'add',
  read: (db, after, until, limit) =>
    db
      .selectFrom('mentions')
      .select(['id', 'establishment_id', 'category', 'source', 'published_at', 'created_at'])
      .where((eb) => afterPosition(eb, 'created_at', 'id', after, until))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute(),
  positionOf: (row) => ({ at: row.created_at, id: row.id }),
  async apply(trx, rows) {
    const counts = new DailyCounts();
    for (const row of rows) {
      const day = parisDay(row.published_at);
      counts.add(row.establishment_id, day, METRIC.category, row.category);
      counts.add(row.establishment_id, day, METRIC.source, row.source);
    }
    await addDailyCounts(trx, counts);
  },
};

export const METRIC = { category: 'mentions.category', source: 'mentions.source' } as const;
