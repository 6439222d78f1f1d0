import { IdResolver, MemoryCache } from '@atproto/identity';
import type { Source, SourceSink } from '../source.js';
import { BatchDelivery, type BatchLimits, DEFAULT_BATCH_LIMITS } from './batch-delivery.js';
import { readFirehose } from './firehose-reader.js';
import { HandleCache } from './handle-cache.js';
import { readJetstream } from './jetstream-reader.js';
import { type BlueskySettingsInput, blueskySettingsSchema } from './settings.js';

export interface BlueskySourceOptions {
  /** How deliveries are grouped (defaults: 100 posts or 500 ms; the cursor alone every 5 s). */
  readonly batch?: Partial<BatchLimits>;
  /** The clock, for publishedAt's sanity check. */
  readonly now?: () => Date;
  /** A silent connection is declared dead after two missed pings at this interval (default 10 s). */
  readonly heartbeatIntervalMs?: number;
  /** A service that accepts the connection but never answers is given up after this (default 30 s). */
  readonly handshakeTimeoutMs?: number;
  /** Events skipped and service notices (an outdated cursor…), for the log. */
  readonly warn?: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * A Bluesky source: the firehose of a PDS or a relay, or Jetstream, read from the stored cursor.
 * Only post creations are delivered (replies included, they are posts); likes, reposts, follows,
 * edits and deletions are ignored. `settings` is checked with blueskySettingsSchema (throws a
 * ZodError when invalid: validate it where the administrator enters it).
 *
 * One HandleCache per source lives across runs, so a restart after a network error keeps the
 * handles already learnt.
 */
export function createBlueskySource(
  settingsInput: BlueskySettingsInput,
  options: BlueskySourceOptions = {},
): Source {
  const settings = blueskySettingsSchema.parse(settingsInput);
  const limits: BatchLimits = { ...DEFAULT_BATCH_LIMITS, ...options.batch };
  const handles = new HandleCache();
  const now = options.now ?? (() => new Date());
  const warn = options.warn ?? (() => {});
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 10_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 30_000;
  // One resolver with a cache for the whole life of the source: a key is fetched once per author
  // (refreshed after an hour), not once per post.
  const verifier =
    settings.verifySignatures && settings.mode === 'firehose'
      ? new IdResolver({ plcUrl: settings.plcUrl, didCache: new MemoryCache(), timeout: 10_000 })
      : null;

  return {
    kind: 'bluesky',
    async run(cursor: string | null, sink: SourceSink, signal: AbortSignal): Promise<void> {
      if (signal.aborted) return;
      // Stops the reading when the runner aborts, or at once when a delivery fails.
      const reading = new AbortController();
      const onAbort = () => reading.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      const batch = new BatchDelivery(sink, cursor, limits, (error) => reading.abort(error));
      try {
        const common = {
          service: settings.service,
          cursor,
          batch,
          handles,
          signal: reading.signal,
          now,
          warn,
          heartbeatIntervalMs,
          handshakeTimeoutMs,
        };
        if (settings.mode === 'firehose') await readFirehose({ ...common, verifier });
        else await readJetstream(common);
      } finally {
        signal.removeEventListener('abort', onAbort);
        reading.abort();
        await batch.close();
      }
      if (batch.failed !== null) throw batch.failed;
    },
  };
}
