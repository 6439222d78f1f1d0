import type { AppContext } from '../../http/context.js';
import type { IncomingPost } from '../incoming-post.js';
import { type IngestResult, ingestBatch } from '../ingest/ingest-batch.js';
import type { NewMentionsListener } from '../new-mention.js';
import type { CompileWatchTerms } from '../watch-terms/matcher-cache.js';
import { backoffDelay, retryAfterOf, sourceErrorMessage } from './backoff.js';
import { isPolling, type SourceRegistry } from './registry.js';
import type { PollingSource, Source } from './source.js';
import { findSourceById, type SourceRow, updateSource } from './source-repository.js';

/** Between two polls that found nothing new; a source's settings may ask for more, never less than a minute. */
export const DEFAULT_POLL_INTERVAL_S = 300;
export const MIN_POLL_INTERVAL_S = 60;

export interface RunnerOptions {
  readonly context: AppContext;
  readonly sourceId: string;
  readonly registry: SourceRegistry;
  readonly listeners: readonly NewMentionsListener[];
  /** The watch-term compiler (default: compileWatchTerms). */
  readonly compile?: CompileWatchTerms;
  readonly signal: AbortSignal;
  /** Waits `ms` or until the signal aborts (tests wait for nothing). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Jitter of the back-off, in [0, 1). */
  readonly random?: () => number;
  /** Where the details of a failure go (the stored message is for people and says little). */
  readonly log?: (message: string, error: unknown) => void;
}

/** A wait that ends early, without error, when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** The polling interval a source's stored settings ask for, within bounds. */
export function pollIntervalMs(settings: string): number {
  let asked: unknown;
  try {
    asked = (JSON.parse(settings) as { pollIntervalSeconds?: unknown }).pollIntervalSeconds;
  } catch {
    asked = undefined;
  }
  const seconds = typeof asked === 'number' && Number.isFinite(asked) ? asked : DEFAULT_POLL_INTERVAL_S;
  return Math.max(MIN_POLL_INTERVAL_S, seconds) * 1000;
}

/**
 * Runs one listening source until the signal aborts or the source is disabled or removed:
 * reads from the stored cursor, hands each batch to ingestBatch (which stores it with the cursor
 * after it, in one transaction), and after a failure records it (failures, a French message,
 * the next attempt) and waits, doubling the wait up to an hour; the first success clears it.
 * A source killed at any moment resumes from the last stored cursor.
 */
export async function runSource(options: RunnerOptions): Promise<void> {
  const { context, signal } = options;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  while (!signal.aborted) {
    const row = await findSourceById(context.storage.db, options.sourceId);
    if (row === undefined || row.enabled !== 1) return;
    const waitUntil = row.next_attempt_at === null ? 0 : Date.parse(row.next_attempt_at);
    const waitMs = waitUntil - context.clock().getTime();
    if (waitMs > 0) {
      // A restart during a back-off keeps it: a rate-limited network is not asked again sooner.
      await sleep(waitMs, signal);
      continue;
    }
    try {
      const source = build(options.registry, row);
      if (isPolling(source)) await pollUntilStopped(options, row, source, sleep);
      else await streamOnce(options, row, source);
      if (!signal.aborted && !isPolling(source)) await sleep(pollIntervalMs(row.settings), signal);
    } catch (error) {
      if (signal.aborted) return;
      options.log?.(`listening source ${row.id} (${row.kind}) failed`, error);
      await recordFailure(options, row.id, error, random);
    }
  }
}

function build(registry: SourceRegistry, row: SourceRow): Source | PollingSource {
  const definition = registry[row.kind as keyof SourceRegistry];
  if (definition === undefined) {
    throw Object.assign(new Error(`no source definition for ${row.kind}`), {
      userMessage: 'Ce type de source n’est pas disponible sur ce serveur.',
    });
  }
  const parsed = definition.settingsSchema.safeParse(JSON.parse(row.settings));
  if (!parsed.success) {
    throw Object.assign(new Error('invalid settings'), {
      userMessage: 'Les réglages de cette source ne sont plus valides : modifiez-les.',
    });
  }
  return definition.create(parsed.data);
}

/** Stores a batch; the first batch after failures clears them. */
async function deliver(
  options: RunnerOptions,
  row: SourceRow,
  posts: readonly IncomingPost[],
  cursor: string | null,
  state: { failing: boolean },
): Promise<IngestResult> {
  const result = await ingestBatch(
    options.context,
    { sourceId: row.id, establishmentId: row.establishment_id },
    posts,
    cursor,
    options.listeners,
    options.compile,
  );
  if (state.failing) {
    await updateSource(options.context.storage.db, row.id, {
      failures: 0,
      last_error: null,
      next_attempt_at: null,
    });
    state.failing = false;
  }
  return result;
}

/** Polls: again at once while there is more to catch up on, then at the source's interval. */
async function pollUntilStopped(
  options: RunnerOptions,
  row: SourceRow,
  source: PollingSource,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const state = { failing: row.failures > 0 };
  let cursor = row.cursor;
  const interval = pollIntervalMs(row.settings);
  while (!options.signal.aborted) {
    const page = await source.poll(cursor, options.signal);
    if (options.signal.aborted) return;
    await deliver(options, row, page.posts, page.cursor, state);
    const moved = page.cursor !== cursor;
    cursor = page.cursor;
    if (page.posts.length === 0 || !moved) {
      await sleep(interval, options.signal);
      // Disabled, removed or edited meanwhile: the caller reads the row again.
      const fresh = await findSourceById(options.context.storage.db, row.id);
      if (fresh === undefined || fresh.enabled !== 1 || fresh.settings !== row.settings) return;
    }
  }
}

async function streamOnce(options: RunnerOptions, row: SourceRow, source: Source): Promise<void> {
  const state = { failing: row.failures > 0 };
  // Batches are delivered one at a time, in order, whatever the source does.
  let chain: Promise<unknown> = Promise.resolve();
  await source.run(
    row.cursor,
    {
      deliver: (posts, cursorAfter) => {
        const next = chain.then(() => deliver(options, row, posts, cursorAfter, state));
        chain = next.catch(() => undefined);
        return next.then(() => undefined);
      },
    },
    options.signal,
  );
  await chain;
}

async function recordFailure(
  options: RunnerOptions,
  sourceId: string,
  error: unknown,
  random: () => number,
): Promise<void> {
  const db = options.context.storage.db;
  const row = await findSourceById(db, sourceId);
  if (row === undefined) return;
  const failures = row.failures + 1;
  const delay = backoffDelay(failures, random, retryAfterOf(error));
  await updateSource(db, sourceId, {
    failures,
    last_error: sourceErrorMessage(error),
    next_attempt_at: new Date(options.context.clock().getTime() + delay).toISOString(),
  });
}
