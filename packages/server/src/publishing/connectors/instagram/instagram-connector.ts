import {
  type Connector,
  ConnectorError,
  type MetricsRequest,
  type PostMetrics,
  type PublishRequest,
  type PublishResult,
} from '../connector.js';
import { GRAPH_API_VERSION } from '../facebook/facebook-connector.js';
import {
  callWithToken,
  isPermanentRefusal,
  type NetworkAnswer,
  samePostText,
  searchFrom,
} from '../http-call.js';

/** Graph API codes that pass with time (throttling, temporary errors, the daily publishing cap). */
const TRANSIENT_CODES = new Set([1, 2, 4, 9, 17, 32, 341, 613]);

export interface InstagramTiming {
  /** Between two looks at a container still being processed. */
  readonly pollMs: number;
  /** Looks before giving up for now (the job retries later). */
  readonly polls: number;
}

const DEFAULT_TIMING: InstagramTiming = { pollMs: 2_000, polls: 15 };

/**
 * Publishes on an Instagram professional account through the Graph API (account: identifier =
 * the Instagram user id, secret = a token with instagram_content_publish, service =
 * https://graph.facebook.com). Instagram takes no upload: Meta fetches each photo from an
 * address (the signed hour-long link of public-media-link.ts). A container is made per photo
 * (with its alt text), grouped in a carousel when there are several, then published once
 * processed (status_code FINISHED). Instagram has no idempotency key: when an earlier attempt
 * may have gone through, the account's recent media are read and the same caption is taken for
 * the post already made.
 *
 * Tested against answers written from Meta's documentation (recorded/), not against Meta.
 */
export function createInstagramConnector(
  fetchImpl: typeof fetch = fetch,
  timing: InstagramTiming = DEFAULT_TIMING,
): Connector {
  return {
    network: 'instagram',
    needsPublicMedia: true,
    supportsVideo: true,
    async publish(request: PublishRequest): Promise<PublishResult> {
      const graph = new InstagramGraph(fetchImpl, request.account, request.signal);
      if (request.mayAlreadyExist) {
        const existing = await graph.findRecentMedia(request.text, request.scheduledAt);
        if (existing !== null) return existing;
      }
      if (request.media.length === 0)
        throw new ConnectorError('Instagram demande une photo : ajoutez-en une à la publication', true);
      const user = graph.user;
      const video = request.media.find((item) => item.mediaType.startsWith('video/'));
      if (video !== undefined) {
        // Single videos are Reels on Instagram (since 2023), shown in the feed too.
        if (video.publicUrl === undefined)
          throw new ConnectorError('vidéo sans adresse publique pour Instagram', true);
        const reel = await graph.container({
          media_type: 'REELS',
          video_url: video.publicUrl,
          caption: request.text,
          share_to_feed: true,
        });
        await graph.waitUntilFinished(reel, timing);
        const published = await graph.call('POST', `${user}/media_publish`, { creation_id: reel });
        if (published.status !== 200 || typeof published.body.id !== 'string') throw failure(published);
        return graph.withPermalink(published.body.id);
      }
      const carousel = request.media.length > 1;
      const children: string[] = [];
      for (const photo of request.media) {
        if (photo.publicUrl === undefined)
          throw new ConnectorError('photo sans adresse publique pour Instagram', true);
        children.push(
          await graph.container({
            image_url: photo.publicUrl,
            alt_text: photo.altText,
            ...(carousel ? { is_carousel_item: true } : { caption: request.text }),
          }),
        );
      }
      const container = carousel
        ? await graph.container({
            media_type: 'CAROUSEL',
            children: children.join(','),
            caption: request.text,
          })
        : (children[0] as string);
      await graph.waitUntilFinished(container, timing);
      const published = await graph.call('POST', `${user}/media_publish`, { creation_id: container });
      if (published.status !== 200 || typeof published.body.id !== 'string') throw failure(published);
      return graph.withPermalink(published.body.id);
    },

    /** Likes and comments of the media (GET /{media-id}?fields=like_count,comments_count). */
    async readMetrics(request: MetricsRequest): Promise<PostMetrics> {
      const graph = new InstagramGraph(fetchImpl, request.account, request.signal);
      const answer = await graph.call('GET', encodeURIComponent(request.externalId), undefined, {
        fields: 'like_count,comments_count',
      });
      if (answer.status !== 200) throw failure(answer);
      const count = (name: string) =>
        typeof answer.body[name] === 'number' ? (answer.body[name] as number) : null;
      return {
        likes: count('like_count'),
        comments: count('comments_count'),
        shares: null,
        impressions: null,
      };
    },
  };
}

