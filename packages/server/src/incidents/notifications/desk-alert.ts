import type { Severity } from '../../db/schema.js';
import type { AppContext } from '../../http/context.js';
import { deliver } from '../../mail/deliver.js';
import { CATEGORY_LABELS, type IncidentCategory } from '../categories.js';
import { deskMemberEmails } from '../desk-members.js';

/** The severities that alert the whole desk by e-mail: serious and critical. */
export const ALERTING: ReadonlySet<Severity> = new Set(['N3', 'N4']);
const RANK: Readonly<Record<Severity, number>> = { N0: 0, N1: 1, N2: 2, N3: 3, N4: 4 };

/** Whether going from `before` (null: a new incident) to `after` must alert the desk. */
export function alertsDesk(before: Severity | null, after: Severity): boolean {
  return ALERTING.has(after) && (before === null || RANK[after] > RANK[before]);
}

export interface SevereIncident {
  readonly establishmentId: string;
  readonly incidentId: string;
  readonly reference: string;
  readonly severity: Severity;
  readonly category: IncidentCategory;
  /** Opened with this severity, or raised to it by a qualification. */
  readonly cause: 'opened' | 'raised';
}

/**
 * The e-mail to the desk: reference, severity, category and a link, nothing of the post, the
 * patient or the reporter (an e-mail leaves the hospital's systems). The link needs a sign-in.
 */
export function deskAlertMessage(publicUrl: string, incident: SevereIncident) {
  const level = incident.severity === 'N4' ? 'critique (N4)' : 'grave (N3)';
  const what =
    incident.cause === 'opened' ? 'Un incident vient d’être ouvert' : 'Un incident vient d’être requalifié';
  return {
    subject: `[Blouse] Incident ${incident.severity} : ${incident.reference}`,
    text: [
      'Bonjour,',
      '',
      `${what} avec une gravité ${level}.`,
      '',
      `Référence : ${incident.reference}`,
      `Gravité : ${incident.severity}`,
      `Catégorie : ${CATEGORY_LABELS[incident.category]}`,
      '',
      `Pour le traiter (connexion requise) : ${publicUrl}/incidents/${encodeURIComponent(incident.incidentId)}`,
      '',
      'Ce message ne contient volontairement aucun détail du contenu signalé.',
      '— Blouse, cellule incidents',
    ].join('\n'),
  };
}

/** Sends the alert to every active desk member of the establishment; after the commit. */
export async function alertDesk(context: AppContext, incident: SevereIncident): Promise<void> {
  const recipients = await deskMemberEmails(context.storage.db, incident.establishmentId);
  await deliver(context, {
    to: recipients.map((recipient) => recipient.email),
    ...deskAlertMessage(context.config.publicUrl, incident),
  });
}
