import type { CheckLimits } from '../config/config.js';
import type { Clock } from '../http/clock.js';
import { RetryLater } from '../http/problem.js';

/** A counted check (a post about to be published) or a preview sent as the person types. */
export type CheckKind = 'check' | 'preview';

interface Bucket {
  tokens: number;
  at: number;
}

/** Past this many remembered people, full buckets are forgotten (they carry no information). */
const PRUNE_ABOVE = 10_000;

/**
 * What one person may ask of the guard at once and per minute, in this process. Without it, one
 * account sending twenty 20,000-character texts at once held the server for everyone.
 *
 * In flight: at most `inFlightPerUser` checks at a time, the others refused at once (429) rather
 * than queued, so one person cannot fill the analysis queue. Per minute: a token bucket per
 * person and kind, refilled continuously; previews have their own, larger budget, since the web
 * app sends one at each pause in typing, and they must not eat the budget of the real checks.
 */
export class CheckLimiter {
  readonly #limits: CheckLimits;
  readonly #clock: Clock;
  readonly #inFlight = new Map<string, number>();
  readonly #buckets = new Map<string, Bucket>();

  constructor(limits: CheckLimits, clock: Clock) {
    this.#limits = limits;
    this.#clock = clock;
  }

  /** Takes a place for `who`, or throws a 429 saying when to retry. Call the result when done. */
  enter(who: string, kind: CheckKind): () => void {
    const running = this.#inFlight.get(who) ?? 0;
    if (running >= this.#limits.inFlightPerUser)
      throw new RetryLater(
        429,
        'verifications_simultanees',
        `Vous avez déjà ${running} vérification${running > 1 ? 's' : ''} en cours : attendez leur résultat avant d’en lancer une autre.`,
        1,
      );
    this.#take(who, kind);
    this.#inFlight.set(who, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#inFlight.get(who) ?? 1) - 1;
      if (left <= 0) this.#inFlight.delete(who);
      else this.#inFlight.set(who, left);
    };
  }

  #take(who: string, kind: CheckKind): void {
    const perMinute = kind === 'preview' ? this.#limits.previewsPerMinute : this.#limits.perMinute;
    const perMs = perMinute / 60_000;
    const now = this.#clock().getTime();
    const key = `${kind}:${who}`;
    const bucket = this.#buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.#buckets.set(key, bucket);
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new RetryLater(
        429,
        'trop_de_verifications',
        kind === 'preview'
          ? `Plus de ${perMinute} vérifications pendant la saisie en une minute : la vérification reprendra dans ${seconds} s.`
          : `Plus de ${perMinute} vérifications en une minute : réessayez dans ${seconds} s.`,
        seconds,
      );
    }
    bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > PRUNE_ABOVE) this.#prune(now);
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const perMinute = key.startsWith('preview:') ? this.#limits.previewsPerMinute : this.#limits.perMinute;
      if (bucket.tokens + ((now - bucket.at) * perMinute) / 60_000 >= perMinute) this.#buckets.delete(key);
    }
  }
}
