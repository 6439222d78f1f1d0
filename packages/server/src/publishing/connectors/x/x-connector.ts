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

/** X's alt text limit (docs.x.com, media metadata): longer is cut at a word rather than refused. */
const MAX_ALT_TEXT = 1_000;

/**
 * Publishes a post on X with the account's OAuth 2.0 user access token (account: identifier =
 * the @handle without « @ », secret = the token, service = https://api.x.com). Photos are
 * uploaded first (POST /2/media/upload, category tweet_image), each given its alt text
 * (POST /2/media/metadata), then the post is created (POST /2/tweets).
 *
 * X has no idempotency key and refuses the same text twice (403, « duplicate content »): when
 * an earlier attempt may have gone through, or X says duplicate, the account's recent posts are
 * read (GET /2/users/me, then /2/users/{id}/tweets since an hour before the post was due) and
 * the same text is taken for the post already made. Links are compared as links, since X shows
 * them as t.co addresses.
 *
 * Tested against answers written from X's documentation (recorded/), not against X's servers.
 */
export function createXConnector(fetchImpl: typeof fetch = fetch): Connector {
  return {
    network: 'x',
    async publish(request: PublishRequest): Promise<PublishResult> {
      const api = new XApi(fetchImpl, request);
      if (request.mayAlreadyExist) {
        const existing = await api.findRecentPost();
        if (existing !== null) return existing;
      }
      const mediaIds: string[] = [];
      for (const photo of request.media) mediaIds.push(await api.uploadPhoto(photo));
      const created = await api.call('POST', '/2/tweets', {
        text: request.text,
        ...(mediaIds.length === 0 ? {} : { media: { media_ids: mediaIds } }),
      });
      const data = created.body.data as Record<string, unknown> | undefined;
      if (created.status === 201 && typeof data?.id === 'string') return api.result(data.id);
      if (created.status === 403 && /duplicate/iu.test(detailOf(created))) {
        const existing = await api.findRecentPost();
        if (existing !== null) return existing;
      }
      throw failure(created);
    },

    /** The post's public metrics (GET /2/tweets/{id}?tweet.fields=public_metrics). */
    async readMetrics(request: MetricsRequest): Promise<PostMetrics> {
      const answer = await callWithToken(fetchImpl, 'X', {
        method: 'GET',
        url: new URL(`/2/tweets/${encodeURIComponent(request.externalId)}`, request.account.serviceUrl),
        token: request.account.secret,
        query: { 'tweet.fields': 'public_metrics' },
        signal: request.signal,
      });
      const data = answer.body.data as { public_metrics?: Record<string, unknown> } | undefined;
      if (answer.status !== 200 || data === undefined) {
        // X answers 200 with only « errors » for a post it no longer has.
        if (answer.status === 200)
          throw new ConnectorError('publication introuvable sur X (supprimée ?)', true);
        throw failure(answer);
      }
      const metric = (name: string) => {
        const value = data.public_metrics?.[name];
        return typeof value === 'number' ? value : null;
      };
      const reposts = metric('retweet_count');
      const quotes = metric('quote_count');
      return {
        likes: metric('like_count'),
        shares: reposts === null && quotes === null ? null : (reposts ?? 0) + (quotes ?? 0),
        comments: metric('reply_count'),
        impressions: metric('impression_count'),
      };
    },
  };
}

class XApi {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly request: PublishRequest,
  ) {}

  call(method: 'GET' | 'POST', path: string, json?: object, query: Record<string, string> = {}) {
    return callWithToken(this.fetchImpl, 'X', {
      method,
      url: new URL(path, this.request.account.serviceUrl),
      token: this.request.account.secret,
      query,
      ...(json === undefined ? {} : { json }),
      signal: this.request.signal,
    });
  }

  async uploadPhoto(photo: PublishRequest['media'][number]): Promise<string> {
    const form = new FormData();
    form.append('media_category', 'tweet_image');
    form.append('media', new Blob([new Uint8Array(photo.bytes)], { type: photo.mediaType }), 'photo');
    const uploaded = await callWithToken(this.fetchImpl, 'X', {
      method: 'POST',
      url: new URL('/2/media/upload', this.request.account.serviceUrl),
      token: this.request.account.secret,
      form,
      signal: this.request.signal,
    });
    const data = uploaded.body.data as Record<string, unknown> | undefined;
    if (uploaded.status !== 200 || typeof data?.id !== 'string') throw failure(uploaded);
    const described = await this.call('POST', '/2/media/metadata', {
      id: data.id,
      metadata: { alt_text: { text: shorten(photo.altText, MAX_ALT_TEXT) } },
    });
    if (described.status !== 200) throw failure(described);
    return data.id;
  }

  /** The account's post with this text since an hour before it was due, if any. */
  async findRecentPost(): Promise<PublishResult | null> {
    const me = await this.call('GET', '/2/users/me');
    const user = me.body.data as Record<string, unknown> | undefined;
    if (me.status !== 200 || typeof user?.id !== 'string') throw failure(me);
    const recent = await this.call('GET', `/2/users/${encodeURIComponent(user.id)}/tweets`, undefined, {
      start_time: searchFrom(this.request.scheduledAt).toISOString(),
      max_results: '100',
      'tweet.fields': 'created_at',
    });
    if (recent.status !== 200) throw failure(recent);
    const posts = Array.isArray(recent.body.data) ? (recent.body.data as Record<string, unknown>[]) : [];
    const same = posts.find(
      (post) => typeof post.text === 'string' && samePostText(post.text, this.request.text),
    );
    return same === undefined || typeof same.id !== 'string' ? null : this.result(same.id);
  }

  result(id: string): PublishResult {
    const handle = encodeURIComponent(this.request.account.identifier.replace(/^@/u, ''));
    return { externalId: id, url: `https://x.com/${handle}/status/${encodeURIComponent(id)}` };
  }
}

function shorten(text: string, max: number): string {
  const characters = [...text];
  if (characters.length <= max) return text;
  const cut = characters.slice(0, max - 1).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

function detailOf(answer: NetworkAnswer): string {
  const { detail, title } = answer.body;
  return [title, detail].filter((part) => typeof part === 'string').join(' : ');
}

function failure(answer: NetworkAnswer): ConnectorError {
  const detail = detailOf(answer);
  const reset = answer.headers.get('x-rate-limit-reset');
  const when =
    answer.status === 429 && reset !== null && /^\d+$/u.test(reset)
      ? ` (quota rétabli à ${new Date(Number(reset) * 1000).toISOString()})`
      : '';
  return new ConnectorError(
    `publication refusée par X (${answer.status})${detail ? ` : ${detail}` : ''}${when}`,
    isPermanentRefusal(answer.status),
  );
}
