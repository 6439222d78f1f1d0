import type { Unit } from '../../http/context.js';
import { listDeskMembers } from '../desk-members.js';
import type { IncidentRow } from '../repository.js';
import { mailMention } from './mention-notice.js';
import { mentionedMembers } from './mentions.js';
import { insertNotifications } from './notification-repository.js';

/**
 * Inside the comment's transaction: one in-app notification per desk member mentioned, and the
 * e-mail after the commit. Returns the ids notified (for the audit log).
 */
export async function notifyMentions(
  unit: Unit,
  input: {
    readonly establishmentId: string;
    readonly row: IncidentRow;
    readonly eventId: string;
    readonly actor: { readonly id: string; readonly displayName: string };
    readonly text: string;
  },
): Promise<string[]> {
  if (!input.text.includes('@')) return [];
  const members = mentionedMembers(
    input.text,
    await listDeskMembers(unit.trx, input.establishmentId),
    input.actor.id,
  );
  if (members.length === 0) return [];
  const userIds = members.map((member) => member.id);
  await insertNotifications(
    unit.trx,
    userIds.map((userId) => ({
      establishmentId: input.establishmentId,
      userId,
      incidentId: input.row.id,
      kind: 'mention',
      eventId: input.eventId,
      actorId: input.actor.id,
      at: unit.now,
    })),
  );
  const mention = {
    establishmentId: input.establishmentId,
    incidentId: input.row.id,
    reference: input.row.reference,
    authorName: input.actor.displayName,
    userIds,
  };
  unit.afterCommit((context) => mailMention(context, mention));
  return userIds;
}
