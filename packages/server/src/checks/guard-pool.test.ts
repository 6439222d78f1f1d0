import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { longText } from '../bench/long-text.js';
import type { Problem } from '../http/problem.js';
import { GuardPool, guardWorkerUrl } from './guard-pool.js';
import { analyseTask, type GuardTask } from './guard-task.js';

/** About 20,000 characters of posts: what one person pasted to stall the server. */
const LONG_TEXT = longText(19_500);

const TASK: GuardTask = { text: LONG_TEXT, context: 'staff', lists: { names: ['CHU de Valmont'] } };

/**
 * A worker like the guard's, that also dies on « 💥 » and never answers « sommeil »: a crash and
 * a runaway analysis, on demand. It runs the compiled guard task, like the real worker.
 */
function misbehavingWorker(): Worker {
  const task = new URL('guard-task.js', guardWorkerUrl()).href;
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(task)}).then(({ analyseTask, warmUp }) => {
      warmUp();
      parentPort.postMessage({ ready: true });
      parentPort.on('message', ({ id, task }) => {
        if (task.text === '💥') process.exit(3);
        if (task.text === 'sommeil') return;
        parentPort.postMessage({ id, report: analyseTask(task) });
      });
    });`;
  return new Worker(code, { eval: true });
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: Problem) => error.code,
  );

describe('the guard’s worker pool', () => {
  let pool: GuardPool | undefined;
  afterEach(async () => pool?.close());

  it('gives the same report for a long text as the analysis in this thread', async () => {
    pool = new GuardPool({ size: 1, queue: 4, timeoutMs: 60_000 });
    const report = await pool.run(TASK);
    expect(report).toEqual(analyseTask(TASK));
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('starts all its workers ahead of the first text when asked', async () => {
    const idle = () =>
      new Worker(
        "const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => {}); parentPort.postMessage({ ready: true });",
        { eval: true },
      );
    pool = new GuardPool({ size: 2, queue: 4, timeoutMs: 60_000, spawn: idle });
    expect(pool.workers).toBe(0);
    pool.prestart();
    expect(pool.workers).toBe(2);
    expect(pool.running).toBe(0);
  });

  it('replaces a worker that crashes, and the next analysis succeeds', async () => {
    pool = new GuardPool({ size: 1, queue: 4, timeoutMs: 60_000, spawn: misbehavingWorker });
    expect(await codeOf(pool.run({ ...TASK, text: '💥' }))).toBe('analyse_interrompue');
    expect(pool.replaced).toBe(1);
    const report = await pool.run({ ...TASK, text: 'Mme Lefèvre, chambre 12, va mieux.' });
    expect(report.verdict).toBe('block');
  });

  it('stops an analysis that overruns its time, and the next one runs on a fresh worker', async () => {
    const limit = { timeoutMs: 300 };
    pool = new GuardPool({
      size: 1,
      queue: 4,
      get timeoutMs() {
        return limit.timeoutMs;
      },
      spawn: misbehavingWorker,
    });
    expect(await codeOf(pool.run({ ...TASK, text: 'sommeil' }))).toBe('analyse_trop_longue');
    expect(pool.replaced).toBe(1);
    // A shared machine may take long over a cold worker's first text: the time limit is for
    // the runaway one only.
    limit.timeoutMs = 60_000;
    expect((await pool.run({ ...TASK, text: 'Bonne journée à toutes et à tous.' })).verdict).toBe('ok');
  });

  it('refuses at once what exceeds its queue, and drops a waiting analysis whose client left', async () => {
    pool = new GuardPool({ size: 1, queue: 1, timeoutMs: 500, spawn: misbehavingWorker });
    const running = codeOf(pool.run({ ...TASK, text: 'sommeil' }));
    const gone = new AbortController();
    const waiting = codeOf(pool.run({ ...TASK, text: 'Bonjour' }, gone.signal));
    expect(await codeOf(pool.run({ ...TASK, text: 'Bonjour' }))).toBe('analyse_saturee');
    gone.abort();
    expect(await waiting).toBe('analyse_annulee');
    expect(await running).toBe('analyse_trop_longue');
  });
});
