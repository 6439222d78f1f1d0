import {
  type Connector,
  ConnectorError,
  type MetricsRequest,
  type PostMetrics,
  type PublishRequest,
  type PublishResult,
} from '../connector.js';
import { callNetwork, isTransientStatus } from '../http-call.js';

/** A publication waits this long for the instance before it is retried. */
const TIMEOUT_MS = 30_000;

/**
 * Publishes a public status on the establishment's Mastodon instance with its access token.
 * Mastodon keeps an `Idempotency-Key` for an hour (docs.joinmastodon.org, POST
 * /api/v1/statuses): a retry within the hour gets the status already made. Photos are not sent
 * yet (Mastodon uploads them asynchronously, POST /api/v2/media then polling): a post with photos
 * is refused, so that it is never published without them.
 */
export function createMastodonConnector(fetchImpl: typeof fetch = fetch): Connector {
  return {
    network: 'mastodon',
    async publish(request: PublishRequest): Promise<PublishResult> {
      if (request.media.length > 0)
        throw new ConnectorError(
          'les photos ne sont pas encore publiées sur Mastodon : retirez-les de cette variante',
          true,
        );
      let response: Response;
      try {
        response = await fetchImpl(new URL('/api/v1/statuses', request.account.serviceUrl), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${request.account.secret}`,
            'content-type': 'application/json',
            'idempotency-key': request.idempotencyKey,
          },
          body: JSON.stringify({ status: request.text, visibility: 'public', language: 'fr' }),
          signal: request.signal ?? AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new ConnectorError(`instance Mastodon injoignable : ${(error as Error).message}`, false);
      }
      const body = (await response.json().catch(() => ({}))) as {
        id?: unknown;
        url?: unknown;
        uri?: unknown;
        error?: unknown;
      };
      if (!response.ok) {
        // 401/403: the token; 422: the instance refuses the post. 429 and 5xx pass with time.
        const permanent = response.status === 401 || response.status === 403 || response.status === 422;
        throw new ConnectorError(
          `publication refusée par Mastodon (${response.status}) : ${String(body.error ?? '')}`,
          permanent,
        );
      }
      if (typeof body.id !== 'string')
        throw new ConnectorError('réponse de Mastodon sans identifiant de publication', false);
      const url = typeof body.url === 'string' ? body.url : typeof body.uri === 'string' ? body.uri : '';
      return { externalId: body.id, url };
    },

    /** Favourites, boosts and replies of the status (GET /api/v1/statuses/:id). */
    async readMetrics(request: MetricsRequest): Promise<PostMetrics> {
      const answer = await callNetwork(
        fetchImpl,
        'Mastodon',
        new URL(`/api/v1/statuses/${encodeURIComponent(request.externalId)}`, request.account.serviceUrl),
        {
          method: 'GET',
          headers: { authorization: `Bearer ${request.account.secret}` },
          signal: request.signal,
        },
      );
      if (answer.status !== 200)
        throw new ConnectorError(
          answer.status === 404
            ? 'publication introuvable sur Mastodon (supprimée ?)'
            : `statistiques Mastodon illisibles (${answer.status})`,
          !isTransientStatus(answer.status),
        );
      const count = (name: string) =>
        typeof answer.body[name] === 'number' ? (answer.body[name] as number) : null;
      return {
        likes: count('favourites_count'),
        shares: count('reblogs_count'),
        comments: count('replies_count'),
        impressions: null,
      };
    },
  };
}
