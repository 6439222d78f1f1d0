import type { AppContext } from '../../http/context.js';
import { deliver } from '../../mail/deliver.js';
import { deskMemberEmails } from '../desk-members.js';

export interface Mention {
  readonly establishmentId: string;
  readonly incidentId: string;
  readonly reference: string;
  readonly authorName: string;
  readonly userIds: readonly string[];
}

/**
 * The e-mail to people mentioned in a comment: who, which incident, a link. Not the comment: it
 * may quote the post, and an e-mail leaves the hospital's systems.
 */
export function mentionMessage(publicUrl: string, mention: Mention) {
  return {
    subject: `[Blouse] ${mention.authorName} vous a mentionné : ${mention.reference}`,
    text: [
      'Bonjour,',
      '',
      `${mention.authorName} vous a mentionné dans un commentaire de l’incident ${mention.reference}.`,
      '',
      `Pour le lire (connexion requise) : ${publicUrl}/incidents/${encodeURIComponent(mention.incidentId)}`,
      '',
      '— Blouse, cellule incidents',
    ].join('\n'),
  };
}

/** After the commit: the e-mail, when mail is configured, to the mentioned members still at the desk. */
export async function mailMention(context: AppContext, mention: Mention): Promise<void> {
  const recipients = await deskMemberEmails(context.storage.db, mention.establishmentId, mention.userIds);
  await deliver(context, {
    to: recipients.map((recipient) => recipient.email),
    ...mentionMessage(context.config.publicUrl, mention),
  });
}
