import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FeedError } from './feed-error.js';
import { assertPublicLiteralHost, publicOnlyLookup } from './public-address.js';

/** What one poll may cost, and whether private networks may be reached (tests, intranets). */
export interface FetchLimits {
  readonly allowPrivateNetwork: boolean;
  /** For the whole poll: every redirection, the headers and the body. */
  readonly timeoutMs: number;
  /** Bytes of the body once decompressed (a compressed bomb is stopped at the same size). */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
}

/** The validators of the last answer, sent back so that an unchanged feed costs a 304. */
export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FeedResponse =
  | { readonly kind: 'not_modified' }
  | {
      readonly kind: 'fetched';
      readonly body: Buffer;
      readonly contentType: string | null;
      readonly validators: Validators;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Validators longer than this are not kept (they would only bloat the stored cursor). */
const MAX_VALIDATOR_LENGTH = 1000;
const MAX_URL_LENGTH = 2000;

/**
 * One conditional GET of a feed, with the defences a server fetching addresses typed by
 * others needs: http(s) only at every hop, no private network (unless allowed), a deadline for
 * everything, a size cap enforced while reading, few redirections, and a content type that can
 * be a feed. Errors are `FeedError`s in French; when `signal` aborts (the runner stopping), its
 * reason is thrown as is.
 */
export async function fetchFeed(
  address: string,
  validators: Validators,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<FeedResponse> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const combined = AbortSignal.any([signal, deadline]);
  try {
    return await follow(address, validators, limits, combined);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof FeedError) throw error;
    if (deadline.aborted) {
      throw new FeedError(
        'delai_depasse',
        `Le flux n’a pas répondu en ${(limits.timeoutMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s.`,
        { retryable: true },
      );
    }
    throw connectionError(error);
  }
}

async function follow(
  address: string,
  validators: Validators,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<FeedResponse> {
  let url = checkedUrl(address, null, limits);
  for (let redirects = 0; ; redirects += 1) {
    const response = await get(url, validators, limits, signal);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      if (redirects >= limits.maxRedirects) {
        throw new FeedError(
          'redirection',
          `Le flux redirige trop de fois (plus de ${limits.maxRedirects} redirections).`,
          { retryable: false },
        );
      }
      const location = response.headers.location;
      if (location === undefined || location === '') {
        throw new FeedError('redirection', `Le flux a répondu ${status} sans dire où aller.`, {
          retryable: false,
        });
      }
      url = checkedUrl(location, url, limits);
      continue;
    }
    if (status === 304) {
      response.destroy();
      return { kind: 'not_modified' };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw statusError(status, response.statusMessage ?? '', response.headers['retry-after']);
    }
    const contentType = response.headers['content-type'] ?? null;
    assertFeedLikeType(contentType);
    const body = await readBody(response, limits.maxBytes, signal);
    if (isHtml(contentType) && !looksLikeXml(body)) throw notAFeed('une page web (text/html)');
    return {
      kind: 'fetched',
      body,
      contentType,
      validators: {
        etag: validator(response.headers.etag),
        lastModified: validator(response.headers['last-modified']),
      },
    };
  }
}

/** The address to fetch, resolved against the previous one for a redirection, and checked. */
function checkedUrl(address: string, base: URL | null, limits: FetchLimits): URL {
  let url: URL;
  try {
    url = new URL(address, base ?? undefined);
  } catch {
    throw base === null
      ? new FeedError('adresse_invalide', 'L’adresse du flux n’est pas une adresse web valide.', {
          retryable: false,
        })
      : new FeedError('redirection', 'Le flux redirige vers une adresse invalide.', { retryable: false });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw base === null
      ? new FeedError('adresse_invalide', 'L’adresse du flux doit commencer par http:// ou https://.', {
          retryable: false,
        })
      : new FeedError(
          'redirection',
          `Le flux redirige vers une adresse ${url.protocol.replace(':', '')} : seules http et https sont suivies.`,
          { retryable: false },
        );
  }
  if (url.username !== '' || url.password !== '') {
    throw new FeedError('adresse_invalide', 'L’adresse du flux ne doit pas contenir d’identifiants.', {
      retryable: false,
    });
  }
  if (url.href.length > MAX_URL_LENGTH) {
    throw new FeedError('adresse_invalide', 'L’adresse du flux est trop longue.', { retryable: false });
  }
  if (!limits.allowPrivateNetwork) assertPublicLiteralHost(url);
  return url;
}

