import type { ExpressionBuilder } from 'kysely';
import type { Position } from './watermark.js';

/**
 * (at, id) > (after.at, after.id) and at ≤ until, written so that both databases use the
 * (timestamp, id) index: `at >= after.at` bounds the scan, the rest filters.
 */
// biome-ignore lint/suspicious/noExplicitAny: shared by tables whose column names differ
export function afterPosition<EB extends ExpressionBuilder<any, any>>(
  eb: EB,
  atColumn: string,
  idColumn: string,
  after: Position,
  until: string,
) {
  return eb.and([
    eb(atColumn, '>=', after.at),
    eb(atColumn, '<=', until),
    eb.or([eb(atColumn, '>', after.at), eb(idColumn, '>', after.id)]),
  ]);
}
