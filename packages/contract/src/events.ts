import type { Localized } from './localized.js';

/**
 * What each kind of incident event is called in the history. Modules that record a new kind
 * add its words here; an unknown kind reads « Événement », never its id.
 */
export const EVENT_KIND_LABELS = {
  created: { fr: 'Incident créé', en: 'Incident opened' },
  qualification: { fr: 'Qualification', en: 'Qualification' },
  transition: { fr: 'Changement d’étape', en: 'Status change' },
  decision: { fr: 'Décision', en: 'Decision' },
  owner: { fr: 'Responsable', en: 'Owner' },
  dates: { fr: 'Dates', en: 'Dates' },
  comment: { fr: 'Commentaire', en: 'Comment' },
  evidence: { fr: 'Preuve scellée', en: 'Evidence sealed' },
  notice_edited: { fr: 'Notification modifiée', en: 'Notice edited' },
  notice_sent: { fr: 'Notification envoyée', en: 'Notice sent' },
} as const satisfies Readonly<Record<string, Localized>>;
export type EventKind = keyof typeof EVENT_KIND_LABELS;

export const UNKNOWN_EVENT_LABEL: Localized = { fr: 'Événement', en: 'Event' };

export function eventKindLabel(kind: string, language: 'fr' | 'en' = 'fr'): string {
  const words = Object.hasOwn(EVENT_KIND_LABELS, kind)
    ? EVENT_KIND_LABELS[kind as EventKind]
    : UNKNOWN_EVENT_LABEL;
  return words[language];
}
