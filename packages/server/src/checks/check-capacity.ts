import type { AppContext } from '../http/context.js';
import { CheckLimiter } from './check-limiter.js';
import { GuardPool } from './guard-pool.js';

/**
 * One limiter and one worker pool per running application (per context), created on first use:
 * a test application gets its own, and closing the application stops its workers.
 */
const LIMITERS = new WeakMap<AppContext, CheckLimiter>();
const POOLS = new WeakMap<AppContext, GuardPool>();

export function checkLimiter(context: AppContext): CheckLimiter {
  let limiter = LIMITERS.get(context);
  if (limiter === undefined) {
    limiter = new CheckLimiter(context.config.checkLimits, context.clock);
    LIMITERS.set(context, limiter);
  }
  return limiter;
}

export function guardPool(context: AppContext): GuardPool {
  let pool = POOLS.get(context);
  if (pool === undefined) {
    const limits = context.config.checkLimits;
    pool = new GuardPool({ size: limits.workers, queue: limits.queue, timeoutMs: limits.workerTimeoutMs });
    POOLS.set(context, pool);
  }
  return pool;
}

/** Stops the context's workers, if it ever started any. */
export async function closeGuardPool(context: AppContext): Promise<void> {
  const pool = POOLS.get(context);
  POOLS.delete(context);
  await pool?.close();
}
