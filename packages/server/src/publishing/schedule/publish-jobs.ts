import type { AppContext } from '../../http/context.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { publishOne } from './publish-one.js';

/** The queue whose jobs each publish one publication (data: { publicationId }). */
export const PUBLISH_QUEUE = 'publishing-publish';
/** Attempts after the first; the n-th retry waits 30 s × 2^(n−1). */
export const PUBLISH_RETRIES = 4;

const engines = new WeakMap<AppContext, Jobs>();

/**
 * Registers the publishing worker (before jobs.start()): scheduled publications survive restarts
 * with their jobs, and several workers share them (pg-boss). A run that fails for now throws, so
 * that the engine retries it with back-off; the last one records the failure and tells the author.
 */
export async function publishThroughJobs(
  context: AppContext,
  jobs: Jobs,
  registry: ConnectorRegistry,
): Promise<void> {
  await jobs.work(PUBLISH_QUEUE, async (job) => {
    const { publicationId } = job.data;
    if (typeof publicationId !== 'string') return;
    const outcome = await publishOne(context, publicationId, registry, {
      lastAttempt: job.attempt > PUBLISH_RETRIES,
    });
    if (outcome === 'retry') throw new Error('publication à retenter');
  });
  engines.set(context, jobs);
}

/** Sends the job of each publication, due at its time; one waiting job per publication. */
export async function wakePublications(
  context: AppContext,
  publications: readonly { id: string; scheduledAt: string }[],
): Promise<void> {
  const jobs = engines.get(context);
  if (jobs === undefined) return;
  for (const publication of publications)
    await jobs.send(
      PUBLISH_QUEUE,
      { publicationId: publication.id },
      {
        startAfter: new Date(publication.scheduledAt),
        // The due time in the key: a rescheduled publication gets its own job; the old one, run
        // at the old time, finds it not due and ends.
        singletonKey: `${publication.id}@${publication.scheduledAt}`,
        retryLimit: PUBLISH_RETRIES,
        retryDelaySeconds: 30,
      },
    );
}

/** After « Tout suspendre » is lifted: the publications that fell due meanwhile go out now. */
export async function wakeScheduled(context: AppContext, establishmentId: string): Promise<void> {
  const rows = await context.storage.db
    .selectFrom('publications')
    .select(['id', 'scheduled_at as scheduledAt'])
    .where('establishment_id', '=', establishmentId)
    .where('status', '=', 'scheduled')
    .execute();
  await wakePublications(context, rows);
}
