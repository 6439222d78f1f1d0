import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_LIMITS } from '../config/config.js';
import type { RetryLater } from '../http/problem.js';
import { TestClock } from '../test-support/app.js';
import { CheckLimiter } from './check-limiter.js';

const refusal = (attempt: () => unknown): RetryLater | undefined => {
  try {
    attempt();
    return undefined;
  } catch (error) {
    return error as RetryLater;
  }
};

describe('the check limiter', () => {
  it('lets a person have N checks in flight, and one more once one ends', () => {
    const limiter = new CheckLimiter({ ...DEFAULT_CHECK_LIMITS, inFlightPerUser: 2 }, new TestClock().now);
    const first = limiter.enter('ana', 'check');
    limiter.enter('ana', 'preview');
    expect(refusal(() => limiter.enter('ana', 'check'))?.code).toBe('verifications_simultanees');
    expect(refusal(() => limiter.enter('bob', 'check'))).toBeUndefined();
    first();
    first(); // a second release changes nothing
    expect(refusal(() => limiter.enter('ana', 'check'))).toBeUndefined();
    expect(refusal(() => limiter.enter('ana', 'check'))?.code).toBe('verifications_simultanees');
  });

  it('refills each person’s budget continuously and says when the next check is possible', () => {
    const clock = new TestClock();
    const limiter = new CheckLimiter(
      { ...DEFAULT_CHECK_LIMITS, perMinute: 6, inFlightPerUser: 100 },
      clock.now,
    );
    for (let i = 0; i < 6; i++) limiter.enter('ana', 'check')();
    const refused = refusal(() => limiter.enter('ana', 'check'));
    expect(refused?.status).toBe(429);
    expect(refused?.code).toBe('trop_de_verifications');
    expect(refused?.retryAfterSeconds).toBe(10);
    clock.advance(10_000);
    expect(refusal(() => limiter.enter('ana', 'check')())).toBeUndefined();
    expect(refusal(() => limiter.enter('ana', 'check'))?.code).toBe('trop_de_verifications');
  });
});
