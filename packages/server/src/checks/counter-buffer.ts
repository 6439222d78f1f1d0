import type { AppContext } from '../http/context.js';
import { type CheckCounter, incrementCounter } from './check-stats-repository.js';

/** How long counters wait in memory before they are written, at most. */
const FLUSH_EVERY_MS = 1000;

/**
 * Check counters, added up in memory and written once a second in one transaction. Writing them
 * with every check cost a durable commit (an fsync) per request and capped the server at a few
 * hundred checks a second; counters are statistics, and a crash loses at most the last second of
 * them, never a report, an incident or a piece of evidence.
 */
export class CounterBuffer {
  readonly #context: AppContext;
  #pending = new Map<string, { counter: CheckCounter; count: number }>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(context: AppContext) {
    this.#context = context;
  }

  add(counter: CheckCounter): void {
    const key = JSON.stringify([
      counter.establishmentId,
      counter.day,
      counter.context,
      counter.verdict,
      counter.ruleId,
    ]);
    const entry = this.#pending.get(key);
    if (entry === undefined) this.#pending.set(key, { counter, count: 1 });
    else entry.count++;
    if (this.#timer === undefined) {
      this.#timer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_EVERY_MS);
      // A pending flush must not keep a finished process alive; close() flushes what is left.
      this.#timer.unref();
    }
  }

  /** Writes every pending counter; concurrent calls are serialised. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const batch = [...this.#pending.values()];
    this.#pending = new Map();
    this.#flushing = this.#flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.#context.storage.db.transaction().execute(async (trx) => {
          for (const { counter, count } of batch) await incrementCounter(trx, counter, count);
        });
      } catch (error) {
        // Put them back: the next flush tries again.
        for (const { counter, count } of batch) for (let i = 0; i < count; i++) this.add(counter);
        throw error;
      }
    });
    return this.#flushing;
  }
}

const BUFFERS = new WeakMap<AppContext, CounterBuffer>();

export function counterBuffer(context: AppContext): CounterBuffer {
  let buffer = BUFFERS.get(context);
  if (buffer === undefined) {
    buffer = new CounterBuffer(context);
    BUFFERS.set(context, buffer);
  }
  return buffer;
}
