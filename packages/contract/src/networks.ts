import type { Localized } from './localized.js';

/** Where a reported message was seen, as stored (lower-case ids). */
export const NETWORKS = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'linkedin',
  'youtube',
  'bluesky',
  'mastodon',
  'threads',
  'google_reviews',
  'doctolib',
  'forum',
  'press',
  'other',
] as const;
export type Network = (typeof NETWORKS)[number];

/** The names people know; brand names stay as the brands write them. */
export const NETWORK_LABELS: Readonly<Record<Network, Localized>> = {
  facebook: { fr: 'Facebook', en: 'Facebook' },
  instagram: { fr: 'Instagram', en: 'Instagram' },
  x: { fr: 'X (anciennement Twitter)', en: 'X (formerly Twitter)' },
  tiktok: { fr: 'TikTok', en: 'TikTok' },
  linkedin: { fr: 'LinkedIn', en: 'LinkedIn' },
  youtube: { fr: 'YouTube', en: 'YouTube' },
  bluesky: { fr: 'Bluesky', en: 'Bluesky' },
  mastodon: { fr: 'Mastodon', en: 'Mastodon' },
  threads: { fr: 'Threads', en: 'Threads' },
  google_reviews: { fr: 'Avis Google', en: 'Google reviews' },
  doctolib: { fr: 'Doctolib', en: 'Doctolib' },
  forum: { fr: 'Forum', en: 'Forum' },
  press: { fr: 'Presse en ligne', en: 'Online press' },
  other: { fr: 'autre réseau', en: 'other network' },
};

const isNetwork = (value: string): value is Network => Object.hasOwn(NETWORK_LABELS, value);

/**
 * A network's name for a person. An id not in the list (an older row that stored a free text)
 * is shown as it was typed rather than hidden.
 */
export function networkLabel(network: string, language: 'fr' | 'en' = 'fr'): string {
  const id = network.trim().toLowerCase();
  return isNetwork(id) ? NETWORK_LABELS[id][language] : network;
}
