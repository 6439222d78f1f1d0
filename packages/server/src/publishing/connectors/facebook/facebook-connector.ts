import {
  type Connector,
  ConnectorError,
  type MetricsRequest,
  type PostMetrics,
  type PublishRequest,
  type PublishResult,
} from '../connector.js';
import {
  callWithToken,
  isPermanentRefusal,
  type NetworkAnswer,
  samePostText,
  searchFrom,
} from '../http-call.js';

/** The Graph API version, in one place: Meta retires versions about two years after release. */
export const GRAPH_API_VERSION = 'v23.0';

/**
 * Graph API error codes (developers.facebook.com/docs/graph-api/guides/error-handling): those
 * that pass with time (throttling, temporary errors) are retried; the others (a token expired
 * or revoked, a missing permission, a refused post) need a person.
 */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613]);
/** « Duplicate status message »: the Page already shows this text. */
const DUPLICATE_CODE = 506;

/**
 * Publishes on a Facebook Page with its Page access token (account: identifier = the Page id,
 * secret = the token, service = https://graph.facebook.com). Text goes to POST /{page}/feed;
 * photos are first uploaded unpublished (POST /{page}/photos, published=false, with their alt
 * text) and attached to the feed post. The Graph API has no idempotency key: when an earlier
 * attempt may have gone through, the Page's recent posts are read first and the same text is
 * taken for the post already made.
 *
 * Tested against responses written from Meta's documentation (recorded/), not against Meta's
 * servers, which cannot be reached from here.
 */
export function createFacebookConnector(fetchImpl: typeof fetch = fetch): Connector {
  return {
    network: 'facebook',
    supportsVideo: true,
    async publish(request: PublishRequest): Promise<PublishResult> {
      const graph = new Graph(fetchImpl, request);
      if (request.mayAlreadyExist) {
        const existing = await graph.findRecentPost();
        if (existing !== null) return existing;
      }
      const video = request.media.find((item) => item.mediaType.startsWith('video/'));
      if (video !== undefined) return graph.uploadVideo(video, request.text);
      const photoIds: string[] = [];
      for (const photo of request.media) photoIds.push(await graph.uploadUnpublishedPhoto(photo));
      const posted = await graph.call('POST', `${graph.page}/feed`, {
        message: request.text,
        ...(photoIds.length === 0 ? {} : { attached_media: photoIds.map((id) => ({ media_fbid: id })) }),
      });
      if (posted.status === 200 && typeof posted.body.id === 'string')
        return graph.withPermalink(posted.body.id);
      if (graphError(posted).code === DUPLICATE_CODE) {
        const existing = await graph.findRecentPost();
        if (existing !== null) return existing;
      }
      throw failure(posted);
    },

    /** Reactions, comments and shares of the post (GET /{post-id} with their summaries). */
    async readMetrics(request: MetricsRequest): Promise<PostMetrics> {
      const answer = await callWithToken(fetchImpl, 'Facebook', {
        method: 'GET',
        url: new URL(
          `/${GRAPH_API_VERSION}/${encodeURIComponent(request.externalId)}`,
          request.account.serviceUrl,
        ),
        token: request.account.secret,
        query: {
          fields: 'reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares',
        },
        signal: request.signal,
      });
      if (answer.status !== 200) throw failure(answer);
      const total = (field: unknown) => {
        const summary = (field as { summary?: { total_count?: unknown } } | undefined)?.summary;
        return typeof summary?.total_count === 'number' ? summary.total_count : null;
      };
      const shares = (answer.body.shares as { count?: unknown } | undefined)?.count;
      return {
        likes: total(answer.body.reactions),
        comments: total(answer.body.comments),
        // Facebook leaves « shares » out of a post nobody shared.
        shares: typeof shares === 'number' ? shares : 0,
        impressions: null,
      };
    },
  };
}

