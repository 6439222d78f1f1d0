import { type AppContext, inUnit } from '../../http/context.js';
import { purgeExpired } from './mention-repository.js';

/**
 * Minimal storage: deletes the mentions whose retention has passed (unless an incident holds
 * them as evidence) and the posts no mention needs any more. The audit log keeps how many went,
 * never what they said.
 */
export async function purgeExpiredMentions(
  context: AppContext,
): Promise<{ mentions: number; posts: number }> {
  return inUnit(context, async (unit) => {
    const purged = await purgeExpired(unit.trx, unit.now.toISOString());
    if (purged.mentions > 0 || purged.posts > 0) {
      await unit.audit({
        establishmentId: null,
        actorId: null,
        action: 'listening.purge',
        targetType: 'mention',
        targetId: null,
        detail: purged,
      });
    }
    return purged;
  });
}
