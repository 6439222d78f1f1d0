import {
  type Connector,
  ConnectorError,
  type MetricsRequest,
  type PostMetrics,
  type PublishRequest,
  type PublishResult,
} from '../connector.js';
import {
  callNetwork,
  callWithToken,
  isPermanentRefusal,
  type NetworkAnswer,
  trustedUploadUrl,
} from '../http-call.js';
import { toLittleText } from './little-text.js';

/**
 * The LinkedIn-Version header, in one place: LinkedIn sunsets each monthly version about a year
 * after it (shared/reference/social-networks.md §5.3). Move it forward when it nears its end.
 */
export const LINKEDIN_VERSION = '202611';

/** Every call to the versioned API (Rest.li 2.0). */
const VERSION_HEADERS = { 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0' };

/** « Content is a duplicate of urn:li:share:… »: LinkedIn names the post it already has. */
const DUPLICATE_OF = /duplicate of (urn:li:(?:share|ugcPost):\d+)/iu;

/**
 * Publishes on a LinkedIn organisation page (account: identifier = the organisation's numeric
 * id, secret = an access token with w_organization_social, service = https://api.linkedin.com).
 * Each photo is registered (POST /rest/images?action=initializeUpload), its bytes sent to the
 * upload address given, then the post is created (POST /rest/posts) with one image or a
 * multi-image, each with its alt text. The commentary is escaped as little text.
 *
 * LinkedIn refuses a second post with the same content and names the first (422,
 * DUPLICATE_POST): after an attempt that may have gone through, that is the post it made, and it
 * is taken as published; on a first attempt the text is refused (an older post says the same).
 *
 * Tested against answers written from LinkedIn's documentation (recorded/), not against LinkedIn.
 */
export function createLinkedinConnector(fetchImpl: typeof fetch = fetch): Connector {
  return {
    network: 'linkedin',
    async publish(request: PublishRequest): Promise<PublishResult> {
      const author = `urn:li:organization:${request.account.identifier}`;
      const call = (path: string, json: object) =>
        callWithToken(fetchImpl, 'LinkedIn', {
          method: 'POST',
          url: new URL(path, request.account.serviceUrl),
          token: request.account.secret,
          json,
          headers: VERSION_HEADERS,
          signal: request.signal,
        });

      const images: { id: string; altText: string }[] = [];
      for (const photo of request.media) {
        const initialised = await call('/rest/images?action=initializeUpload', {
          initializeUploadRequest: { owner: author },
        });
        const value = initialised.body.value as Record<string, unknown> | undefined;
        if (
          initialised.status !== 200 ||
          typeof value?.uploadUrl !== 'string' ||
          typeof value.image !== 'string'
        )
          throw failure(initialised);
        // The token goes only to LinkedIn (or the account's own server): never to an address
        // an answer could point anywhere.
        if (!trustedUploadUrl(value.uploadUrl, request.account.serviceUrl, 'linkedin.com'))
          throw new ConnectorError('adresse de dépôt d’image inattendue dans la réponse de LinkedIn', true);
        const uploaded = await callNetwork(fetchImpl, 'LinkedIn', value.uploadUrl, {
          method: 'PUT',
          headers: { authorization: `Bearer ${request.account.secret}`, 'content-type': photo.mediaType },
          body: new Uint8Array(photo.bytes),
          signal: request.signal,
        });
        if (uploaded.status !== 200 && uploaded.status !== 201) throw failure(uploaded);
        images.push({ id: value.image, altText: photo.altText });
      }

      const created = await call('/rest/posts', {
        author,
        commentary: toLittleText(request.text),
        visibility: 'PUBLIC',
        distribution: {
          feedDistribution: 'MAIN_FEED',
          targetEntities: [],
          thirdPartyDistributionChannels: [],
        },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
        ...contentOf(images),
      });
      const urn = created.headers.get('x-restli-id');
      if (created.status === 201 && urn !== null) return result(urn);
      const duplicate = created.status === 422 ? DUPLICATE_OF.exec(messageOf(created)) : null;
      // Only after an attempt that may have gone through: otherwise the post LinkedIn names is
      // an older one with the same text, and ours did not go out.
      if (duplicate?.[1] !== undefined && request.mayAlreadyExist) return result(duplicate[1]);
      if (duplicate?.[1] !== undefined)
        throw new ConnectorError(
          'LinkedIn refuse ce texte : la page a déjà publié exactement le même. Modifiez-le pour le publier à nouveau.',
          true,
        );
      throw failure(created);
    },

    /**
     * Likes and comments of the post (GET /rest/socialActions/{urn}). LinkedIn gives shares and
     * impressions only through the organisation's statistics, with another permission: null here.
     */
    async readMetrics(request: MetricsRequest): Promise<PostMetrics> {
      const answer = await callWithToken(fetchImpl, 'LinkedIn', {
        method: 'GET',
        url: new URL(
          `/rest/socialActions/${encodeURIComponent(request.externalId)}`,
          request.account.serviceUrl,
        ),
        token: request.account.secret,
        headers: VERSION_HEADERS,
        signal: request.signal,
      });
      if (answer.status === 404)
        throw new ConnectorError('publication introuvable sur LinkedIn (supprimée ?)', true);
      if (answer.status !== 200) throw failure(answer);
      const likes = (answer.body.likesSummary as { totalLikes?: unknown } | undefined)?.totalLikes;
      const comments = (answer.body.commentsSummary as { aggregatedTotalComments?: unknown } | undefined)
        ?.aggregatedTotalComments;
      return {
        likes: typeof likes === 'number' ? likes : null,
        comments: typeof comments === 'number' ? comments : null,
        shares: null,
        impressions: null,
      };
    },
  };
}

function contentOf(images: readonly { id: string; altText: string }[]): object {
  if (images.length === 0) return {};
  if (images.length === 1) return { content: { media: images[0] } };
  return { content: { multiImage: { images } } };
}

function result(urn: string): PublishResult {
  return { externalId: urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
}

function messageOf(answer: NetworkAnswer): string {
  return typeof answer.body.message === 'string' ? answer.body.message : '';
}

function failure(answer: NetworkAnswer): ConnectorError {
  const message = messageOf(answer);
  return new ConnectorError(
    `publication refusée par LinkedIn (${answer.status})${message ? ` : ${message}` : ''}`,
    isPermanentRefusal(answer.status),
  );
}
