import type { PublishingNetwork } from './network-rules.js';

/**
 * Where each network's publishing API answers, offered when an account is connected (an
 * establishment may point elsewhere: its own Mastodon instance, a self-hosted Bluesky PDS).
 * Mastodon has no default: every instance is its own server.
 */
export const DEFAULT_SERVICE_URLS: Readonly<Record<PublishingNetwork, string>> = {
  facebook: 'https://graph.facebook.com',
  instagram: 'https://graph.facebook.com',
  linkedin: 'https://api.linkedin.com',
  x: 'https://api.x.com',
  youtube: 'https://www.googleapis.com',
  tiktok: 'https://open.tiktokapis.com',
  bluesky: 'https://bsky.social',
  mastodon: 'https://',
};
