import type { IncomingPost } from '../../incoming-post.js';
import type { SourceSink } from '../source.js';

/**
 * A sink that keeps deliveries in memory, as the real one stores them: the posts and the cursor of
 * a delivery together, and the stored cursor is the last delivery's. For tests.
 */
export class MemorySink implements SourceSink {
  readonly deliveries: { posts: IncomingPost[]; cursorAfter: string | null }[] = [];
  cursor: string | null = null;

  async deliver(posts: readonly IncomingPost[], cursorAfter: string | null): Promise<void> {
    this.deliveries.push({ posts: [...posts], cursorAfter });
    this.cursor = cursorAfter;
  }

  get posts(): IncomingPost[] {
    return this.deliveries.flatMap((delivery) => delivery.posts);
  }
}

/** Waits for a condition without timing assertions: polls, and fails only after a generous limit. */
export async function waitFor(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`toujours pas au bout de ${limitMs} ms : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
