/** The first wait after a failure, and the longest: a source down for hours is tried hourly. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 3_600_000;
/** A network's « retry after » is honoured up to a day; beyond that it is not a rate limit. */
const RETRY_AFTER_CAP_MS = 86_400_000;

/**
 * How long to wait before reading a source again after its `failures`-th failure in a row:
 * doubling from 30 s up to an hour, with jitter (between half and all of it) so that sources
 * failing together (the network went down) do not all retry at the same instant. A network
 * that said when to come back (HTTP 429 Retry-After) is not asked sooner.
 */
export function backoffDelay(failures: number, random: () => number, retryAfterSeconds?: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  const delay = Math.round(ceiling * (0.5 + 0.5 * random()));
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0)
    return delay;
  return Math.max(delay, Math.min(RETRY_AFTER_CAP_MS, Math.round(retryAfterSeconds * 1000)));
}

/** What the source's error says to people (SourceError's userMessage), or a plain French sentence. */
export function sourceErrorMessage(error: unknown): string {
  const userMessage = (error as { userMessage?: unknown } | null)?.userMessage;
  if (typeof userMessage === 'string' && userMessage.trim() !== '') return userMessage.slice(0, 500);
  return 'La source n’a pas pu être lue (erreur inattendue, détails dans le journal du serveur).';
}

/** A SourceError's retryAfterSeconds, if the error carries one. */
export function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof value === 'number' ? value : undefined;
}
