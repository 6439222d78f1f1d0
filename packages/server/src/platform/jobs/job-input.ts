import type { JobPayload, SendOptions } from './jobs.js';

/** The defaults the Jobs interface promises (jobs.ts), the same on every engine. */
export const DEFAULT_RETRY_LIMIT = 3;
export const DEFAULT_RETRY_DELAY_SECONDS = 30;

/** Letters, digits and . _ : - : a queue name is also a pg-boss partition name and a log word. */
const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const MAX_SINGLETON_KEY = 500;

/** A send() that the engines accept, checked once for both so that they reject the same things. */
export interface CheckedJob {
  readonly queue: string;
  /** The payload as stored: JSON text. */
  readonly json: string;
  readonly startAfter: Date | null;
  readonly singletonKey: string | null;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
}

/** A programming error in a send() or work() call: names the argument at fault. */
export class JobInputError extends Error {
  override readonly name = 'JobInputError';
}

export function checkQueueName(queue: unknown): string {
  if (typeof queue !== 'string' || !QUEUE_NAME.test(queue)) {
    throw new JobInputError(
      `nom de file de tâches invalide : ${JSON.stringify(queue)} (lettres, chiffres, . _ : -, 100 caractères au plus)`,
    );
  }
  return queue;
}

export function checkJob(queue: string, data: JobPayload, options: SendOptions = {}): CheckedJob {
  checkQueueName(queue);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new JobInputError('les données d’une tâche doivent être un objet');
  }
  let json: string;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    throw new JobInputError(
      `les données de la tâche ne sont pas sérialisables en JSON : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { startAfter, singletonKey } = options;
  if (startAfter !== undefined && (!(startAfter instanceof Date) || Number.isNaN(startAfter.getTime()))) {
    throw new JobInputError('startAfter doit être une date valide');
  }
  if (
    singletonKey !== undefined &&
    (typeof singletonKey !== 'string' || singletonKey.length === 0 || singletonKey.length > MAX_SINGLETON_KEY)
  ) {
    throw new JobInputError(`singletonKey doit être un texte de 1 à ${MAX_SINGLETON_KEY} caractères`);
  }
  return {
    queue,
    json,
    startAfter: startAfter ?? null,
    singletonKey: singletonKey ?? null,
    retryLimit: wholeNumber('retryLimit', options.retryLimit ?? DEFAULT_RETRY_LIMIT, 1000),
    // Whole seconds: pg-boss stores an integer, and both engines must schedule the same retries.
    retryDelaySeconds: wholeNumber(
      'retryDelaySeconds',
      options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
      24 * 60 * 60,
    ),
  };
}

function wholeNumber(name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new JobInputError(`${name} doit être un entier entre 0 et ${max}`);
  }
  return value;
}

/** What is kept of a handler's failure: its message, bounded (a stack or a huge message stays out). */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}

/** Thrown by send() on an engine that is not started, or already stopped. */
export class JobsNotRunningError extends Error {
  override readonly name = 'JobsNotRunningError';
}