class Graph {
  readonly page: string;
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly request: PublishRequest,
  ) {
    this.page = encodeURIComponent(request.account.identifier);
  }

  url(path: string): URL {
    return new URL(`/${GRAPH_API_VERSION}/${path}`, this.request.account.serviceUrl);
  }

  call(method: 'GET' | 'POST', path: string, json?: object, query: Record<string, string> = {}) {
    const { secret, serviceUrl } = this.request.account;
    return callWithToken(this.fetchImpl, 'Facebook', {
      method,
      url: new URL(`/${GRAPH_API_VERSION}/${path}`, serviceUrl),
      token: secret,
      query,
      ...(json === undefined ? {} : { json }),
      signal: this.request.signal,
    });
  }

  /** A multipart upload (photos, videos) to one of the Page's edges. */
  upload(edge: string, form: FormData) {
    return callWithToken(this.fetchImpl, 'Facebook', {
      method: 'POST',
      url: this.url(`${this.page}/${edge}`),
      token: this.request.account.secret,
      form,
      signal: this.request.signal,
    });
  }

  async uploadUnpublishedPhoto(photo: PublishRequest['media'][number]): Promise<string> {
    const form = new FormData();
    form.append('published', 'false');
    form.append('alt_text_custom', photo.altText);
    form.append('source', new Blob([new Uint8Array(photo.bytes)], { type: photo.mediaType }), 'photo');
    const answer = await this.upload('photos', form);
    if (answer.status === 200 && typeof answer.body.id === 'string') return answer.body.id;
    throw failure(answer);
  }

  /** A video post: the file and its text in one call (POST /{page}/videos); it shows in the feed. */
  async uploadVideo(video: PublishRequest['media'][number], text: string): Promise<PublishResult> {
    const form = new FormData();
    form.append('description', text);
    form.append('source', new Blob([new Uint8Array(video.bytes)], { type: video.mediaType }), 'video.mp4');
    const answer = await this.upload('videos', form);
    if (answer.status === 200 && typeof answer.body.id === 'string')
      return {
        externalId: answer.body.id,
        url: `https://www.facebook.com/${this.page}/videos/${encodeURIComponent(answer.body.id)}/`,
      };
    throw failure(answer);
  }

  /** The Page's post with this text made since an hour before it was due, if any. */
  async findRecentPost(): Promise<PublishResult | null> {
    const since = Math.floor(searchFrom(this.request.scheduledAt).getTime() / 1000);
    const answer = await this.call('GET', `${this.page}/feed`, undefined, {
      fields: 'id,message,created_time,permalink_url',
      since: String(since),
      limit: '50',
    });
    if (answer.status !== 200) throw failure(answer);
    const posts = Array.isArray(answer.body.data) ? (answer.body.data as Record<string, unknown>[]) : [];
    const same = posts.find(
      (post) => typeof post.message === 'string' && samePostText(post.message, this.request.text),
    );
    if (same === undefined || typeof same.id !== 'string') return null;
    return {
      externalId: same.id,
      url: typeof same.permalink_url === 'string' ? same.permalink_url : fallbackUrl(same.id),
    };
  }

  /** The post's address as Facebook gives it; its id-based address if that read fails. */
  async withPermalink(id: string): Promise<PublishResult> {
    const answer = await this.call('GET', encodeURIComponent(id), undefined, {
      fields: 'permalink_url',
    }).catch(() => null);
    const permalink = answer?.body.permalink_url;
    return { externalId: id, url: typeof permalink === 'string' ? permalink : fallbackUrl(id) };
  }
}

function fallbackUrl(id: string): string {
  return `https://www.facebook.com/${encodeURIComponent(id)}`;
}

interface GraphError {
  readonly code: number | null;
  readonly message: string;
  readonly transient: boolean;
}

function graphError(answer: NetworkAnswer): GraphError {
  const error = (answer.body.error ?? {}) as Record<string, unknown>;
  return {
    code: typeof error.code === 'number' ? error.code : null,
    message: typeof error.message === 'string' ? error.message : '',
    transient: error.is_transient === true,
  };
}

function failure(answer: NetworkAnswer): ConnectorError {
  const error = graphError(answer);
  const transient =
    !isPermanentRefusal(answer.status) ||
    error.transient ||
    (error.code !== null && TRANSIENT_CODES.has(error.code));
  return new ConnectorError(
    `publication refusée par Facebook (${answer.status}${error.code === null ? '' : `, code ${error.code}`})${error.message ? ` : ${error.message}` : ''}`,
    !transient,
  );
}