function get(
  url: URL,
  validators: Validators,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const headers: OutgoingHttpHeaders = {
    'user-agent': limits.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators.etag !== null) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'GET',
      headers,
      signal,
      // A fresh connection each time: the address check in the lookup then covers every request.
      agent: false,
      ...(limits.allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

/** Reads the body, decompressed, stopping as soon as it grows beyond `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes);
  }
  const onAbort = () => response.destroy(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of decoded(response)) {
      const bytes = chunk as Buffer;
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(bytes);
    }
  } catch (error) {
    if (isZlibError(error)) {
      throw new FeedError('encodage', 'Le flux est mal compressé (gzip, deflate ou br illisible).', {
        retryable: true,
      });
    }
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    response.destroy();
  }
  return Buffer.concat(chunks, total);
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const noop = () => {};
  switch (encoding) {
    case 'identity':
    case '':
      return response;
    case 'gzip':
    case 'x-gzip':
      return pipeline(response, zlib.createGunzip(), noop);
    case 'deflate':
      return pipeline(response, zlib.createInflate(), noop);
    case 'br':
      return pipeline(response, zlib.createBrotliDecompress(), noop);
    default:
      throw new FeedError(
        'encodage',
        `Le flux est compressé d’une façon inconnue (${encoding.slice(0, 40)}).`,
        {
          retryable: false,
        },
      );
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

function mediaType(contentType: string | null): string | null {
  if (contentType === null) return null;
  return (contentType.split(';')[0] ?? '').trim().toLowerCase() || null;
}

function isHtml(contentType: string | null): boolean {
  const type = mediaType(contentType);
  return type === 'text/html' || type === 'application/xhtml+xml';
}

/*
 * Feeds are served under many types (text/xml, application/rss+xml, text/plain, the generic
 * application/octet-stream, or none). A web page is let through to be sniffed, since some sites
 * serve their feed as text/html; images, video, JSON and the like are refused before reading.
 */
function assertFeedLikeType(contentType: string | null): void {
  const type = mediaType(contentType);
  if (type === null || isHtml(contentType) || type.endsWith('+xml') || type.endsWith('/xml')) return;
  if (type === 'text/plain' || type === 'application/octet-stream') return;
  throw notAFeed(`du contenu de type ${type.slice(0, 80)}`);
}

/** The body starts like an XML document (after a byte order mark and blanks). */
function looksLikeXml(body: Buffer): boolean {
  const start = body
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^(\u00EF\u00BB\u00BF|\u00FF\u00FE|\u00FE\u00FF)/, '');
  return /^\s*<(\?xml|rss[\s>]|feed[\s>]|rdf:RDF)/.test(start.replaceAll('\u0000', ''));
}

function notAFeed(what: string): FeedError {
  return new FeedError(
    'type_de_contenu',
    `L’adresse renvoie ${what}, pas un flux RSS ou Atom : utilisez le lien « RSS » du site.`,
    { retryable: false },
  );
}

function tooLarge(maxBytes: number): FeedError {
  const megabytes = (maxBytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return new FeedError('trop_volumineux', `Le flux dépasse la taille autorisée (${megabytes} Mo).`, {
    retryable: false,
  });
}

function validator(value: string | undefined): string | null {
  if (value === undefined || value === '' || value.length > MAX_VALIDATOR_LENGTH) return null;
  return value;
}

function statusError(status: number, statusText: string, retryAfter: string | undefined): FeedError {
  const text = statusText === '' ? '' : ` (${statusText.slice(0, 60)})`;
  const wait = retryAfterSeconds(retryAfter);
  const details = (retryable: boolean) => ({
    retryable,
    httpStatus: status,
    ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
  });
  if (status === 404) {
    return new FeedError(
      'reponse_http',
      'Le flux est introuvable (404) : vérifiez son adresse.',
      details(false),
    );
  }
  if (status === 410) {
    return new FeedError('reponse_http', 'Le flux n’existe plus (410) : le site l’a retiré.', details(false));
  }
  if (status === 401 || status === 403) {
    return new FeedError('reponse_http', `Le flux refuse l’accès (${status}).`, details(false));
  }
  if (status === 429) {
    return new FeedError(
      'reponse_http',
      'Le serveur du flux demande de ralentir (429) : nouvel essai plus tard.',
      details(true),
    );
  }
  return new FeedError('reponse_http', `Le flux a répondu ${status}${text}.`, details(status >= 500));
}

/** Seconds from a Retry-After header (delay or HTTP date), bounded to a day. */
function retryAfterSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) : (Date.parse(value) - Date.now()) / 1000;
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(Math.ceil(seconds), 86_400);
}

const CONNECTION_CAUSES: Record<string, string> = {
  ENOTFOUND: 'ce nom de domaine n’existe pas',
  EAI_AGAIN: 'le nom de domaine ne se résout pas pour l’instant',
  ECONNREFUSED: 'le serveur refuse la connexion',
  ECONNRESET: 'la connexion a été coupée',
  EHOSTUNREACH: 'le serveur est injoignable',
  ENETUNREACH: 'le réseau est injoignable',
  ETIMEDOUT: 'le serveur ne répond pas',
  CERT_HAS_EXPIRED: 'son certificat HTTPS a expiré',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'son certificat HTTPS n’est pas reconnu',
  SELF_SIGNED_CERT_IN_CHAIN: 'son certificat HTTPS n’est pas reconnu',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'son certificat HTTPS n’est pas reconnu',
  ERR_TLS_CERT_ALTNAME_INVALID: 'son certificat HTTPS est celui d’un autre site',
  HPE_HEADER_OVERFLOW: 'ses en-têtes sont trop longs',
};

function connectionError(error: unknown): FeedError {
  const code = (error as { code?: unknown } | null)?.code;
  const cause =
    typeof code === 'string'
      ? (CONNECTION_CAUSES[code] ?? `erreur réseau ${code.slice(0, 40)}`)
      : 'erreur réseau';
  return new FeedError('connexion', `Impossible de lire le flux : ${cause}.`, { retryable: true });
}