class InstagramGraph {
  readonly user: string;
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly account: PublishRequest['account'],
    private readonly signal: AbortSignal | undefined,
  ) {
    this.user = encodeURIComponent(account.identifier);
  }

  call(method: 'GET' | 'POST', path: string, json?: object, query: Record<string, string> = {}) {
    return callWithToken(this.fetchImpl, 'Instagram', {
      method,
      url: new URL(`/${GRAPH_API_VERSION}/${path}`, this.account.serviceUrl),
      token: this.account.secret,
      query,
      ...(json === undefined ? {} : { json }),
      signal: this.signal,
    });
  }

  async container(fields: Record<string, string | boolean>): Promise<string> {
    const answer = await this.call('POST', `${this.user}/media`, fields);
    if (answer.status !== 200 || typeof answer.body.id !== 'string') throw failure(answer);
    return answer.body.id;
  }

  /** Meta fetches and processes the photos: publishing before FINISHED is refused. */
  async waitUntilFinished(container: string, timing: InstagramTiming): Promise<void> {
    for (let look = 0; look < timing.polls; look++) {
      const answer = await this.call('GET', encodeURIComponent(container), undefined, {
        fields: 'status_code,status',
      });
      if (answer.status !== 200) throw failure(answer);
      const status = answer.body.status_code;
      if (status === 'FINISHED' || status === 'PUBLISHED') return;
      if (status === 'ERROR' || status === 'EXPIRED')
        throw new ConnectorError(
          `Instagram n’a pas pu traiter la photo (${String(status)}${typeof answer.body.status === 'string' ? ` : ${answer.body.status}` : ''})`,
          status === 'ERROR',
        );
      await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
    }
    throw new ConnectorError('Instagram traite encore la photo : nouvel essai plus tard', false);
  }

  async findRecentMedia(caption: string, scheduledAt: Date): Promise<PublishResult | null> {
    const answer = await this.call('GET', `${this.user}/media`, undefined, {
      fields: 'id,caption,permalink,timestamp',
      since: String(Math.floor(searchFrom(scheduledAt).getTime() / 1000)),
      limit: '25',
    });
    if (answer.status !== 200) throw failure(answer);
    const items = Array.isArray(answer.body.data) ? (answer.body.data as Record<string, unknown>[]) : [];
    const same = items.find(
      (item) => typeof item.caption === 'string' && samePostText(item.caption, caption),
    );
    if (same === undefined || typeof same.id !== 'string') return null;
    return {
      externalId: same.id,
      url: typeof same.permalink === 'string' ? same.permalink : 'https://www.instagram.com/',
    };
  }

  async withPermalink(id: string): Promise<PublishResult> {
    const answer = await this.call('GET', encodeURIComponent(id), undefined, { fields: 'permalink' }).catch(
      () => null,
    );
    const permalink = answer?.body.permalink;
    return { externalId: id, url: typeof permalink === 'string' ? permalink : 'https://www.instagram.com/' };
  }
}

function failure(answer: NetworkAnswer): ConnectorError {
  const error = (answer.body.error ?? {}) as Record<string, unknown>;
  const code = typeof error.code === 'number' ? error.code : null;
  const message =
    typeof error.error_user_msg === 'string'
      ? error.error_user_msg
      : typeof error.message === 'string'
        ? error.message
        : '';
  const transient =
    !isPermanentRefusal(answer.status) ||
    error.is_transient === true ||
    (code !== null && TRANSIENT_CODES.has(code));
  return new ConnectorError(
    `publication refusée par Instagram (${answer.status}${code === null ? '' : `, code ${code}`})${message ? ` : ${message}` : ''}`,
    !transient,
  );
}
