import type { AppContext } from '../http/context.js';
import type { Jobs } from '../platform/jobs/jobs.js';
import { type RefreshOptions, refreshAnalytics } from './refresh.js';

/** The queue of the analytics refresh (data: {}). */
export const REFRESH_QUEUE = 'analytics-refresh';
/** Dashboards are at most this late (plus a refresh's own time). */
export const REFRESH_EVERY_MS = 5 * 60_000;

export interface RefreshJobOptions {
  readonly refresh?: RefreshOptions;
  /** Seconds before a failed refresh is tried again (default 60). */
  readonly retryDelaySeconds?: number;
}

const engines = new WeakMap<AppContext, { jobs: Jobs; options: RefreshJobOptions }>();

/**
 * Registers the refresh worker (before jobs.start()). Each run queues the next one at the next
 * five-minute boundary, keyed by that boundary: however many processes start chains (several
 * workers on PostgreSQL, restarts), they meet on the same keys and one job waits per slot. A run
 * that dies halfway is run again by the engine; the refresh continues from its watermarks.
 */
export async function refreshThroughJobs(
  context: AppContext,
  jobs: Jobs,
  options: RefreshJobOptions = {},
): Promise<void> {
  engines.set(context, { jobs, options });
  await jobs.work(REFRESH_QUEUE, async () => {
    // The next link first: a refresh that keeps failing must not end the chain.
    const now = context.clock().getTime();
    await queueRefresh(
      jobs,
      new Date(Math.floor(now / REFRESH_EVERY_MS + 1) * REFRESH_EVERY_MS),
      'slot',
      options,
    );
    await refreshAnalytics(context.storage, context.clock(), options.refresh);
  });
}

/** After jobs.start(): a refresh now (the chain's first link, or a no-op when one is already waiting). */
export function scheduleRefresh(context: AppContext, jobs: Jobs): Promise<string | null> {
  const now = context.clock().getTime();
  return queueRefresh(
    jobs,
    new Date(Math.floor(now / REFRESH_EVERY_MS) * REFRESH_EVERY_MS),
    'slot',
    engines.get(context)?.options ?? {},
  );
}

/**
 * A refresh as soon as a worker is free, besides the schedule (an administrator's « actualiser »,
 * a monthly report about to be built). Returns null when one is already waiting.
 */
export async function requestRefresh(context: AppContext): Promise<string | null> {
  const engine = engines.get(context);
  if (engine === undefined) return null;
  return engine.jobs.send(
    REFRESH_QUEUE,
    {},
    { singletonKey: 'on-demand', retryLimit: 3, retryDelaySeconds: engine.options.retryDelaySeconds ?? 60 },
  );
}

function queueRefresh(
  jobs: Jobs,
  at: Date,
  kind: string,
  options: RefreshJobOptions,
): Promise<string | null> {
  return jobs.send(
    REFRESH_QUEUE,
    {},
    {
      startAfter: at,
      singletonKey: `${kind}@${at.toISOString()}`,
      retryLimit: 3,
      retryDelaySeconds: options.retryDelaySeconds ?? 60,
    },
  );
}
