import type { AppContext } from '../../http/context.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { deliverDueAlerts, deliverOne, type ScheduledDelivery } from './delivery.js';

/** The queue whose jobs each send one alert delivery (data: { deliveryId }). */
export const ALERT_DELIVERY_QUEUE = 'listening-alert-delivery';

const engines = new WeakMap<AppContext, Jobs>();

/**
 * Registers the delivery worker on a jobs engine (call before jobs.start()). From then on, each
 * new delivery is a job due when the delivery is (now, or the end of quiet hours), and a failed
 * attempt sends the job of its next try: held and retried alerts survive restarts with the jobs.
 * The alert_deliveries table stays the truth (claimed before sending, sent once); the periodic
 * tick still sweeps it, which also catches a wake-up lost between two writes.
 */
export async function deliverAlertsThroughJobs(context: AppContext, jobs: Jobs): Promise<void> {
  await jobs.work(ALERT_DELIVERY_QUEUE, async (job) => {
    const { deliveryId } = job.data;
    if (typeof deliveryId !== 'string') return;
    const result = await deliverOne(context, deliveryId);
    if (result.outcome === 'retry') await sendJob(jobs, deliveryId, result.notBefore, result.attempts);
  });
  engines.set(context, jobs);
}

function sendJob(jobs: Jobs, deliveryId: string, notBefore: Date, attempts: number): Promise<string | null> {
  // One waiting job per delivery and attempt: the running job (attempt n) sends its successor's.
  return jobs.send(
    ALERT_DELIVERY_QUEUE,
    { deliveryId },
    { startAfter: notBefore, singletonKey: `${deliveryId}#${attempts}` },
  );
}

/**
 * After the commit of new deliveries: a job for each when a jobs engine is wired, otherwise the
 * due ones are sent at once in this process (the periodic tick sends the held and retried ones).
 */
export async function wakeDeliveries(
  context: AppContext,
  scheduled: readonly ScheduledDelivery[],
): Promise<void> {
  const jobs = engines.get(context);
  if (jobs === undefined) {
    await deliverDueAlerts(context);
    return;
  }
  for (const delivery of scheduled) await sendJob(jobs, delivery.id, delivery.notBefore, 0);
}
