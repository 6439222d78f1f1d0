/** Why a Bluesky source stopped: stable codes, French sentences (shown in the sources' admin page). */
export type BlueskySourceErrorCode =
  /** The service could not be reached or the connection broke: retry later from the cursor. */
  | 'flux_injoignable'
  /** The service closed the stream without being asked to. */
  | 'flux_interrompu'
  /** The service refused or reported an error (error frame, HTTP refusal). */
  | 'flux_en_erreur'
  /** The stored cursor is ahead of the service (another service, or its history was reset). */
  | 'curseur_dans_le_futur'
  /** The stored cursor is not a cursor of this source. */
  | 'curseur_invalide'
  /** Verifying a signature needs the author's DID document and the directory did not answer. */
  | 'annuaire_injoignable';

/**
 * A typed failure of `run`: the runner backs off and starts the source again from the last
 * stored cursor, so nothing delivered is lost and nothing is delivered twice.
 */
export class BlueskySourceError extends Error {
  override readonly name = 'BlueskySourceError';
  constructor(
    readonly code: BlueskySourceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The runner reads every source's error as a SourceError: the French sentence for people. */
  get userMessage(): string {
    return this.message;
  }
}
