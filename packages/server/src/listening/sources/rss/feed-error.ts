/**
 * Why a feed could not be read. Stable codes (stored with the source's last error, translated
 * by nobody: the message is already French and says what to check).
 */
export type FeedErrorCode =
  /** The address itself is not acceptable (scheme, credentials, length). */
  | 'adresse_invalide'
  /** The address leads to this machine or a private network, which the server may not fetch. */
  | 'adresse_interdite'
  /** The name does not resolve or the server cannot be reached. */
  | 'connexion'
  /** No complete answer in time. */
  | 'delai_depasse'
  /** The server answered with an error status. */
  | 'reponse_http'
  /** Too many redirections, a redirection without target or towards another scheme. */
  | 'redirection'
  /** The answer is not a feed (a web page, an image, JSON). */
  | 'type_de_contenu'
  /** The answer is larger than allowed. */
  | 'trop_volumineux'
  /** The bytes are in an unknown encoding or compression. */
  | 'encodage'
  /** XML that holds no RSS or Atom feed. */
  | 'flux_illisible';

/**
 * A feed that could not be read, with a French message an administrator can act on. The
 * runner backs off and shows the message; `retryable` false means that trying again unchanged
 * will fail the same way (a wrong address, a forbidden network), so it may wait much longer or
 * ask for the source to be fixed.
 */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly details: {
      readonly retryable: boolean;
      readonly httpStatus?: number;
      /** From a 429 or 503 Retry-After header, when the server gave one. */
      readonly retryAfterSeconds?: number;
    },
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.details.retryable;
  }

  /** The runner reads every source's error as a SourceError: the French sentence for people. */
  get userMessage(): string {
    return this.message;
  }

  /** The runner reads every source's error as a SourceError: how long the server asked to wait. */
  get retryAfterSeconds(): number | undefined {
    return this.details.retryAfterSeconds;
  }
}
