import { performance } from 'node:perf_hooks';
import type { Jobs } from '../platform/jobs/jobs.js';

export interface JobsThroughput {
  readonly jobs: number;
  /** Sends one after the other, each awaited (what a request handler pays to queue a job). */
  readonly sentPerSecond: number;
  /** From the first send to the last job done, with the engine's workers taking them meanwhile. */
  readonly donePerSecond: number;
}

/**
 * Sends `count` empty jobs to `queue` on a started engine that has no handler for it yet, works
 * them, and measures both rates. A measure, never a threshold: run it on an idle machine.
 */
export async function measureJobsThroughput(
  jobs: Jobs,
  queue: string,
  count: number,
): Promise<JobsThroughput> {
  let done = 0;
  let allDone: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  await jobs.work(queue, async () => {
    done += 1;
    if (done === count) allDone();
  });
  const started = performance.now();
  for (let n = 0; n < count; n++) await jobs.send(queue, { n });
  const sent = performance.now();
  await finished;
  const ended = performance.now();
  return {
    jobs: count,
    sentPerSecond: Math.round(count / ((sent - started) / 1000)),
    donePerSecond: Math.round(count / ((ended - started) / 1000)),
  };
}
