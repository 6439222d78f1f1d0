import { DidNotFoundError, type IdResolver, PoorlyFormattedDidDocumentError } from '@atproto/identity';
import { parseCommitAuthenticated, parseCommitUnauthenticated } from '@atproto/sync';
import { Subscription } from '@atproto/xrpc-server';
import type { IncomingPost } from '../../incoming-post.js';
import type { BatchDelivery } from './batch-delivery.js';
import { BlueskySourceError } from './errors.js';
import type { HandleCache } from './handle-cache.js';
import { isRecordKey, POST_COLLECTION, toIncomingPost } from './post-record.js';

const METHOD = 'com.atproto.sync.subscribeRepos';
const PREFIX = `${METHOD}#`;

type Commit = Parameters<typeof parseCommitUnauthenticated>[0];

export interface FirehoseReading {
  /** ws:// or wss:// address of a PDS or a relay, without /xrpc. */
  readonly service: string;
  /** The last `seq` stored, or null to start from now. */
  readonly cursor: string | null;
  readonly batch: BatchDelivery;
  readonly handles: HandleCache;
  /** Set: commits are verified against the author's key; unset: trusted transport. */
  readonly verifier: IdResolver | null;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  readonly heartbeatIntervalMs: number;
  /** A service that accepts the connection but never answers is given up after this. */
  readonly handshakeTimeoutMs: number;
  readonly warn: (message: string, details?: Record<string, unknown>) => void;
}

/** The firehose cursor is the last `seq` read: a non-negative integer. */
export function parseFirehoseCursor(cursor: string | null): number | null {
  if (cursor === null) return null;
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new BlueskySourceError(
      'curseur_invalide',
      `Curseur du flux Bluesky invalide : « ${cursor.slice(0, 40)} ».`,
    );
  }
  return Number(cursor);
}

/**
 * Reads com.atproto.sync.subscribeRepos from `cursor` until `signal` aborts (then resolves) or the
 * stream fails (then rejects with a BlueskySourceError). It never reconnects by itself: the
 * runner owns back-off and restarts from the stored cursor, which keeps one rule for every source
 * and makes "what was delivered" the only state that survives.
 */
export async function readFirehose(reading: FirehoseReading): Promise<void> {
  const startSeq = parseFirehoseCursor(reading.cursor);
  let lastSeq = startSeq ?? -1;
  // Our own switch: a failure inside the loop closes the connection through it, the same path as
  // a stop, rather than relying on the websocket iterator's return() to close it.
  const stopping = new AbortController();
  const forward = () => stopping.abort(reading.signal.reason);
  if (reading.signal.aborted) forward();
  reading.signal.addEventListener('abort', forward, { once: true });
  let fatal: unknown = null;
  const subscription = new Subscription<Record<string, unknown>>({
    service: reading.service,
    method: METHOD,
    signal: stopping.signal,
    heartbeatIntervalMs: reading.heartbeatIntervalMs,
    handshakeTimeout: reading.handshakeTimeoutMs,
    getParams: () => (startSeq === null ? {} : { cursor: startSeq }),
    // The shapes are checked below, event by event, so that one odd event never stops the stream.
    validate: (value) =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined,
    onReconnectError: (error) => {
      throw new BlueskySourceError('flux_injoignable', `Flux Bluesky injoignable (${reading.service}).`, {
        cause: error,
      });
    },
  });
  try {
    for await (const event of subscription) {
      try {
        lastSeq = await handleEvent(event, lastSeq, reading);
      } catch (error) {
        fatal = error;
        stopping.abort(error);
        break;
      }
    }
  } catch (error) {
    if (fatal === null && !stopping.signal.aborted) fatal = asSourceError(error, reading.service);
  } finally {
    reading.signal.removeEventListener('abort', forward);
  }
  if (fatal !== null) throw fatal;
  if (reading.signal.aborted) return;
  throw new BlueskySourceError('flux_interrompu', `Le service Bluesky a fermé le flux (${reading.service}).`);
}

