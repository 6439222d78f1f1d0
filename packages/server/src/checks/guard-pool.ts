import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Report } from '@blouse/guard';
import { Problem, RetryLater } from '../http/problem.js';
import type { GuardTask } from './guard-task.js';
import type { WorkerAnswer, WorkerRequest } from './guard-worker.js';

/**
 * The compiled worker, beside this module in dist/. Under the test runner this module is the
 * TypeScript source in src/, and the worker thread (which the runner does not transform) runs the
 * compiled one: tests of the pool need `npm run build` first, as CI's `npm ci` does.
 */
export function guardWorkerUrl(): URL {
  const beside = new URL('./guard-worker.js', import.meta.url);
  return existsSync(beside) ? beside : new URL('../../dist/checks/guard-worker.js', import.meta.url);
}

export interface GuardPoolOptions {
  /** Worker threads, started on the first long text (a server that serves no check never pays). */
  readonly size: number;
  /** Analyses waiting for a free worker; beyond, 503. */
  readonly queue: number;
  /** An analysis running longer is answered 503 and its worker replaced (it cannot be interrupted). */
  readonly timeoutMs: number;
  /** Starts one worker: the guard's by default; tests pass their own. */
  readonly spawn?: () => Worker;
}

interface Job {
  readonly task: GuardTask;
  readonly resolve: (report: Report) => void;
  readonly reject: (error: Error) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface Slot {
  readonly worker: Worker;
  /** The worker has loaded the lexicon and takes texts. */
  ready: boolean;
  job: { readonly id: number; readonly job: Job; readonly timer: NodeJS.Timeout } | undefined;
  gone: boolean;
}

const busy = () =>
  new RetryLater(
    503,
    'analyse_saturee',
    'Le serveur analyse déjà beaucoup de textes longs : réessayez dans un instant.',
    2,
  );
const tooLong = () =>
  new RetryLater(
    503,
    'analyse_trop_longue',
    'L’analyse de ce texte a pris trop de temps et a été arrêtée : raccourcissez-le ou réessayez.',
    5,
  );
const crashed = () =>
  new Problem(500, 'analyse_interrompue', 'L’analyse de ce texte a été interrompue : réessayez.');
const cancelled = () => new Problem(499, 'analyse_annulee', 'La vérification a été annulée par le client.');

/**
 * A fixed pool of worker threads for the guard's long analyses, so that a 20,000-character text
 * does not hold the event loop (and every other request) for its whole analysis. Jobs wait in a
 * bounded queue; a worker that crashes or overruns its time is replaced by a fresh one.
 */
export class GuardPool {
  readonly #options: GuardPoolOptions;
  readonly #slots: Slot[] = [];
  readonly #waiting: Job[] = [];
  #nextId = 1;
  #closed = false;
  /** Workers replaced after a crash or a timeout, for the logs and the tests. */
  replaced = 0;

  constructor(options: GuardPoolOptions) {
    this.#options = options;
  }

  /** Workers started (ready or loading the lexicon). */
  get workers(): number {
    return this.#slots.length;
  }

  /** Texts being analysed right now. */
  get running(): number {
    return this.#slots.filter((slot) => slot.job !== undefined).length;
  }

  /**
   * Starts every worker now, so that they have loaded the lexicon (seconds on a busy machine)
   * before the first long text arrives. The server calls it once listening; tests do not.
   */
  prestart(): void {
    while (this.#start());
  }

  /** Analyses a text in a worker; a job still waiting is dropped when `signal` aborts. */
  run(task: GuardTask, signal?: AbortSignal): Promise<Report> {
    if (this.#closed) return Promise.reject(busy());
    if (signal?.aborted) return Promise.reject(cancelled());
    // Room: a worker free (or yet to start) for each waiting text, plus the queue.
    const working = this.#slots.filter((slot) => slot.job !== undefined).length;
    if (this.#waiting.length >= this.#options.size - working + this.#options.queue)
      return Promise.reject(busy());
    return new Promise<Report>((resolve, reject) => {
      const job: Job = {
        task,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#waiting.indexOf(job);
          if (index === -1) return;
          this.#waiting.splice(index, 1);
          reject(cancelled());
        },
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.#waiting.push(job);
      this.#dispatch();
    });
  }

  /** Stops every worker; jobs still waiting or running are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#waiting.splice(0)) job.reject(busy());
    await Promise.all(
      this.#slots.splice(0).map((slot) => {
        slot.gone = true;
        if (slot.job !== undefined) {
          clearTimeout(slot.job.timer);
          slot.job.job.reject(busy());
        }
        return slot.worker.terminate();
      }),
    );
  }

  #dispatch(): void {
    // Enough workers for what waits, each taking texts once it is ready.
    const idle = this.#slots.filter((slot) => slot.job === undefined).length;
    for (let more = this.#waiting.length - idle; more > 0 && this.#start(); more--);
    while (this.#waiting.length > 0 && !this.#closed) {
      const slot = this.#slots.find((candidate) => candidate.ready && candidate.job === undefined);
      if (slot === undefined) return;
      const job = this.#waiting.shift() as Job;
      job.signal?.removeEventListener('abort', job.onAbort);
      const id = this.#nextId++;
      const timer = setTimeout(() => this.#fail(slot, tooLong()), this.#options.timeoutMs);
      slot.job = { id, job, timer };
      const request: WorkerRequest = { id, task: job.task };
      slot.worker.postMessage(request);
    }
  }

  #start(): boolean {
    if (this.#slots.length >= this.#options.size || this.#closed) return false;
    const worker = this.#options.spawn?.() ?? new Worker(guardWorkerUrl(), { execArgv: [] });
    // An idle pool must not keep a finished process (a test, a command) alive.
    worker.unref();
    const slot: Slot = { worker, ready: false, job: undefined, gone: false };
    worker.on('message', (answer: WorkerAnswer) => this.#answer(slot, answer));
    worker.on('error', () => this.#fail(slot, crashed()));
    worker.on('exit', () => this.#fail(slot, crashed()));
    this.#slots.push(slot);
    return true;
  }

  #answer(slot: Slot, answer: WorkerAnswer): void {
    if ('ready' in answer) {
      slot.ready = true;
      this.#dispatch();
      return;
    }
    const current = slot.job;
    if (slot.gone || current === undefined || current.id !== answer.id) return;
    clearTimeout(current.timer);
    slot.job = undefined;
    if ('report' in answer) current.job.resolve(answer.report);
    else current.job.reject(new Error(`guard worker: ${answer.error}`));
    this.#dispatch();
  }

  /** The worker's job fails with `error`; the worker is dropped and a fresh one takes its place. */
  #fail(slot: Slot, error: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    if (slot.job !== undefined) {
      clearTimeout(slot.job.timer);
      slot.job.job.reject(error);
      slot.job = undefined;
    }
    const index = this.#slots.indexOf(slot);
    if (index !== -1) this.#slots.splice(index, 1);
    void slot.worker.terminate();
    if (this.#closed) return;
    this.replaced++;
    // A worker that dies before it is ready (a broken install) would die again: the texts
    // waiting for it are refused rather than respawning workers in a loop.
    if (!slot.ready) for (const job of this.#waiting.splice(0)) job.reject(crashed());
    this.#dispatch();
  }
}
