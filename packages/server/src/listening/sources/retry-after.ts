/**
 * How long a rate-limited service asks us to wait, from the headers it sent: `Retry-After`
 * (seconds or an HTTP date, RFC 9110 §10.2.3) first, then `X-RateLimit-Reset` (Mastodon sends
 * an ISO 8601 time; other services send epoch seconds). Undefined when neither is readable.
 * `now` is injected so that tests do not depend on the clock.
 */
export function retryAfterSeconds(headers: Headers, now: Date): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return secondsUntil(at, now);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset !== undefined && reset !== '') {
    // Epoch seconds are ten digits today; a small number is a delay in seconds (some gateways).
    if (/^\d+$/.test(reset)) {
      const value = Number(reset);
      return value > 1_000_000_000 ? secondsUntil(value * 1000, now) : value;
    }
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return secondsUntil(at, now);
  }
  return undefined;
}

function secondsUntil(epochMs: number, now: Date): number {
  return Math.max(0, Math.ceil((epochMs - now.getTime()) / 1000));
}
