import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from './retry-after.js';

const NOW = new Date('2026-12-05T10:00:00.000Z');

describe('retryAfterSeconds', () => {
  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '120' }), NOW)).toBe(120);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Sat, 05 Dec 2026 10:05:00 GMT' }), NOW)).toBe(300);
  });

  it('reads X-RateLimit-Reset as an ISO time (Mastodon) or epoch seconds', () => {
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': '2026-12-05T10:01:30.000Z' }), NOW)).toBe(90);
    const epoch = String(NOW.getTime() / 1000 + 45);
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': epoch }), NOW)).toBe(45);
  });

  it('prefers Retry-After, never returns a negative wait, and gives up on garbage', () => {
    const both = new Headers({ 'retry-after': '10', 'x-ratelimit-reset': '2026-12-05T11:00:00Z' });
    expect(retryAfterSeconds(both, NOW)).toBe(10);
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': '2026-12-05T09:00:00Z' }), NOW)).toBe(0);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'bientôt' }), NOW)).toBeUndefined();
    expect(retryAfterSeconds(new Headers(), NOW)).toBeUndefined();
  });
});