/** One event of the stream: its posts and the cursor after it go to the batch. Returns the new last seq. */
async function handleEvent(event: Record<string, unknown>, lastSeq: number, reading: FirehoseReading) {
  const seq = event.seq;
  const type = typeof event.$type === 'string' ? event.$type.slice(PREFIX.length) : '';
  if (type === 'info') {
    // OutdatedCursor: the service no longer holds events that old; it starts from its oldest.
    reading.warn('Bluesky : message du service', { name: event.name, message: event.message });
    return lastSeq;
  }
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= lastSeq) return lastSeq;
  let posts: IncomingPost[] = [];
  if (type === 'commit') posts = await postsOfCommit(event as unknown as Commit, reading);
  else if (type === 'identity' && typeof event.did === 'string') {
    reading.handles.learn(event.did, typeof event.handle === 'string' ? event.handle : undefined);
  }
  await reading.batch.add(posts, String(seq));
  return seq;
}

async function postsOfCommit(commit: Commit, reading: FirehoseReading): Promise<IncomingPost[]> {
  if (!Array.isArray(commit.ops) || typeof commit.repo !== 'string') return [];
  const hasPostCreate = commit.ops.some(
    (op) =>
      op?.action === 'create' && typeof op.path === 'string' && op.path.startsWith(`${POST_COLLECTION}/`),
  );
  if (!hasPostCreate) return [];
  const onlyPosts = (collection: string) => collection === POST_COLLECTION;
  // Outside the try below: a directory that does not answer stops the source (no loss), it does
  // not make the commit "unverifiable".
  if (reading.verifier !== null && !(await signingKeyKnown(reading.verifier, commit.repo, reading.service))) {
    reading.warn('Bluesky : commit ignoré (identité introuvable)', { repo: commit.repo, seq: commit.seq });
    return [];
  }
  let writes: Awaited<ReturnType<typeof parseCommitUnauthenticated>>;
  try {
    writes =
      reading.verifier === null
        ? await parseCommitUnauthenticated(commit, onlyPosts)
        : await parseCommitAuthenticated(reading.verifier, commit, onlyPosts);
  } catch (error) {
    // A commit we cannot decode or whose signature does not verify is not a post we can vouch
    // for: skipped (and said), the stream goes on.
    reading.warn('Bluesky : commit ignoré (illisible ou signature invalide)', {
      repo: commit.repo,
      seq: commit.seq,
      error: error instanceof Error ? error.message : String(error),
    });
    return [];
  }
  const posts: IncomingPost[] = [];
  for (const write of writes) {
    if (write.event !== 'create' || write.collection !== POST_COLLECTION || !isRecordKey(write.rkey))
      continue;
    const post = toIncomingPost(
      {
        did: write.did,
        rkey: write.rkey,
        record: write.record,
        eventTime: typeof write.time === 'string' ? write.time : null,
        handle: reading.handles.get(write.did),
      },
      reading.now(),
    );
    if (post !== null) posts.push(post);
  }
  return posts;
}

/**
 * Resolves the author's signing key first, to tell "this DID has no usable document" (skip the
 * commit) from "the directory did not answer" (stop, and retry the same events later: no loss).
 */
async function signingKeyKnown(verifier: IdResolver, did: string, service: string): Promise<boolean> {
  try {
    await verifier.did.resolveAtprotoKey(did);
    return true;
  } catch (error) {
    if (error instanceof DidNotFoundError || error instanceof PoorlyFormattedDidDocumentError) return false;
    if (
      error instanceof Error &&
      /missing signing key|unsupported did|poorly formatted/i.test(error.message)
    ) {
      return false;
    }
    throw new BlueskySourceError(
      'annuaire_injoignable',
      `L’annuaire des identités Bluesky ne répond pas : signature non vérifiable (${service}).`,
      { cause: error },
    );
  }
}

function asSourceError(error: unknown, service: string): BlueskySourceError {
  if (error instanceof BlueskySourceError) return error;
  const name = (error as { error?: unknown } | null)?.error;
  if (name === 'FutureCursor') {
    return new BlueskySourceError(
      'curseur_dans_le_futur',
      `Le curseur enregistré est en avance sur le service Bluesky (${service}) : service changé ou remis à zéro ?`,
      { cause: error },
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  const timedOut = error instanceof Error && /handshake has timed out/i.test(error.message);
  if (timedOut || (typeof code === 'string' && /^E[A-Z]+$/.test(code))) {
    return new BlueskySourceError('flux_injoignable', `Flux Bluesky injoignable (${service}).`, {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new BlueskySourceError(
    'flux_en_erreur',
    `Le flux Bluesky a renvoyé une erreur (${service}) : ${detail}`,
    {
      cause: error,
    },
  );
}
