import type { AppContext } from '../../http/context.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { collectMetrics, METRICS_READINGS_AFTER_MS } from './collect-metrics.js';

/** The queue whose jobs each read one published post's engagement (data: { publicationId }). */
export const METRICS_QUEUE = 'publishing-metrics';

const engines = new WeakMap<AppContext, Jobs>();

/**
 * Registers the metrics worker (before jobs.start()). Each reading queues the next one at its
 * time (METRICS_READINGS_AFTER_MS), so the schedule survives restarts with the jobs; a reading
 * that fails for now is retried by the engine with back-off.
 */
export async function collectMetricsThroughJobs(
  context: AppContext,
  jobs: Jobs,
  registry: ConnectorRegistry,
): Promise<void> {
  engines.set(context, jobs);
  await jobs.work(METRICS_QUEUE, async (job) => {
    const { publicationId } = job.data;
    if (typeof publicationId !== 'string') return;
    const outcome = await collectMetrics(context, publicationId, registry);
    if (outcome.kind === 'collected' && outcome.next !== null)
      await queueReading(jobs, publicationId, outcome.next);
  });
}

/** After a publication: its first reading, an hour after it went out. */
export async function wakeMetrics(
  context: AppContext,
  publicationId: string,
  publishedAt: Date,
): Promise<void> {
  const jobs = engines.get(context);
  const first = METRICS_READINGS_AFTER_MS[0];
  if (jobs === undefined || first === undefined) return;
  await queueReading(jobs, publicationId, new Date(publishedAt.getTime() + first));
}

async function queueReading(jobs: Jobs, publicationId: string, at: Date): Promise<void> {
  await jobs.send(
    METRICS_QUEUE,
    { publicationId },
    // One waiting reading per publication and time: a job run twice queues the next one once.
    {
      startAfter: at,
      singletonKey: `${publicationId}@${at.toISOString()}`,
      retryLimit: 3,
      retryDelaySeconds: 300,
    },
  );
}
