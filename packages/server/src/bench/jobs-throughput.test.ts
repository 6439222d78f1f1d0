import { afterAll, describe, expect, it } from 'vitest';
import { createTestStorage, type TestStorage } from '../test-support/databases.js';
import { JOB_ENGINE_CASES, openTestJobs } from '../test-support/job-engines.js';
import { measureJobsThroughput } from './jobs-throughput.js';

// A short run by default: this checks that the measure works, and prints its figures (never a
// threshold). BLOUSE_JOBS_BENCH=2000 gives figures worth quoting, on an idle machine.
const COUNT = Number(process.env.BLOUSE_JOBS_BENCH ?? 50);

describe.each(JOB_ENGINE_CASES)('jobs throughput: $name', (engineCase) => {
  const opened: TestStorage[] = [];
  afterAll(async () => {
    for (const storage of opened) await storage.dispose();
  });

  it(`sends and works ${COUNT} jobs, and prints how fast`, async () => {
    const storage = await createTestStorage(engineCase.dialect);
    opened.push(storage);
    const jobs = openTestJobs(engineCase, storage);
    await jobs.start();
    try {
      const figures = await measureJobsThroughput(jobs, 'bench', COUNT);
      expect(figures.jobs).toBe(COUNT);
      process.stdout.write(
        `jobs ${engineCase.name}: ${figures.jobs} jobs, ${figures.sentPerSecond} sends/s, ${figures.donePerSecond} done/s\n`,
      );
    } finally {
      await jobs.stop();
    }
  });
});
