import { formatFr } from '@blouse/buzz';
import type { NewMention } from '../new-mention.js';
import { displayHandle } from './display-handle.js';

/** Why a single mention alerts at once, most serious first. */
export const IMMEDIATE_REASONS = [
  'privacy_breach',
  'threat',
  'doxxing',
  'press',
  'official',
  'high_reach',
] as const;
export type ImmediateReason = (typeof IMMEDIATE_REASONS)[number];

/** Followers from which an author's mention alerts at once, unless the establishment says otherwise. */
export const DEFAULT_REACH_THRESHOLD = 10_000;
/** Alerts of one reason within this time group into the first one: one mail, not twenty. */
export const DEFAULT_COOLDOWN_MINUTES = 30;

export interface ImmediateSettings {
  readonly reachThreshold: number;
  readonly cooldownMinutes: number;
}

/**
 * Rules whose « block » means a patient is exposed (the same families severity.ts treats as
 * patient data): a blocked post under one of them is a breach whatever its category.
 */
function isBreachRule(rule: string): boolean {
  return rule.startsWith('SECRET-') || ['IMAGE-01', 'IMAGE-02', 'IMAGE-05', 'MOD-01'].includes(rule);
}

/** The reason a mention alerts at once, or null: it then only counts for the volume tier. */
export function immediateReason(mention: NewMention, settings: ImmediateSettings): ImmediateReason | null {
  const breach =
    mention.category === 'privacy_breach' ||
    (mention.verdict === 'block' &&
      mention.findings.some((finding) => finding.severity === 'block' && isBreachRule(finding.rule)));
  if (breach) return 'privacy_breach';
  if (mention.category === 'threat') return 'threat';
  if (mention.category === 'doxxing') return 'doxxing';
  if (mention.authorKind === 'press') return 'press';
  if (mention.authorKind === 'official') return 'official';
  if (mention.reach !== null && mention.reach >= settings.reachThreshold) return 'high_reach';
  return null;
}

const HEADS: Readonly<Record<ImmediateReason, string>> = {
  privacy_breach: 'Atteinte au secret : une publication expose un patient',
  threat: 'Menace : une publication menace l’établissement ou une personne',
  doxxing: 'Divulgation : une publication donne de quoi localiser une personne',
  press: 'Presse : un média parle de l’établissement',
  official: 'Compte officiel : une institution parle de l’établissement',
  high_reach: 'Forte audience : un compte très suivi parle de l’établissement',
};

/** The reason's name alone, for a mail's subject. */
export const REASON_LABELS: Readonly<Record<string, string>> = {
  privacy_breach: 'Atteinte au secret',
  threat: 'Menace',
  doxxing: 'Divulgation d’informations personnelles',
  press: 'Presse',
  official: 'Compte officiel',
  high_reach: 'Forte audience',
  volume: 'Hausse du volume',
};

/**
 * « Atteinte au secret : une publication expose un patient (@handle, 12 400 abonnés) ». Names the
 * author and the reach, never the post's words: the explanation travels by mail and webhook.
 */
export function explainImmediate(reason: ImmediateReason, mention: NewMention, grouped: number): string {
  const who: string[] = [];
  if (mention.authorHandle !== null) who.push(displayHandle(mention.authorHandle));
  if (mention.reach !== null) who.push(`${formatFr(mention.reach)} abonné${mention.reach > 1 ? 's' : ''}`);
  const author = who.length === 0 ? '' : ` (${who.join(', ')})`;
  const more = grouped > 1 ? ` ; ${grouped} publications de ce type en peu de temps` : '';
  return `${HEADS[reason]}${author}${more}.`;
}
