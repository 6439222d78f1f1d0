import type { Role } from '../db/schema.js';
import { CATEGORY_LABELS, type IncidentCategory, PHAROS_CATEGORIES } from './categories.js';

/** The options of domain-rules §3.3 step 6 (they can be combined). */
export const DECISION_KINDS = [
  'ignore',
  'monitor',
  'answer_publicly',
  'move_to_private',
  'correct',
  'ask_author_removal',
  'platform_notice',
  'pharos',
  'complaint',
  'protection_fonctionnelle',
  'cnil_notification',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS: Readonly<Record<DecisionKind, string>> = {
  ignore: 'Ignorer (journaliser seulement)',
  monitor: 'Surveiller',
  answer_publicly: 'Répondre publiquement',
  move_to_private: 'Répondre en privé / réorienter',
  correct: 'Corriger / informer',
  ask_author_removal: 'Demander le retrait à l’auteur',
  platform_notice: 'Signaler à la plateforme (DSA art. 16)',
  pharos: 'Signaler à PHAROS',
  complaint: 'Action en justice / plainte',
  protection_fonctionnelle: 'Protection fonctionnelle',
  cnil_notification: 'Notification de violation à la CNIL',
};

/**
 * The legal department (and the DPO, who holds the legal role) records the legal decisions;
 * the communication director records any decision.
 */
const LEGAL_DECISIONS: ReadonlySet<DecisionKind> = new Set([
  'complaint',
  'pharos',
  'platform_notice',
  'protection_fonctionnelle',
  'cnil_notification',
]);

export function mayRecordDecision(role: Role, kind: DecisionKind): boolean {
  if (role === 'communication') return true;
  if (role === 'legal') return LEGAL_DECISIONS.has(kind);
  return false;
}

export interface DecisionRequest {
  readonly kind: DecisionKind;
  readonly note?: string | undefined;
  readonly targetStaffName?: string | undefined;
  readonly targetStaffUserId?: string | undefined;
}

/** Why a decision cannot be taken for this category, in French, or null when it can. */
export function decisionRefusal(request: DecisionRequest, category: IncidentCategory): string | null {
  if (request.kind === 'pharos' && !PHAROS_CATEGORIES.has(category)) {
    return (
      `PHAROS ne traite que les menaces, les appels à la violence, la mise en danger d’autrui et les contenus haineux ; ` +
      `un incident classé « ${CATEGORY_LABELS[category]} » relève du service juridique (plainte, droit de réponse, ` +
      `signalement à la plateforme).`
    );
  }
  if (
    request.kind === 'protection_fonctionnelle' &&
    (request.targetStaffName ?? '').trim() === '' &&
    request.targetStaffUserId === undefined
  ) {
    return 'La protection fonctionnelle est accordée à un agent : indiquez le nom ou le compte de l’agent visé.';
  }
  return null;
}
