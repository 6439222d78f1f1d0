import type { Localized } from './localized.js';

export const SEVERITIES = ['N0', 'N1', 'N2', 'N3', 'N4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityWords {
  /** Level and name: « N3 · Élevé ». */
  readonly label: Localized;
  /** What the level means and the default posture (domain-rules §3.4), for a badge's description. */
  readonly definition: Localized;
}

/** The severity grid of domain-rules §3.4, in words a desk member can check a level against. */
export const SEVERITY_WORDS: Readonly<Record<Severity, SeverityWords>> = {
  N0: {
    label: { fr: 'N0 · Veille', en: 'N0 · Watch' },
    definition: {
      fr: 'Message licite, neutre ou positif : remercier sans confirmer de soins, journaliser.',
      en: 'Lawful, neutral or positive message: thank without confirming any care, log it.',
    },
  },
  N1: {
    label: { fr: 'N1 · Faible', en: 'N1 · Low' },
    definition: {
      fr: 'Critique isolée, sans donnée personnelle : réponse générique et réorientation facultatives, surveiller.',
      en: 'Isolated criticism without personal data: optional generic reply and redirection, monitor.',
    },
  },
  N2: {
    label: { fr: 'N2 · Modéré', en: 'N2 · Moderate' },
    definition: {
      fr: 'Rumeur qui circule, propos d’un agent dénigrant le service sans donnée de patient : qualifier dans la journée, corriger ou informer.',
      en: 'A rumour spreading, staff denigrating the service without patient data: qualify within the day, correct or inform.',
    },
  },
  N3: {
    label: { fr: 'N3 · Élevé', en: 'N3 · High' },
    definition: {
      fr: 'Patient identifiable, diffamation d’une personne nommée, presse locale : alerter direction, juridique et DPO ; retrait et notification.',
      en: 'Identifiable patient, defamation of a named person, local press: alert management, legal and the DPO; takedown and notice.',
    },
  },
  N4: {
    label: { fr: 'N4 · Critique', en: 'N4 · Critical' },
    definition: {
      fr: 'Menace, divulgation d’adresse, appel à la violence, compte piraté, médias nationaux : cellule de crise, sécurité, police ou PHAROS.',
      en: 'Threat, doxxing, call to violence, hacked account, national media: crisis unit, security, police or PHAROS.',
    },
  },
};
