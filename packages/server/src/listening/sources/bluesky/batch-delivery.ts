import type { IncomingPost } from '../../incoming-post.js';
import type { SourceSink } from '../source.js';

export interface BatchLimits {
  /** Deliver as soon as this many posts wait. */
  readonly maxPosts: number;
  /** Deliver posts at the latest this long after the first one arrived. */
  readonly maxWaitMs: number;
  /**
   * When only the cursor moved (events that are not posts: likes, follows…), store it at this
   * pace: a restart then replays at most this much, without one write per event.
   */
  readonly cursorOnlyWaitMs: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxPosts: 100, maxWaitMs: 500, cursorOnlyWaitMs: 5_000 };

/**
 * Groups what a stream reads into small deliveries, each with the cursor just after its last
 * event, so that the sink stores a batch and its cursor together: a crash loses only what was not
 * yet delivered, and a restart from the stored cursor reads exactly that again.
 *
 * Deliveries are strictly sequential and in stream order. A full batch makes `add` wait for its
 * delivery (back-pressure: a slow database slows the reading, it does not fill memory).
 */
export class BatchDelivery {
  private pending: IncomingPost[] = [];
  private pendingCursor: string | null;
  private deliveredCursor: string | null;
  private inFlight: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private timerForPosts = false;
  private failure: unknown = null;
  private closed = false;

  constructor(
    private readonly sink: SourceSink,
    startCursor: string | null,
    private readonly limits: BatchLimits,
    /** Called once when a delivery fails, so the reader stops at once instead of reading on. */
    private readonly onFailure: (error: unknown) => void,
  ) {
    this.pendingCursor = startCursor;
    this.deliveredCursor = startCursor;
  }

  /** Records one event of the stream: its posts (often none) and the cursor after it. */
  async add(posts: readonly IncomingPost[], cursorAfter: string): Promise<void> {
    this.throwIfFailed();
    this.pending.push(...posts);
    this.pendingCursor = cursorAfter;
    if (this.pending.length >= this.limits.maxPosts) {
      await this.flush();
      this.throwIfFailed();
      return;
    }
    if (this.pending.length > 0 && !this.timerForPosts) this.schedule(this.limits.maxWaitMs, true);
    else if (this.timer === null) this.schedule(this.limits.cursorOnlyWaitMs, false);
  }

  /** Stops the timers and waits for the delivery in flight; what is pending is not delivered. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.inFlight;
  }

  /** The error of a failed delivery, if one failed. */
  get failed(): unknown {
    return this.failure;
  }

  private schedule(delayMs: number, forPosts: boolean): void {
    this.clearTimer();
    this.timerForPosts = forPosts;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerForPosts = false;
      void this.flush();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerForPosts = false;
  }

  private flush(): Promise<void> {
    this.clearTimer();
    if (this.closed || this.failure !== null) return this.inFlight;
    const cursor = this.pendingCursor;
    if (this.pending.length === 0 && cursor === this.deliveredCursor) return this.inFlight;
    const posts = this.pending;
    this.pending = [];
    this.deliveredCursor = cursor;
    this.inFlight = this.inFlight.then(async () => {
      if (this.failure !== null) return;
      try {
        await this.sink.deliver(posts, cursor);
      } catch (error) {
        this.failure = error;
        this.onFailure(error);
      }
    });
    return this.inFlight;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}
