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
  searchFrom,
  trustedUploadUrl,
} from '../http-call.js';

/** « People & Blogs »: YouTube asks for a category; the channel's owner may change it after. */
const CATEGORY = '22';
/** Quota errors pass at midnight, Pacific time: retried. */
const TRANSIENT_REASONS = new Set([
  'quotaExceeded',
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'backendError',
]);

/**
 * Publishes the post's video on the establishment's YouTube channel with an OAuth token holding
 * youtube.upload (account: identifier = the channel id, secret = the token, service =
 * https://www.googleapis.com). A resumable upload (videos.insert): the video's title and
 * description first, then its bytes to the address YouTube gives. YouTube has no idempotency
 * key: when an earlier attempt may have gone through, the channel's latest uploads are read and a
 * video with the same title since an hour before the post was due is taken for it.
 *
 * Videos sent by an API project Google has not audited stay private until the audit: YouTube
 * says so in the answer (status.privacyStatus), and the desk sees it on the network.
 *
 * Tested against answers written from Google's documentation (recorded/), not against YouTube.
 */
export function createYoutubeConnector(fetchImpl: typeof fetch = fetch): Connector {
  return {
    network: 'youtube',
    supportsVideo: true,
    async publish(request: PublishRequest): Promise<PublishResult> {
      const video = request.media.find((item) => item.mediaType.startsWith('video/'));
      if (video === undefined) throw new ConnectorError('YouTube demande une vidéo : ajoutez-en une', true);
      const title = request.title?.trim() ?? '';
      const api = new YoutubeApi(fetchImpl, request.account, request.signal);
      if (request.mayAlreadyExist) {
        const existing = await api.findRecentUpload(title, request.scheduledAt);
        if (existing !== null) return existing;
      }
      const started = await api.call(
        'POST',
        '/upload/youtube/v3/videos',
        { uploadType: 'resumable', part: 'snippet,status' },
        {
          snippet: { title, description: request.text, categoryId: CATEGORY, defaultLanguage: 'fr' },
          status: { privacyStatus: 'public', selfDeclaredMadeForKids: false },
        },
        { 'x-upload-content-length': String(video.bytes.length), 'x-upload-content-type': video.mediaType },
      );
      const location = started.headers.get('location');
      if (started.status !== 200 || location === null) throw failure(started);
      if (!trustedUploadUrl(location, request.account.serviceUrl, 'googleapis.com'))
        throw new ConnectorError('adresse de dépôt de vidéo inattendue dans la réponse de YouTube', true);
      const uploaded = await callNetwork(fetchImpl, 'YouTube', location, {
        method: 'PUT',
        headers: { authorization: `Bearer ${request.account.secret}`, 'content-type': video.mediaType },
        body: new Uint8Array(video.bytes),
        signal: request.signal,
      });
      if ((uploaded.status === 200 || uploaded.status === 201) && typeof uploaded.body.id === 'string')
        return result(uploaded.body.id);
      throw failure(uploaded);
    },

    /** Views, likes and comments of the video (videos.list, part=statistics: counts as strings). */
    async readMetrics(request: MetricsRequest): Promise<PostMetrics> {
      const api = new YoutubeApi(fetchImpl, request.account, request.signal);
      const answer = await api.call('GET', '/youtube/v3/videos', {
        part: 'statistics',
        id: request.externalId,
      });
      if (answer.status !== 200) throw failure(answer);
      const item = (Array.isArray(answer.body.items) ? answer.body.items[0] : undefined) as
        | { statistics?: Record<string, unknown> }
        | undefined;
      if (item === undefined) throw new ConnectorError('vidéo introuvable sur YouTube (supprimée ?)', true);
      const count = (name: string) => {
        const value = Number(item.statistics?.[name]);
        return item.statistics?.[name] === undefined || !Number.isFinite(value) ? null : value;
      };
      return {
        likes: count('likeCount'),
        comments: count('commentCount'),
        shares: null,
        impressions: count('viewCount'),
      };
    },
  };
}

class YoutubeApi {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly account: PublishRequest['account'],
    private readonly signal: AbortSignal | undefined,
  ) {}

  call(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    json?: object,
    headers: Record<string, string> = {},
  ): Promise<NetworkAnswer> {
    return callWithToken(this.fetchImpl, 'YouTube', {
      method,
      url: new URL(path, this.account.serviceUrl),
      token: this.account.secret,
      query,
      ...(json === undefined ? {} : { json }),
      headers,
      signal: this.signal,
    });
  }

  /** The channel's upload with this title since an hour before the post was due, if any. */
  async findRecentUpload(title: string, scheduledAt: Date): Promise<PublishResult | null> {
    const channel = await this.call('GET', '/youtube/v3/channels', { part: 'contentDetails', mine: 'true' });
    if (channel.status !== 200) throw failure(channel);
    const uploads = (
      (Array.isArray(channel.body.items) ? channel.body.items[0] : undefined) as
        | { contentDetails?: { relatedPlaylists?: { uploads?: unknown } } }
        | undefined
    )?.contentDetails?.relatedPlaylists?.uploads;
    if (typeof uploads !== 'string') return null;
    const items = await this.call('GET', '/youtube/v3/playlistItems', {
      part: 'snippet',
      playlistId: uploads,
      maxResults: '25',
    });
    if (items.status !== 200) throw failure(items);
    const since = searchFrom(scheduledAt).getTime();
    for (const item of Array.isArray(items.body.items)
      ? (items.body.items as Record<string, unknown>[])
      : []) {
      const snippet = item.snippet as
        | { title?: unknown; publishedAt?: unknown; resourceId?: { videoId?: unknown } }
        | undefined;
      if (
        snippet?.title === title &&
        typeof snippet.publishedAt === 'string' &&
        Date.parse(snippet.publishedAt) >= since &&
        typeof snippet.resourceId?.videoId === 'string'
      )
        return result(snippet.resourceId.videoId);
    }
    return null;
  }
}

function result(id: string): PublishResult {
  return { externalId: id, url: `https://www.youtube.com/watch?v=${encodeURIComponent(id)}` };
}

function failure(answer: NetworkAnswer): ConnectorError {
  const error = (answer.body.error ?? {}) as { message?: unknown; errors?: { reason?: unknown }[] };
  const reason = error.errors?.[0]?.reason;
  const transient =
    !isPermanentRefusal(answer.status) || (typeof reason === 'string' && TRANSIENT_REASONS.has(reason));
  const message = typeof error.message === 'string' ? error.message : '';
  return new ConnectorError(
    `publication refusée par YouTube (${answer.status}${typeof reason === 'string' ? `, ${reason}` : ''})${message ? ` : ${message}` : ''}`,
    !transient,
  );
}
