import { z } from 'zod';

/** A websocket address: the firehose and Jetstream both speak websocket, nothing else. */
const websocketUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      const websocket = url.protocol === 'wss:' || url.protocol === 'ws:';
      // No query or fragment: the reader adds its own parameters (cursor, collections).
      return websocket && url.hostname !== '' && url.search === '' && url.hash === '' && url.username === '';
    } catch {
      return false;
    }
  }, 'Adresse invalide : une adresse ws:// ou wss:// est attendue (par exemple wss://bsky.network).')
  // No trailing slash: the reader appends /xrpc/… or /subscribe itself.
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * What an administrator sets for one Bluesky source (stored as the source's settings).
 *
 * - `firehose`: com.atproto.sync.subscribeRepos of a PDS or a relay (wss://bsky.network), binary
 *   DAG-CBOR, cursor = the event's `seq`.
 * - `jetstream`: Bluesky's JSON re-encoding of the relay (wss://jetstream2.us-east.bsky.network),
 *   cursor = the event's `time_us`. Much lighter for a whole-network deployment.
 *
 * `verifySignatures` (firehose only) checks every post's commit against the author's signing key
 * from the DID document. Off by default: a relay already verifies commits before relaying them,
 * the transport is TLS to a service we chose, and what becomes evidence is fetched again later
 * as a signed CAR and verified then. Turning it on makes listening depend on the PLC directory
 * being reachable (an unreachable directory stops the source until it answers, losing nothing).
 */
export const blueskySettingsSchema = z.object({
  service: websocketUrl,
  mode: z.enum(['firehose', 'jetstream']).default('firehose'),
  verifySignatures: z.boolean().default(false),
  /** The DID PLC directory used to verify signatures. */
  plcUrl: z
    .url({ protocol: /^https?$/, error: 'Adresse de l’annuaire PLC invalide.' })
    .default('https://plc.directory'),
});

export type BlueskySettings = z.output<typeof blueskySettingsSchema>;
export type BlueskySettingsInput = z.input<typeof blueskySettingsSchema>;
