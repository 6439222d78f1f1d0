import { ConnectorError } from './connector.js';

/** A network's answer, its body read as JSON when it is JSON (an empty object otherwise). */
export interface NetworkAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** How long one call to a network may take before the publication is retried. */
export const CALL_TIMEOUT_MS = 30_000;

/**
 * One HTTP call to a network. A network that cannot be reached, or that takes longer than the
 * timeout, is a failure for now (retried with back-off); what the network answers is the
 * connector's to judge.
 */
export async function callNetwork(
  fetchImpl: typeof fetch,
  networkName: string,
  url: string | URL,
  init: RequestInit & { readonly signal?: AbortSignal | undefined },
): Promise<NetworkAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal: init.signal ?? AbortSignal.timeout(CALL_TIMEOUT_MS) });
  } catch (error) {
    throw new ConnectorError(`${networkName} injoignable : ${(error as Error).message}`, false);
  }
  let text: string;
  try {
    text = await readCapped(response);
  } catch (error) {
    // The answer was lost on its way (a timeout while reading): the network may have done what
    // was asked. Retried, and the retry looks before doing it again.
    throw new ConnectorError(`réponse de ${networkName} interrompue : ${(error as Error).message}`, false);
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (an HTML error page from a proxy): the status says enough.
  }
  return { status: response.status, headers: response.headers, body };
}

/** Retried later: rate limits, timeouts and server errors pass with time; the rest does not. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * A refusal that needs a person (a token, a permission, a post the network rejects). A success
 * status whose answer lacks what it should carry is not one: the post may exist, so it is
 * retried, and the retry looks for it first.
 */
export function isPermanentRefusal(status: number): boolean {
  return status >= 400 && !isTransientStatus(status);
}

/** Answers longer than this are cut: a network's JSON answer is a few kilobytes. */
const MAX_ANSWER_BYTES = 1_000_000;

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new Error(`réponse de plus de ${MAX_ANSWER_BYTES} octets`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Two texts are the same post when they differ only by their links (X replaces each with a
 * t.co address) and by white space a network may trim or fold.
 */
export function samePostText(published: string, ours: string): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFC')
      .replace(/https?:\/\/\S+/gu, '<lien>')
      .replace(/\s+/gu, ' ')
      .trim();
  return fold(published) === fold(ours);
}

/** Where to look for a post made by an earlier attempt: from an hour before it was due. */
export function searchFrom(scheduledAt: Date): Date {
  return new Date(scheduledAt.getTime() - 60 * 60 * 1000);
}

/** One call with the account's bearer token: a JSON body, a form (uploads), or nothing. */
export interface TokenCall {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: URL | string;
  readonly token: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly json?: object;
  readonly form?: FormData;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

export function callWithToken(
  fetchImpl: typeof fetch,
  networkName: string,
  call: TokenCall,
): Promise<NetworkAnswer> {
  const url = new URL(call.url);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  return callNetwork(fetchImpl, networkName, url, {
    method: call.method,
    headers: {
      authorization: `Bearer ${call.token}`,
      ...(call.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...call.headers,
    },
    ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
    ...(call.form === undefined ? {} : { body: call.form }),
    signal: call.signal,
  });
}

/**
 * Whether an upload address an answer gives may receive the account's token: the network's own
 * hosts (`hostSuffix`, over HTTPS) or the account's own server. Never an address an answer could
 * point anywhere.
 */
export function trustedUploadUrl(uploadUrl: string, serviceUrl: string, hostSuffix: string): boolean {
  let url: URL;
  try {
    url = new URL(uploadUrl);
  } catch {
    return false;
  }
  const service = new URL(serviceUrl);
  if (url.host === service.host && url.protocol === service.protocol) return true;
  return (
    url.protocol === 'https:' && (url.hostname === hostSuffix || url.hostname.endsWith(`.${hostSuffix}`))
  );
}
