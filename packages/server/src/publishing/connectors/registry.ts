import type { PublishingNetwork } from '@blouse/contract';
import { createBlueskyConnector } from './bluesky/bluesky-connector.js';
import type { Connector } from './connector.js';
import { createMastodonConnector } from './mastodon/mastodon-connector.js';

/** The networks this server publishes to; tests bring their own. Others wait for their connector. */
export type ConnectorRegistry = ReadonlyMap<PublishingNetwork, Connector>;

export const CONNECTOR_REGISTRY: ConnectorRegistry = new Map<PublishingNetwork, Connector>([
  ['bluesky', createBlueskyConnector()],
  ['mastodon', createMastodonConnector()],
]);
