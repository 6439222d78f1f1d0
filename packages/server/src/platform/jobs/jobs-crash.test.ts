import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../db/database.js';
import { createTestStorage, type TestStorage } from '../../test-support/databases.js';
import { JOB_ENGINE_CASES, openTestJobs, storedJob, waitFor } from '../../test-support/job-engines.js';

/** The compiled worker (npm test builds before it runs the suites, as the guard's pool does). */
const WORKER = fileURLToPath(new URL('../../../dist/test-support/job-worker-process.js', import.meta.url));

/** Starts the worker process and resolves with it once it has taken a job. */
function startWorker(
  engine: string,
  url: string,
  queue: string,
): Promise<{ child: ChildProcess; taken: string }> {
  const child = spawn(process.execPath, [WORKER, engine, url, queue], { stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const match = /pris (\S+) (\d+)/.exec(printed);
      if (match !== null) resolve({ child, taken: match[1] as string });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    child.once('exit', (code) =>
      reject(new Error(`le processus de travail s’est arrêté (${code}) :\n${printed}`)),
    );
  });
}

/**
 * A worker process is killed with SIGKILL while it runs a job: nothing records the end of that
 * run. After a restart, the job must run again, once, and be done (in-process: its lease runs out;
 * pg-boss: its expiration, shortened for the test).
 */
describe.each(JOB_ENGINE_CASES)('jobs after a killed worker: $name', (engineCase) => {
  const opened: TestStorage[] = [];
  afterAll(async () => {
    for (const storage of opened) await storage.dispose();
  });

  it('runs the job that was running when its process was killed again, exactly once', async () => {
    expect(existsSync(WORKER), 'build first: npx tsc -b').toBe(true);
    const storage = await createTestStorage(engineCase.dialect);
    opened.push(storage);

    // The job is sent by a process that does not work the queue.
    const sender = openTestJobs(engineCase, storage);
    await sender.start();
    const id = (await sender.send('crash', { post: 'p-1' }, { retryDelaySeconds: 1 })) as string;
    await sender.stop();

    const worker = await startWorker(engineCase.engine, storage.url, 'crash');
    expect(worker.taken).toBe(id);
    await new Promise((resolve) => {
      worker.child.once('exit', resolve);
      worker.child.kill('SIGKILL');
    });
    expect((await storedJob(engineCase.engine, storage, id))?.state).toBe('running');

    // The restart, on a connection of its own.
    const restartedStorage = openStorage(storage.url);
    const restarted = openTestJobs(engineCase, restartedStorage);
    const runs: number[] = [];
    await restarted.work('crash', async (job) => {
      expect(job.id).toBe(id);
      runs.push(job.attempt);
    });
    await restarted.start();
    try {
      await waitFor(
        'the interrupted job is done',
        async () => (await storedJob(engineCase.engine, storage, id))?.state === 'done',
      );
    } finally {
      await restarted.stop();
      await restartedStorage.close();
    }
    expect(runs).toHaveLength(1);
    // The killed run counted as an attempt.
    expect(runs[0]).toBeGreaterThanOrEqual(2);
    expect(await storedJob(engineCase.engine, storage, id)).toMatchObject({
      state: 'done',
      attempts: runs[0],
    });
  });
});
