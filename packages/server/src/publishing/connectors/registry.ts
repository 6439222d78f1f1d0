import type { PublishingNetwork } from '@blouse/contract';
import { createBlueskyConnector } from './bluesky/bluesky-connector.js';
import type { Connector } from './connector.js';
import { createFacebookConnector } from './facebook/facebook-connector.js';
import { createLinkedinConnector } from './linkedin/linkedin-connector.js';
import { createMastodonConnector } from './mastodon/mastodon-connector.js';
import { createXConnector } from './x/x-connector.js';

/**
 * The networks this server publishes to; tests bring their own. Instagram waits for photos on a
 * public address (Meta fetches them itself); YouTube and TikTok for videos.
 */
export type ConnectorRegistry = ReadonlyMap<PublishingNetwork, Connector>;

export const CONNECTOR_REGISTRY: ConnectorRegistry = new Map<PublishingNetwork, Connector>([
  ['bluesky', createBlueskyConnector()],
  ['mastodon', createMastodonConnector()],
  ['facebook', createFacebookConnector()],
  ['linkedin', createLinkedinConnector()],
  ['x', createXConnector()],
]);
