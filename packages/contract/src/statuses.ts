import type { Localized } from './localized.js';

/** The desk's workflow steps (domain-rules §3.3), as stored. */
export const INCIDENT_STATUSES = ['new', 'qualified', 'decided', 'responded', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface StatusWords {
  /** The status's name, the same in the desk's list, its detail page and the reporter's view. */
  readonly label: Localized;
  /** What it means, for a tooltip or a reporter who does not know the desk's workflow. */
  readonly description: Localized;
}

/**
 * One vocabulary for statuses. The reporter's view says the same word as the desk, with the
 * description beside it rather than a different wording.
 */
export const STATUS_WORDS: Readonly<Record<IncidentStatus, StatusWords>> = {
  new: {
    label: { fr: 'Nouveau', en: 'New' },
    description: {
      fr: 'Reçu, pas encore examiné par la cellule.',
      en: 'Received, not yet examined by the desk.',
    },
  },
  qualified: {
    label: { fr: 'Qualifié', en: 'Qualified' },
    description: {
      fr: 'La cellule a confirmé la gravité et la nature du message ; la conduite à tenir reste à décider.',
      en: 'The desk has confirmed the severity and nature of the message; what to do is yet to be decided.',
    },
  },
  decided: {
    label: { fr: 'Décidé', en: 'Decided' },
    description: {
      fr: 'La conduite à tenir est décidée ; sa mise en œuvre est en cours.',
      en: 'What to do has been decided and is being carried out.',
    },
  },
  responded: {
    label: { fr: 'Répondu', en: 'Responded' },
    description: {
      fr: 'Une réponse ou une action a été menée.',
      en: 'A response or an action has been carried out.',
    },
  },
  closed: {
    label: { fr: 'Clos', en: 'Closed' },
    description: {
      fr: 'Le traitement est terminé.',
      en: 'Handling is over.',
    },
  },
};

/** Before an incident exists (a report just filed): the reporter sees this. */
export const RECEIVED_WORDS: StatusWords = {
  label: { fr: 'Reçu', en: 'Received' },
  description: { fr: 'Le signalement est enregistré.', en: 'The report is recorded.' },
};
