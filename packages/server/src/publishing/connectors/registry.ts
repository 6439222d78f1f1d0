import type { PublishingNetwork } from '@blouse/contract';
import { createBlueskyConnector } from './bluesky/bluesky-connector.js';
import type { Connector } from './connector.js';
import { createFacebookConnector } from './facebook/facebook-connector.js';
import { createInstagramConnector } from './instagram/instagram-connector.js';
import { createLinkedinConnector } from './linkedin/linkedin-connector.js';
import { createMastodonConnector } from './mastodon/mastodon-connector.js';
import { createXConnector } from './x/x-connector.js';
import { createYoutubeConnector } from './youtube/youtube-connector.js';

/**
 * The networks this server publishes to; tests bring their own. TikTok waits for its connector
 * (and its audit: unaudited clients post privately only). Instagram fetches photos from
 * BLOUSE_PUBLIC_URL, which must be reachable from the internet for it to publish. Videos go to
 * YouTube, Facebook and Instagram (as a Reel) for now (supportsVideo).
 */
export type ConnectorRegistry = ReadonlyMap<PublishingNetwork, Connector>;

export const CONNECTOR_REGISTRY: ConnectorRegistry = new Map<PublishingNetwork, Connector>([
  ['bluesky', createBlueskyConnector()],
  ['mastodon', createMastodonConnector()],
  ['facebook', createFacebookConnector()],
  ['instagram', createInstagramConnector()],
  ['linkedin', createLinkedinConnector()],
  ['x', createXConnector()],
  ['youtube', createYoutubeConnector()],
]);
