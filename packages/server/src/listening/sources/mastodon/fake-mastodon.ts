import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../../../test-support/loopback-http.js';

/**
 * A status exactly as Mastodon serialises it (snake_case JSON), see recordings/README.md; typed
 * here only as far as the fake and the tests touch it.
 */
export interface RawStatus {
  id: string;
  uri: string;
  url: string | null;
  created_at: string;
  content: string;
  visibility: string;
  reblog: RawStatus | null;
  tags: { name: string; url: string }[];
  account: { acct: string; followers_count: number; [attribute: string]: unknown };
  [attribute: string]: unknown;
}

export interface RecordedError {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type RecordedErrorName =
  | 'invalid_token'
  | 'rate_limited'
  | 'search_pagination_without_token'
  | 'unavailable_json'
  | 'bad_gateway_html';

/** Read from the source tree at run time: the recordings serve the tests, never the build. */
function recording<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./recordings/${name}`, import.meta.url), 'utf8')) as T;
}

const recordedStatuses = recording<RawStatus[]>('statuses.json');
export const recordedErrors = recording<Record<RecordedErrorName, RecordedError>>('errors.json');

/** What the next request gets instead of its answer, to test the source's failures. */
export type Fault =
  | { kind: 'recorded'; name: RecordedErrorName }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  | { kind: 'not-a-list' };

export interface FakeMastodon extends LoopbackServer {
  /** A new status on the instance (newest last), as a later poll should find it. */
  publish(status: RawStatus): void;
  /** The next request (any route) fails this way. */
  failNext(fault: Fault): void;
  /** The statuses created through POST /api/v1/statuses, oldest first. */
  posted(): RawStatus[];
}

export function recordedStatusList(): RawStatus[] {
  return structuredClone(recordedStatuses);
}

/**
 * A loopback stand-in for the Mastodon endpoints the source and the publishing connector call:
 * POST /api/v1/statuses (a token required, `Idempotency-Key` honoured as documented, 500
 * characters at most, JSON body) and the two the source reads, serving the recorded
 * statuses unchanged, with Mastodon's rules: hashtag timelines hold public, non-reblog statuses
 * carrying the tag; search looks for the words in public and unlisted statuses; lists are newest
 * first, `limit` defaults to 20 and stops at 40; `max_id`/`since_id`/`min_id` and the `Link`
 * header work as https://docs.joinmastodon.org/api/guidelines/#pagination says. A token, when
 * sent, must be `accessToken`; anonymous search may not page with `offset`.
 */
export async function startFakeMastodon(
  options: { accessToken?: string; statuses?: RawStatus[] } = {},
): Promise<FakeMastodon> {
  const statuses = [...(options.statuses ?? recordedStatusList())];
  const faults: Fault[] = [];
  const posted: RawStatus[] = [];
  const byKey = new Map<string, RawStatus>();
  const server = await startLoopbackServer((request, response, url) => {
    const fault = faults.shift();
    if (fault !== undefined) return sendFault(response, fault);
    const token = bearer(request);
    if (token !== undefined && token !== options.accessToken) return sendRecorded(response, 'invalid_token');
    const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && tag?.[1] !== undefined) {
      const name = decodeURIComponent(tag[1]).toLowerCase();
      const listed = statuses.filter(
        (status) =>
          status.reblog === null &&
          status.visibility === 'public' &&
          status.tags.some((candidate) => candidate.name.toLowerCase() === name),
      );
      return sendPage(response, url, listed);
    }
    if (request.method === 'GET' && url.pathname === '/api/v2/search') {
      if (token === undefined && url.searchParams.has('offset'))
        return sendRecorded(response, 'search_pagination_without_token');
      const words = fold(url.searchParams.get('q') ?? '');
      const wanted = url.searchParams.get('type');
      const found =
        wanted !== null && wanted !== 'statuses'
          ? []
          : statuses.filter(
              (status) =>
                status.reblog === null &&
                (status.visibility === 'public' || status.visibility === 'unlisted') &&
                words !== '' &&
                fold(status.content).includes(words),
            );
      const offset = Math.max(0, Number(url.searchParams.get('offset') ?? '0') || 0);
      const statusesFound = paginate(url, found, { offset, minIdTakesOldest: false });
      return sendJson(response, 200, { accounts: [], statuses: statusesFound, hashtags: [] });
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/statuses') {
      if (token === undefined) return sendRecorded(response, 'invalid_token');
      return readBody(request).then((body) => {
        // Mastodon keeps an Idempotency-Key for an hour: the same key gives back the same status.
        const key = request.headers['idempotency-key'];
        const earlier = typeof key === 'string' ? byKey.get(key) : undefined;
        if (earlier !== undefined) return sendJson(response, 200, earlier);
        const text = typeof body.status === 'string' ? body.status : '';
        if (text.trim() === '')
          return sendJson(response, 422, { error: 'Validation failed: Text can’t be blank' });
        if ([...text].length > 500)
          return sendJson(response, 422, {
            error: 'Validation failed: Text character limit of 500 exceeded',
          });
        const id = String(110_000_000_000_000_000n + BigInt(posted.length + 1));
        const created: RawStatus = {
          ...(structuredClone(recordedStatuses[0]) as RawStatus),
          id,
          uri: `${url.origin}/users/chu/statuses/${id}`,
          url: `${url.origin}/@chu/${id}`,
          created_at: new Date().toISOString(),
          content: `<p>${escapeHtml(text)}</p>`,
          visibility: typeof body.visibility === 'string' ? body.visibility : 'public',
          reblog: null,
          tags: [],
          // A new status has drawn nothing yet.
          favourites_count: 0,
          reblogs_count: 0,
          replies_count: 0,
        };
        posted.push(created);
        statuses.push(created);
        if (typeof key === 'string') byKey.set(key, created);
        sendJson(response, 200, created);
      });
    }
    const one = /^\/api\/v1\/statuses\/(\d+)$/u.exec(url.pathname);
    if (request.method === 'GET' && one !== null) {
      // GET /api/v1/statuses/:id (docs.joinmastodon.org/methods/statuses/#get): the status with
      // its counts; « Record not found » once it is gone.
      const found = statuses.find((status) => status.id === one[1]);
      return found === undefined
        ? sendJson(response, 404, { error: 'Record not found' })
        : sendJson(response, 200, found);
    }
    sendJson(response, 404, { error: 'Record not found' });
  });
  return {
    ...server,
    publish: (status) => statuses.push(status),
    posted: () => [...posted],
    failNext: (fault) => faults.push(fault),
  };
}

function sendPage(response: ServerResponse, url: URL, listed: RawStatus[]): void {
  const page = paginate(url, listed);
  const headers: Record<string, string> = {};
  const newest = page[0];
  const oldest = page.at(-1);
  if (newest !== undefined && oldest !== undefined) {
    const link = (param: 'max_id' | 'min_id', id: string): string => {
      const target = new URL(url.pathname, url);
      const limit = url.searchParams.get('limit');
      if (limit !== null) target.searchParams.set('limit', limit);
      target.searchParams.set(param, id);
      return target.toString();
    };
    headers.link = `<${link('max_id', oldest.id)}>; rel="next", <${link('min_id', newest.id)}>; rel="prev"`;
  }
  sendJson(response, 200, page, headers);
}

/**
 * Mastodon's paging over a list: newest first, bounded by ids. In timelines `min_id` takes the
 * statuses just above it (the oldest ones); search applies it as a bound only, then `offset`.
 */
function paginate(
  url: URL,
  all: RawStatus[],
  { offset, minIdTakesOldest }: { offset: number; minIdTakesOldest: boolean } = {
    offset: 0,
    minIdTakesOldest: true,
  },
): RawStatus[] {
  const limit = Math.min(40, Math.max(1, Number(url.searchParams.get('limit') ?? '20') || 20));
  const maxId = url.searchParams.get('max_id');
  const sinceId = url.searchParams.get('since_id');
  const minId = url.searchParams.get('min_id');
  const newestFirst = [...all]
    .filter((status) => maxId === null || compareIds(status.id, maxId) < 0)
    .filter((status) => sinceId === null || compareIds(status.id, sinceId) > 0)
    .filter((status) => minId === null || compareIds(status.id, minId) > 0)
    .sort((a, b) => compareIds(b.id, a.id))
    .slice(offset);
  return minId !== null && minIdTakesOldest ? newestFirst.slice(-limit) : newestFirst.slice(0, limit);
}

function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function fold(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length) : undefined;
}

function sendRecorded(response: ServerResponse, name: RecordedErrorName): void {
  const recorded = recordedErrors[name];
  response.writeHead(recorded.status, recorded.headers);
  response.end(recorded.body);
}

function sendFault(response: ServerResponse, fault: Fault): void {
  switch (fault.kind) {
    case 'recorded':
      sendRecorded(response, fault.name);
      break;
    case 'hang':
      break; // never answers: the client's timeout must end it
    case 'malformed-json':
      sendJson(response, 200, '[{"id":"1", "uri": ');
      break;
    case 'not-a-list':
      sendJson(response, 200, { error: 'pas une liste' });
  }
}

/**
 * A recorded status as masto.js hands it to the source: masto turns every key to camelCase
 * (`spoiler_text` → `spoilerText`), values untouched. For the tests of the mapping alone.
 */
export function asMastoHandsOver(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asMastoHandsOver);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
      asMastoHandsOver(inner),
    ]),
  );
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&#39;')
    .replace(/"/g, '&quot;');
}
