import type { Category as GuardCategory } from '@blouse/guard';

/**
 * What the desk files an incident as (domain-rules §3.3 step 3, "What type?"). Stable ids: they
 * are stored, filtered on and translated by the web app.
 */
export const INCIDENT_CATEGORIES = [
  'complaint',
  'question',
  'rumour',
  'health_disinformation',
  'secret_breach',
  'image_breach',
  'defamation',
  'insult',
  'harassment',
  'threat',
  'doxxing',
  'incitement',
  'impersonation',
  'hate',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<IncidentCategory, string>> = {
  complaint: 'Plainte ou critique',
  question: 'Question',
  rumour: 'Rumeur ou fausse information',
  health_disinformation: 'Désinformation en santé',
  secret_breach: 'Atteinte au secret (données de patient)',
  image_breach: 'Atteinte au droit à l’image',
  defamation: 'Diffamation',
  insult: 'Injure',
  harassment: 'Harcèlement',
  threat: 'Menaces',
  doxxing: 'Divulgation d’informations permettant de localiser une personne',
  incitement: 'Appel à la violence',
  impersonation: 'Usurpation d’identité ou compte piraté',
  hate: 'Haine ou discrimination',
  other: 'Autre',
};

/**
 * What PHAROS takes (domain-rules §3.3 step 6): threats, incitement to violence, endangerment
 * (doxxing, C. pén. 223-1-1) and hate. Not defamation or insult: those go to a lawyer.
 */
export const PHAROS_CATEGORIES: ReadonlySet<IncidentCategory> = new Set([
  'threat',
  'incitement',
  'doxxing',
  'hate',
]);

/** Categories whose offences fall under the press law's 3-month prescription (loi 1881 art. 65). */
export const PRESS_LAW_CATEGORIES: ReadonlySet<IncidentCategory> = new Set(['defamation', 'insult']);

/** The category the desk would start from, given what the guard found in the excerpt. */
export function proposeCategory(
  guardCategory: GuardCategory | null,
  rules: readonly string[],
): IncidentCategory {
  const found = new Set(rules);
  switch (guardCategory) {
    case 'THREAT':
      // The guard files threats and pile-ons against a person (HARASS-01) here.
      return 'threat';
    case 'DOXXING':
      return 'doxxing';
    case 'DEFAMATION':
      return 'defamation';
    case 'PRIVACY_BREACH':
      return rules.some((rule) => rule.startsWith('SECRET-')) || !found.has('IMAGE-01')
        ? 'secret_breach'
        : 'image_breach';
    case 'RUMOR':
      return 'rumour';
    case 'COMPLAINT':
      return found.has('RESPECT-01') ? 'insult' : 'complaint';
    case 'QUESTION':
      return 'question';
    default:
      return found.has('RESPECT-01') ? 'insult' : 'other';
  }
}
