import type { AppContext } from '../http/context.js';
import type { Jobs } from '../platform/jobs/jobs.js';
import { sendPrivacyReminders } from './reminder-service.js';

/** The queue of the daily sweep that mails the six-monthly privacy reminders (data: {}). */
export const REMINDER_QUEUE = 'training-privacy-reminders';
/** A day: who became due since the last sweep is mailed within a day. */
export const SWEEP_EVERY_MS = 24 * 60 * 60_000;

/**
 * Registers the sweep's worker (before jobs.start()). Each sweep queues the next one a day later,
 * so the schedule lives in the jobs table (or pg-boss) and survives restarts; a sweep run again
 * after a crash mails nobody twice (reminder-service.ts claims each person first).
 */
export async function remindThroughJobs(context: AppContext, jobs: Jobs): Promise<void> {
  await jobs.work(REMINDER_QUEUE, async () => {
    await sendPrivacyReminders(context);
    await queueSweep(jobs, new Date(context.clock().getTime() + SWEEP_EVERY_MS));
  });
}

/**
 * After jobs.start(): a sweep now. Keyed by its day, like the next ones, so that restarts add no
 * second chain of sweeps: a sweep already waiting for that day makes this send a no-op.
 */
export function scheduleReminders(context: AppContext, jobs: Jobs): Promise<string | null> {
  return queueSweep(jobs, context.clock());
}

function queueSweep(jobs: Jobs, at: Date): Promise<string | null> {
  return jobs.send(
    REMINDER_QUEUE,
    {},
    {
      startAfter: at,
      singletonKey: `sweep@${at.toISOString().slice(0, 10)}`,
      retryLimit: 3,
      retryDelaySeconds: 600,
    },
  );
}
