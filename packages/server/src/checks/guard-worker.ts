import { parentPort } from 'node:worker_threads';
import { analyseTask, type GuardTask, warmUp } from './guard-task.js';

/**
 * A worker thread of the guard pool: analyses the long texts it is sent, one at a time, and
 * answers with the report or the error's message. It holds no state but the lexicon.
 */
export interface WorkerRequest {
  readonly id: number;
  readonly task: GuardTask;
}

export type WorkerAnswer =
  | { readonly ready: true }
  | { readonly id: number; readonly report: ReturnType<typeof analyseTask> }
  | { readonly id: number; readonly error: string };

// The lexicon first (a few hundred milliseconds), so that no text's time limit pays for it.
warmUp();
parentPort?.postMessage({ ready: true } satisfies WorkerAnswer);

parentPort?.on('message', (request: WorkerRequest) => {
  let answer: WorkerAnswer;
  try {
    answer = { id: request.id, report: analyseTask(request.task) };
  } catch (error) {
    answer = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
