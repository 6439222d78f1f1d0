import type { AppContext } from '../../http/context.js';
import { inUnit } from '../../http/context.js';

export interface PauseView {
  readonly paused: boolean;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  readonly reason: string;
}

/** Whether « Tout suspendre » holds for the establishment. */
export async function isPaused(context: AppContext, establishmentId: string): Promise<boolean> {
  return (await readPause(context, establishmentId)).paused;
}

export async function readPause(context: AppContext, establishmentId: string): Promise<PauseView> {
  const row = await context.storage.db
    .selectFrom('publishing_pause')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  return row === undefined
    ? { paused: false, changedBy: null, changedAt: null, reason: '' }
    : { paused: row.paused === 1, changedBy: row.changed_by, changedAt: row.changed_at, reason: row.reason };
}

/**
 * Sets or lifts « Tout suspendre ». While it holds, no publication of the establishment goes
 * out, whatever its time: the job finds the switch and leaves the publication scheduled. Lifting
 * it sends again what fell due meanwhile (the caller wakes them).
 */
export async function setPause(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  input: { paused: boolean; reason: string },
): Promise<PauseView> {
  await inUnit(context, async (unit) => {
    const row = {
      establishment_id: establishmentId,
      paused: input.paused ? 1 : 0,
      changed_by: actorId,
      changed_at: unit.now.toISOString(),
      reason: input.reason.trim(),
    };
    await unit.trx
      .insertInto('publishing_pause')
      .values(row)
      .onConflict((oc) =>
        oc.column('establishment_id').doUpdateSet({
          paused: row.paused,
          changed_by: row.changed_by,
          changed_at: row.changed_at,
          reason: row.reason,
        }),
      )
      .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: input.paused ? 'publishing.pause.set' : 'publishing.pause.lift',
      targetType: 'establishment',
      targetId: establishmentId,
      detail: { reason: row.reason },
    });
  });
  return readPause(context, establishmentId);
}
