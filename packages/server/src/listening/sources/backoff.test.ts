import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelay,
  retryAfterOf,
  sourceErrorMessage,
} from './backoff.js';
import { BlueskySourceError } from './bluesky/errors.js';
import { FeedError } from './rss/feed-error.js';
import { SourceError } from './source-error.js';

describe('backoffDelay', () => {
  it('doubles from 30 s to an hour, between half and all of the step', () => {
    expect(backoffDelay(1, () => 1)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(2, () => 1)).toBe(60_000);
    expect(backoffDelay(4, () => 1)).toBe(240_000);
    expect(backoffDelay(8, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(500, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(0, () => 1)).toBe(BACKOFF_BASE_MS);
  });

  it('never retries before a network’s retry-after, and ignores absurd ones', () => {
    expect(backoffDelay(1, () => 1, 900)).toBe(900_000);
    expect(backoffDelay(8, () => 1, 5)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1, () => 1, 10 ** 9)).toBe(86_400_000);
    expect(backoffDelay(1, () => 1, Number.NaN)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(1, () => 1, -1)).toBe(BACKOFF_BASE_MS);
  });
});

describe('what a failure says', () => {
  it('takes a source error’s French message and retry-after, by their shape', () => {
    const error = Object.assign(new Error('HTTP 429'), {
      code: 'rate_limited',
      userMessage: 'Le réseau limite les lectures : nouvel essai plus tard.',
      retryAfterSeconds: 120,
    });
    expect(sourceErrorMessage(error)).toBe('Le réseau limite les lectures : nouvel essai plus tard.');
    expect(retryAfterOf(error)).toBe(120);
  });

  it('reads the errors of every source the same way: feeds, Bluesky and the others', () => {
    const feed = new FeedError('reponse_http', 'Le flux a répondu 503 (Service Unavailable).', {
      retryable: true,
      httpStatus: 503,
      retryAfterSeconds: 90,
    });
    expect(sourceErrorMessage(feed)).toBe('Le flux a répondu 503 (Service Unavailable).');
    expect(retryAfterOf(feed)).toBe(90);
    const bluesky = new BlueskySourceError('flux_injoignable', 'Le flux Bluesky est injoignable.');
    expect(sourceErrorMessage(bluesky)).toBe('Le flux Bluesky est injoignable.');
    expect(retryAfterOf(bluesky)).toBeUndefined();
    const mastodon = new SourceError('limite_atteinte', 'Mastodon limite les lectures.', {
      retryAfterSeconds: 300,
    });
    expect(sourceErrorMessage(mastodon)).toBe('Mastodon limite les lectures.');
    expect(retryAfterOf(mastodon)).toBe(300);
  });

  it('says nothing of the internals otherwise', () => {
    expect(sourceErrorMessage(new Error('ECONNREFUSED 10.0.0.3:443'))).not.toContain('ECONNREFUSED');
    expect(sourceErrorMessage('boom')).toMatch(/^La source n’a pas pu être lue/);
    expect(sourceErrorMessage(null)).toMatch(/^La source/);
    expect(retryAfterOf(new Error('x'))).toBeUndefined();
  });
});
