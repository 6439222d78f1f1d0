import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';

export const SIGNATURE_HEADER = 'x-blouse-signature';
export const TIMESTAMP_HEADER = 'x-blouse-timestamp';

export interface WebhookOptions {
  /** Plain http to 127.0.0.1, ::1 or localhost: only for tests with a server on loopback. */
  readonly allowLoopbackHttp: boolean;
  readonly timeoutMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { allowLoopbackHttp: false, timeoutMs: 10_000 };

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * Why a webhook address is refused, in French, or null when it is acceptable: https only (the
 * alert leaves the hospital's systems), no credentials in the address.
 */
export function webhookTargetProblem(target: string, options: WebhookOptions): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'L’adresse du webhook n’est pas une URL valide.';
  }
  if (url.username !== '' || url.password !== '') {
    return 'L’adresse du webhook ne doit pas contenir d’identifiants : la signature authentifie l’envoi.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && options.allowLoopbackHttp && isLoopback(url.hostname)) return null;
  return 'L’adresse du webhook doit commencer par https://.';
}

/**
 * « sha256=<hex> » of HMAC-SHA256 over « <timestamp>.<raw body> »: the timestamp is signed with the
 * body, so a receiver that refuses old timestamps cannot be fed a captured request again.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class WebhookError extends Error {
  override readonly name = 'WebhookError';
}

/**
 * POSTs the body once, signed; throws a WebhookError (status, timeout, redirect) that the
 * delivery retries. Redirects are not followed: the signature was made for this address.
 */
export async function postWebhook(
  target: string,
  secret: string,
  body: string,
  now: Date,
  options: WebhookOptions,
): Promise<void> {
  const problem = webhookTargetProblem(target, options);
  if (problem !== null) throw new WebhookError(problem);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Blouse-Alertes/1',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? 'délai dépassé' : 'connexion impossible';
    throw new WebhookError(`webhook : ${reason}`);
  }
  // The body is not read beyond this: a receiver has nothing to tell us but its status.
  await response.body?.cancel();
  if (response.status >= 300) throw new WebhookError(`webhook : réponse HTTP ${response.status}`);
}
