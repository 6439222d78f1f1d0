/**
 * Why a source could not read, in a form the runner and the administration page can use: a stable
 * `code` to branch on and to translate, a French sentence for people (`userMessage`), and, when
 * the remote service said so, how long to wait before asking again (`retryAfterSeconds`).
 */
export type SourceErrorCode =
  /** The token was refused (expired, revoked, wrong): retrying will not help until someone fixes it. */
  | 'jeton_invalide'
  /** The token works but lacks a permission or the resource is not the establishment's. */
  | 'acces_refuse'
  /** The page, channel, hashtag or organisation named in the settings does not exist. */
  | 'introuvable'
  /** The service refused the request as the settings build it (a bad hashtag, a bad query). */
  | 'requete_refusee'
  /** Too many requests: wait `retryAfterSeconds` when given. */
  | 'limite_atteinte'
  /** A daily quota is spent (YouTube): wait until it is renewed. */
  | 'quota_depasse'
  /** The remote server failed (5xx) or answered something that is not the documented API. */
  | 'serveur_indisponible'
  /** The remote server did not answer in time. */
  | 'delai_depasse'
  /** The remote server could not be reached (DNS, refused connection, TLS). */
  | 'injoignable'
  /** The answer was not JSON, or JSON without the fields the documentation promises. */
  | 'reponse_invalide'
  /** The stored cursor cannot be read: starting over silently could lose or repeat mentions. */
  | 'curseur_invalide';

/** Codes after which asking again later can succeed without anyone changing the settings. */
const RETRYABLE: ReadonlySet<SourceErrorCode> = new Set([
  'limite_atteinte',
  'quota_depasse',
  'serveur_indisponible',
  'delai_depasse',
  'injoignable',
  'reponse_invalide',
]);

export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly code: SourceErrorCode;
  /** In French, for the communication team: what happened and what to do. */
  readonly userMessage: string;
  /** Seconds to wait before the next call, when the remote service said so. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: SourceErrorCode,
    userMessage: string,
    options: { retryAfterSeconds?: number | undefined; cause?: unknown } = {},
  ) {
    super(userMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.userMessage = userMessage;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** False when only a person can fix it (token, permission, settings, cursor); named as FeedError names it. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}
