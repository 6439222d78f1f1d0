import { createHash } from 'node:crypto';

/** The link before an establishment's first piece of evidence. */
export const EVIDENCE_GENESIS = '0'.repeat(64);

/** What a link of the evidence chain vouches for: everything that identifies the piece but its id. */
export interface EvidenceLinkFields {
  readonly seq: number;
  readonly incidentId: string;
  readonly kind: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly sourceUrl: string | null;
  readonly capturedAt: string;
  readonly capturedBy: string | null;
  /** The received file's SHA-256 when the stored bytes differ (an image stripped of metadata). */
  readonly originalSha256?: string | null;
}

/**
 * chain_hash = SHA-256( prev_hash, "\n", JSON array of the fields in a fixed order ); the
 * original's SHA-256, when there is one, is an eleventh element (links sealed before it existed
 * keep their ten, so every earlier chain still verifies). The same
 * function runs on the server and in `blouse evidence verify`, and the README of every export
 * describes it, so that anyone can recompute a link with a few lines of code of their own.
 */
export function evidenceChainHash(prevHash: string, fields: EvidenceLinkFields): string {
  const values: unknown[] = [
    fields.seq,
    fields.incidentId,
    fields.kind,
    fields.fileName,
    fields.mediaType,
    fields.size,
    fields.sha256,
    fields.sourceUrl,
    fields.capturedAt,
    fields.capturedBy,
  ];
  if (fields.originalSha256 != null) values.push(fields.originalSha256);
  const canonical = JSON.stringify(values);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
