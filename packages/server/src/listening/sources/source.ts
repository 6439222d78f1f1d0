import type { IncomingPost } from '../incoming-post.js';

/**
 * Where a source hands what it read. `deliver` stores the posts and the cursor after them in one
 * transaction, so that a source killed at any moment resumes from the last stored cursor with
 * neither a lost nor a duplicated mention (posts already stored are recognised and skipped).
 */
export interface SourceSink {
  deliver(posts: readonly IncomingPost[], cursorAfter: string | null): Promise<void>;
}

/**
 * One source of public posts (a firehose, a feed, an API, an import). `run` reads from `cursor`
 * (null: from now, or from the beginning for a feed) and delivers until `signal` aborts, then
 * resolves. It throws on an error it cannot get past; the runner backs off and starts it again
 * from the last stored cursor.
 */
export interface Source {
  readonly kind: IncomingPost['source'];
  run(cursor: string | null, sink: SourceSink, signal: AbortSignal): Promise<void>;
}

/** A source read by polling: one request (or a few) per call, the runner spaces the calls. */
export interface PollingSource {
  readonly kind: IncomingPost['source'];
  /** Reads what is new after `cursor`; returns the posts and the cursor to store after them. */
  poll(cursor: string | null, signal: AbortSignal): Promise<{ posts: IncomingPost[]; cursor: string | null }>;
}
