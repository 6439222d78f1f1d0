import { describe, expect, it } from 'vitest';
import type { IncomingPost } from '../../incoming-post.js';
import type { SourceSink } from '../source.js';
import { BatchDelivery } from './batch-delivery.js';
import { MemorySink, waitFor } from './memory-sink.test-support.js';

function post(index: number): IncomingPost {
  return {
    source: 'bluesky',
    externalId: `at://did:plc:x/app.bsky.feed.post/${index}`,
    url: null,
    authorHandle: 'did:plc:x',
    authorKind: null,
    reach: null,
    text: `Post ${index}`,
    publishedAt: '2026-12-05T12:00:00.000Z',
  };
}

/** Long enough never to fire during a test: only the size limit delivers. */
const NEVER = 3_600_000;

describe('batched delivery with the cursor after each batch', () => {
  it('delivers a full batch with the cursor of its last event, and makes the reader wait for it', async () => {
    let release: () => void = () => {};
    const sink = new MemorySink();
    const slow: SourceSink = {
      deliver: async (posts, cursor) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        await sink.deliver(posts, cursor);
      },
    };
    const batch = new BatchDelivery(
      slow,
      '10',
      { maxPosts: 2, maxWaitMs: NEVER, cursorOnlyWaitMs: NEVER },
      () => {},
    );
    await batch.add([post(1)], '11');
    await batch.add([], '12');
    let added = false;
    const full = batch.add([post(2)], '13').then(() => {
      added = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(added).toBe(false);
    release();
    await full;
    expect(sink.deliveries).toEqual([{ posts: [post(1), post(2)], cursorAfter: '13' }]);
    await batch.close();
  });

  it('delivers waiting posts after the wait limit, and a moved cursor alone at its slower pace', async () => {
    const sink = new MemorySink();
    const batch = new BatchDelivery(
      sink,
      null,
      { maxPosts: 100, maxWaitMs: 30, cursorOnlyWaitMs: 60 },
      () => {},
    );
    await batch.add([post(1)], '1');
    await waitFor(() => sink.deliveries.length === 1, 'la livraison au bout du délai');
    expect(sink.deliveries[0]).toEqual({ posts: [post(1)], cursorAfter: '1' });
    await batch.add([], '2');
    await batch.add([], '3');
    await waitFor(() => sink.deliveries.length === 2, 'le curseur seul');
    expect(sink.deliveries[1]).toEqual({ posts: [], cursorAfter: '3' });
    await batch.close();
  });

  it('on close, waits for the delivery in flight and delivers nothing more (re-read from the cursor)', async () => {
    const sink = new MemorySink();
    const batch = new BatchDelivery(
      sink,
      '5',
      { maxPosts: 2, maxWaitMs: NEVER, cursorOnlyWaitMs: NEVER },
      () => {},
    );
    await batch.add([post(1), post(2)], '6');
    await batch.add([post(3)], '7');
    await batch.close();
    expect(sink.deliveries).toEqual([{ posts: [post(1), post(2)], cursorAfter: '6' }]);
  });

  it('stops at the first failed delivery: reports it once, refuses more, never delivers after it', async () => {
    const failures: unknown[] = [];
    let calls = 0;
    const broken: SourceSink = {
      deliver: async () => {
        calls += 1;
        throw new Error('base de données indisponible');
      },
    };
    const batch = new BatchDelivery(
      broken,
      null,
      { maxPosts: 1, maxWaitMs: NEVER, cursorOnlyWaitMs: NEVER },
      (error) => failures.push(error),
    );
    await expect(batch.add([post(1)], '1')).rejects.toThrow('base de données indisponible');
    await expect(batch.add([post(2)], '2')).rejects.toThrow('base de données indisponible');
    await batch.close();
    expect(calls).toBe(1);
    expect(failures).toHaveLength(1);
    expect(batch.failed).toBeInstanceOf(Error);
  });
});
