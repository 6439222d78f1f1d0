import type { Localized } from './localized.js';

/**
 * The words of listening (« Veille »): where a mention was heard, what it is about, what the
 * watch terms are, and why an alert was raised. The server writes them in mails and titles, the
 * web app in badges, filters and settings: one name for each, in French and English.
 */

/** The kinds of source listening reads from (server: listening/incoming-post.ts SourceKind). */
export const LISTENING_SOURCE_KINDS = [
  'bluesky',
  'mastodon',
  'rss',
  'facebook',
  'instagram',
  'youtube',
  'linkedin',
  'import',
] as const;
export type ListeningSourceKind = (typeof LISTENING_SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Readonly<Record<ListeningSourceKind, Localized>> = {
  bluesky: { fr: 'Bluesky', en: 'Bluesky' },
  mastodon: { fr: 'Mastodon', en: 'Mastodon' },
  rss: { fr: 'Flux RSS ou Atom', en: 'RSS or Atom feed' },
  facebook: { fr: 'Facebook', en: 'Facebook' },
  instagram: { fr: 'Instagram', en: 'Instagram' },
  youtube: { fr: 'YouTube', en: 'YouTube' },
  linkedin: { fr: 'LinkedIn', en: 'LinkedIn' },
  import: { fr: 'Import de fichier', en: 'File import' },
};

/** What a mention is about, as the guard classifies it (server: listening/schemas.ts). */
export const MENTION_CATEGORIES = [
  'privacy_breach',
  'threat',
  'doxxing',
  'defamation',
  'complaint',
  'rumor',
  'question',
  'praise',
  'info',
] as const;
export type MentionCategory = (typeof MENTION_CATEGORIES)[number];

export const MENTION_CATEGORY_LABELS: Readonly<Record<MentionCategory, Localized>> = {
  privacy_breach: { fr: 'Atteinte au secret', en: 'Privacy breach' },
  threat: { fr: 'Menace', en: 'Threat' },
  doxxing: { fr: 'Divulgation d’informations personnelles', en: 'Doxxing' },
  defamation: { fr: 'Diffamation', en: 'Defamation' },
  complaint: { fr: 'Plainte', en: 'Complaint' },
  rumor: { fr: 'Rumeur', en: 'Rumour' },
  question: { fr: 'Question', en: 'Question' },
  praise: { fr: 'Éloge', en: 'Praise' },
  info: { fr: 'Information', en: 'Information' },
};

/** How a watch term is used by the matcher (server: listening/watch-terms). */
export const WATCH_TERM_KINDS = ['name', 'alias', 'service', 'hashtag', 'exclusion'] as const;
export type WatchTermKind = (typeof WATCH_TERM_KINDS)[number];

export const WATCH_TERM_KIND_LABELS: Readonly<Record<WatchTermKind, Localized>> = {
  name: { fr: 'Nom de l’établissement', en: 'Establishment name' },
  alias: { fr: 'Autre nom', en: 'Alias' },
  service: { fr: 'Service', en: 'Department' },
  hashtag: { fr: 'Mot-dièse', en: 'Hashtag' },
  exclusion: { fr: 'Exclusion', en: 'Exclusion' },
};

/** The guard's verdict on a heard post, as on a checked one. */
export const MENTION_VERDICTS = ['ok', 'warn', 'block'] as const;
export type MentionVerdict = (typeof MENTION_VERDICTS)[number];

export const MENTION_VERDICT_LABELS: Readonly<Record<MentionVerdict, Localized>> = {
  ok: { fr: 'Sans risque relevé', en: 'No risk found' },
  warn: { fr: 'À surveiller', en: 'Needs attention' },
  block: { fr: 'Grave', en: 'Serious' },
};

/** An alert is raised at once for one mention, or for a rise in volume. */
export const ALERT_TIERS = ['immediate', 'volume'] as const;
export type AlertTier = (typeof ALERT_TIERS)[number];

export const ALERT_TIER_LABELS: Readonly<Record<AlertTier, Localized>> = {
  immediate: { fr: 'Immédiate', en: 'Immediate' },
  volume: { fr: 'Volume', en: 'Volume' },
};

/** Why an alert was raised (server: listening/alerts/immediate.ts and volume.ts). */
export const ALERT_REASONS = [
  'privacy_breach',
  'threat',
  'doxxing',
  'press',
  'official',
  'high_reach',
  'volume',
] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

export const ALERT_REASON_LABELS: Readonly<Record<AlertReason, Localized>> = {
  privacy_breach: { fr: 'Atteinte au secret', en: 'Privacy breach' },
  threat: { fr: 'Menace', en: 'Threat' },
  doxxing: { fr: 'Divulgation d’informations personnelles', en: 'Doxxing' },
  press: { fr: 'Presse', en: 'Press' },
  official: { fr: 'Compte officiel', en: 'Official account' },
  high_reach: { fr: 'Forte audience', en: 'Large audience' },
  volume: { fr: 'Hausse du volume', en: 'Rise in volume' },
};

/** A label for a stored value, or the value itself when it is none of the list's (a newer kind). */
export function listeningLabel(
  labels: Readonly<Record<string, Localized>>,
  value: string,
  language: 'fr' | 'en' | string = 'fr',
): string {
  if (!Object.hasOwn(labels, value)) return value;
  const words = labels[value] as Localized;
  return language.startsWith('en') ? words.en : words.fr;
}
