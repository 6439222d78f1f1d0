import { createWebSocketStream, WebSocket } from 'ws';
import type { IncomingPost } from '../../incoming-post.js';
import type { BatchDelivery } from './batch-delivery.js';
import { BlueskySourceError } from './errors.js';
import type { HandleCache } from './handle-cache.js';
import { isRecordKey, POST_COLLECTION, toIncomingPost } from './post-record.js';

export interface JetstreamReading {
  /** ws:// or wss:// address of a Jetstream instance, without /subscribe. */
  readonly service: string;
  /** The `time_us` of the last event stored, or null to start from now. */
  readonly cursor: string | null;
  readonly batch: BatchDelivery;
  readonly handles: HandleCache;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  readonly heartbeatIntervalMs: number;
  readonly handshakeTimeoutMs: number;
  readonly warn: (message: string, details?: Record<string, unknown>) => void;
}

/** Jetstream's cursor is a unix time in microseconds (16 digits today). */
export function parseJetstreamCursor(cursor: string | null): string | null {
  if (cursor === null) return null;
  if (!/^\d{1,17}$/.test(cursor)) {
    throw new BlueskySourceError(
      'curseur_invalide',
      `Curseur Jetstream invalide : « ${cursor.slice(0, 40)} ».`,
    );
  }
  return cursor;
}

/** The /subscribe address (Jetstream v1 wire format, served by v1 and v2 instances alike). */
export function jetstreamUrl(service: string, cursor: string | null): string {
  const url = new URL(`${service}/subscribe`);
  url.searchParams.set('wantedCollections', POST_COLLECTION);
  if (cursor !== null) url.searchParams.set('cursor', cursor);
  return url.toString();
}

/**
 * Reads Jetstream (JSON over websocket) from `cursor` until `signal` aborts (resolves) or the
 * stream fails (rejects with a BlueskySourceError); no reconnection here, the runner does it.
 *
 * Jetstream replays from the cursor inclusively, and two events may share a microsecond, so the
 * event at the stored cursor is read again after a restart: the sink recognises it (posts are
 * stored once by externalId). Jetstream does not sign anything: trusted transport.
 */
export async function readJetstream(reading: JetstreamReading): Promise<void> {
  const cursor = parseJetstreamCursor(reading.cursor);
  let lastTime = cursor === null ? -1 : Number(cursor);
  // A failure inside the loop stops the stream through this switch, not by throwing out of the
  // loop (see readFirehose).
  const stopping = new AbortController();
  const forward = () => stopping.abort(reading.signal.reason);
  if (reading.signal.aborted) forward();
  reading.signal.addEventListener('abort', forward, { once: true });
  const socket = new WebSocket(jetstreamUrl(reading.service, cursor), {
    handshakeTimeout: reading.handshakeTimeoutMs,
  });
  let silent = false;
  const heartbeat = setInterval(() => {
    if (silent) {
      socket.terminate();
      return;
    }
    silent = true;
    if (socket.readyState === WebSocket.OPEN) socket.ping();
  }, reading.heartbeatIntervalMs);
  socket.on('pong', () => {
    silent = false;
  });
  socket.on('message', () => {
    silent = false;
  });
  let fatal: unknown = null;
  const stream = createWebSocketStream(socket, { readableObjectMode: true, signal: stopping.signal });
  try {
    for await (const chunk of stream) {
      try {
        lastTime = await handleMessage(chunk as Buffer, lastTime, reading);
      } catch (error) {
        fatal = error;
        stopping.abort(error);
        break;
      }
    }
  } catch (error) {
    if (fatal === null && !stopping.signal.aborted) {
      fatal = new BlueskySourceError('flux_injoignable', `Jetstream injoignable (${reading.service}).`, {
        cause: error,
      });
    }
  } finally {
    reading.signal.removeEventListener('abort', forward);
    clearInterval(heartbeat);
    socket.terminate();
  }
  if (fatal !== null) throw fatal;
  if (reading.signal.aborted) return;
  throw new BlueskySourceError('flux_interrompu', `Jetstream a fermé le flux (${reading.service}).`);
}

/** One Jetstream message: its post, if it is a post creation, and its time_us go to the batch. */
async function handleMessage(chunk: Buffer, lastTime: number, reading: JetstreamReading): Promise<number> {
  const event = parseJson(chunk);
  if (event === null) return lastTime;
  const time = event.time_us;
  if (typeof time !== 'number' || !Number.isSafeInteger(time) || time < lastTime) return lastTime;
  const did = typeof event.did === 'string' ? event.did : null;
  const posts: IncomingPost[] = [];
  if (event.kind === 'identity' && did !== null) {
    const identity = event.identity as { handle?: unknown } | undefined;
    reading.handles.learn(did, typeof identity?.handle === 'string' ? identity.handle : undefined);
  } else if (event.kind === 'commit' && did !== null) {
    const commit = event.commit as Record<string, unknown> | undefined;
    if (
      commit?.operation === 'create' &&
      commit.collection === POST_COLLECTION &&
      typeof commit.rkey === 'string' &&
      isRecordKey(commit.rkey)
    ) {
      const post = toIncomingPost(
        {
          did,
          rkey: commit.rkey,
          record: commit.record,
          eventTime: new Date(Math.floor(time / 1000)).toISOString(),
          handle: reading.handles.get(did),
        },
        reading.now(),
      );
      if (post !== null) posts.push(post);
    }
  }
  await reading.batch.add(posts, String(time));
  return time;
}

function parseJson(chunk: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(chunk.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
