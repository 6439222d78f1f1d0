import type { PublishingNetwork } from '@blouse/contract';

/** The account a connector publishes with, its secret opened for this call only. */
export interface ConnectorAccount {
  readonly serviceUrl: string;
  readonly identifier: string;
  readonly secret: string;
}

export interface PublishRequest {
  readonly account: ConnectorAccount;
  readonly text: string;
  readonly title: string | null;
  /**
   * The same for every attempt at one publication: a connector must use it so that the network
   * refuses a second copy (Bluesky's record key, Mastodon's Idempotency-Key header), or check
   * for it before publishing where the network has no such thing.
   */
  readonly idempotencyKey: string;
  /**
   * The photos, metadata already stripped, each with its alternative text; with an address the
   * network may fetch it from for an hour when the connector asks for one (needsPublicMedia).
   */
  readonly media: readonly {
    readonly mediaType: string;
    readonly bytes: Buffer;
    readonly altText: string;
    readonly publicUrl?: string;
  }[];
  /** When the post was due, for connectors whose idempotent id is time-ordered (Bluesky's TID). */
  readonly scheduledAt: Date;
  /**
   * True when an earlier attempt at this publication may have reached the network (it ran and
   * did not record an outcome). A connector for a network with no idempotency key (Facebook, X)
   * then looks for the post among the account's recent ones before publishing again.
   */
  readonly mayAlreadyExist?: boolean;
  readonly signal?: AbortSignal;
}

export interface PublishResult {
  /** The network's id of the post (Bluesky: its at:// URI). */
  readonly externalId: string;
  /** Where a person sees it. */
  readonly url: string;
}

/** A post's engagement as its network counts it; null where the network gives no such figure. */
export interface PostMetrics {
  readonly likes: number | null;
  readonly shares: number | null;
  readonly comments: number | null;
  readonly impressions: number | null;
}

export interface MetricsRequest {
  readonly account: ConnectorAccount;
  /** The network's id of the post, as publish() returned it. */
  readonly externalId: string;
  readonly signal?: AbortSignal;
}

/**
 * One network's publishing API behind one shape. Per-network facts (limits, media) are data in
 * @blouse/contract; what is here is only how to talk to the network.
 */
export interface Connector {
  readonly network: PublishingNetwork;
  /** The network downloads photos itself from an address (Instagram) instead of taking uploads. */
  readonly needsPublicMedia?: boolean;
  /** This connector can publish a post's MP4 video (others refuse a draft that carries one). */
  readonly supportsVideo?: boolean;
  publish(request: PublishRequest): Promise<PublishResult>;
  /**
   * The post's engagement now, where the API gives it (for the analytics). A post the network no
   * longer has (deleted on the network) is a permanent ConnectorError.
   */
  readMetrics?(request: MetricsRequest): Promise<PostMetrics>;
}

/**
 * A failure a connector understood. `permanent` failures (refused credentials, a post the
 * network rejects) are not retried; others (network down, rate limit, 5xx) are, with back-off.
 */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
