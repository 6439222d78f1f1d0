import { AtpAgent, RichText } from '@atproto/api';
import {
  type Connector,
  ConnectorError,
  type MetricsRequest,
  type PostMetrics,
  type PublishRequest,
  type PublishResult,
} from '../connector.js';
import { recordKeyFor } from './record-key.js';

const COLLECTION = 'app.bsky.feed.post';

/**
 * Publishes on Bluesky through the account's PDS (an app password, never the account's own).
 * Links and hashtags become facets, photos an images embed with their alt text; the record key is derived from the publication, so a retry
 * finds the post it already made (getRecord) instead of posting twice.
 */
export function createBlueskyConnector(): Connector {
  return {
    network: 'bluesky',
    async publish(request: PublishRequest): Promise<PublishResult> {
      const agent = new AtpAgent({ service: request.account.serviceUrl });
      try {
        await agent.login({ identifier: request.account.identifier, password: request.account.secret });
      } catch (error) {
        throw classify(error, 'connexion au compte Bluesky refusée');
      }
      const session = agent.session;
      if (session === undefined) throw new ConnectorError('connexion au compte Bluesky sans session', false);
      const rkey = recordKeyFor(request.idempotencyKey, request.scheduledAt);
      const url = `https://bsky.app/profile/${session.handle}/post/${rkey}`;
      const existing = await findRecord(agent, session.did, rkey);
      if (existing !== null) return { externalId: existing, url };
      const text = new RichText({ text: request.text });
      text.detectFacetsWithoutResolution();
      const images = [];
      for (const item of request.media) {
        try {
          const uploaded = await agent.uploadBlob(item.bytes, { encoding: item.mediaType });
          images.push({ image: uploaded.data.blob, alt: item.altText });
        } catch (error) {
          throw classify(error, 'photo refusée par Bluesky');
        }
      }
      try {
        const created = await agent.com.atproto.repo.createRecord({
          repo: session.did,
          collection: COLLECTION,
          rkey,
          record: {
            $type: COLLECTION,
            text: text.text,
            ...(text.facets === undefined ? {} : { facets: text.facets }),
            ...(images.length === 0 ? {} : { embed: { $type: 'app.bsky.embed.images', images } }),
            langs: ['fr'],
            createdAt: new Date().toISOString(),
          },
        });
        return { externalId: created.data.uri, url };
      } catch (error) {
        // Another attempt may have made it in between: then it is the post we wanted.
        const made = await findRecord(agent, session.did, rkey);
        if (made !== null) return { externalId: made, url };
        throw classify(error, 'publication refusée par Bluesky');
      }
    },

    /**
     * Likes, reposts (with quotes) and replies from the AppView, asked through the account's PDS
     * (app.bsky.feed.getPosts). Bluesky counts no impressions.
     */
    async readMetrics(request: MetricsRequest): Promise<PostMetrics> {
      const agent = new AtpAgent({ service: request.account.serviceUrl });
      try {
        await agent.login({ identifier: request.account.identifier, password: request.account.secret });
        const found = await agent.app.bsky.feed.getPosts({ uris: [request.externalId] });
        const post = found.data.posts[0];
        if (post === undefined)
          throw new ConnectorError('publication introuvable sur Bluesky (supprimée ?)', true);
        return {
          likes: post.likeCount ?? 0,
          shares: (post.repostCount ?? 0) + (post.quoteCount ?? 0),
          comments: post.replyCount ?? 0,
          impressions: null,
        };
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        throw classify(error, 'statistiques Bluesky illisibles');
      }
    },
  };
}

async function findRecord(agent: AtpAgent, did: string, rkey: string): Promise<string | null> {
  try {
    const found = await agent.com.atproto.repo.getRecord({ repo: did, collection: COLLECTION, rkey });
    return found.data.uri;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 404) return null;
    throw classify(error, 'lecture du compte Bluesky impossible');
  }
}

/** Refused credentials and invalid posts are permanent; the rest (network, 5xx, 429) is retried. */
function classify(error: unknown, what: string): ConnectorError {
  const status = (error as { status?: number }).status;
  const detail = error instanceof Error ? error.message : String(error);
  const permanent = status === 400 || status === 401 || status === 403;
  return new ConnectorError(`${what} (${status ?? 'réseau'}) : ${detail}`, permanent);
}
