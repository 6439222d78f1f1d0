import { eventKindLabel } from '@blouse/contract';
import { CATEGORY_LABELS, type IncidentCategory } from '../categories.js';
import { DECISION_LABELS, type DecisionKind } from '../decisions.js';
import { STATUS_LABELS } from '../workflow.js';

const status = (value: unknown): string =>
  typeof value === 'string' && value in STATUS_LABELS
    ? STATUS_LABELS[value as keyof typeof STATUS_LABELS]
    : String(value);
const category = (value: unknown): string =>
  typeof value === 'string' && value in CATEGORY_LABELS
    ? CATEGORY_LABELS[value as IncidentCategory]
    : String(value ?? '');

/** One line of the case file's history, in French, from a stored incident event. */
export function describeEvent(kind: string, detail: Readonly<Record<string, unknown>>): string {
  switch (kind) {
    case 'created':
      return `Ouverture de l’incident (gravité proposée ${String(detail.proposedSeverity ?? '?')}, catégorie proposée « ${category(detail.proposedCategory)} »)`;
    case 'qualification':
      return `Qualification : gravité ${String(detail.severity ?? '?')}, catégorie « ${category(detail.category)} »`;
    case 'transition':
      return `Changement d’état : « ${status(detail.from)} » → « ${status(detail.to)} »`;
    case 'decision': {
      const decision = detail.decision as DecisionKind;
      return `Décision : ${DECISION_LABELS[decision] ?? String(decision)}`;
    }
    case 'owner':
      return detail.to === null ? 'Responsable retiré' : 'Responsable désigné';
    case 'dates':
      return 'Dates de publication ou de prise de connaissance modifiées';
    case 'comment':
      return `Commentaire : ${String(detail.text ?? '')}`;
    case 'evidence':
      return `Preuve scellée (SHA-256 ${String(detail.sha256 ?? '')})`;
    case 'notice_edited':
      return 'Notification à la plateforme (DSA art. 16) modifiée';
    case 'notice_sent':
      return `Notification à la plateforme envoyée (${String(detail.channel ?? '')}, le ${String(detail.sentAt ?? '')})`;
    default:
      return eventKindLabel(kind);
  }
}
