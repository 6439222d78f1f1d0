import { randomUUID } from 'node:crypto';
import { type DialectName, lockChain } from '../db/database.js';
import type { Unit } from '../http/context.js';
import { eventId } from '../incidents/event-id.js';
import { EVIDENCE_GENESIS, evidenceChainHash, sha256Hex } from './evidence-chain.js';
import * as repository from './evidence-repository.js';

export interface PieceToSeal {
  readonly establishmentId: string;
  readonly incidentId: string;
  readonly kind: string;
  readonly fileName: string;
  readonly mediaType: string;
  /** The bytes kept: for an image, already stripped of its metadata. */
  readonly content: Buffer;
  /** The received file's SHA-256 when `content` differs from it; null otherwise. */
  readonly originalSha256: string | null;
  readonly sourceUrl: string | null;
  readonly capturedAt: string;
  /** Null for a piece that came with an anonymous report: its sender is never recorded. */
  readonly capturedBy: string | null;
}

/**
 * Seals one piece inside the caller's transaction: stores it with its SHA-256, appends it to the
 * establishment's evidence chain, and writes its timeline event and audit entry. The evidence
 * module calls it for an upload; the reports module for each screenshot of a report being filed,
 * so that a report's screenshots are sealed in the very transaction that receives them.
 */
export async function sealEvidence(
  unit: Unit,
  dialect: DialectName,
  piece: PieceToSeal,
): Promise<repository.EvidenceMetadata> {
  // Serialise the appenders of this chain before reading its last link: two requests must
  // never both link to the same previous piece.
  await lockChain(unit.trx, dialect, `evidence:${piece.establishmentId}`);
  const last = await repository.lastLink(unit.trx, piece.establishmentId);
  const prevHash = last?.chain_hash ?? EVIDENCE_GENESIS;
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    incidentId: piece.incidentId,
    kind: piece.kind,
    fileName: piece.fileName,
    mediaType: piece.mediaType,
    size: piece.content.length,
    sha256: sha256Hex(piece.content),
    sourceUrl: piece.sourceUrl,
    capturedAt: piece.capturedAt,
    capturedBy: piece.capturedBy,
    originalSha256: piece.originalSha256,
  };
  const chainHash = evidenceChainHash(prevHash, fields);
  const id = randomUUID();
  await repository.insertEvidence(unit.trx, {
    id,
    incident_id: piece.incidentId,
    establishment_id: piece.establishmentId,
    seq: fields.seq,
    kind: fields.kind,
    file_name: fields.fileName,
    media_type: fields.mediaType,
    size: fields.size,
    sha256: fields.sha256,
    original_sha256: fields.originalSha256,
    content: piece.content,
    source_url: fields.sourceUrl,
    captured_at: fields.capturedAt,
    captured_by: fields.capturedBy,
    prev_hash: prevHash,
    chain_hash: chainHash,
  });
  await repository.insertIncidentEvent(unit.trx, {
    // Sortable like every other event of the timeline, which orders by (at, id).
    id: eventId(unit.now),
    incident_id: piece.incidentId,
    at: unit.now.toISOString(),
    actor_id: piece.capturedBy,
    kind: 'evidence',
    detail: JSON.stringify({ evidenceId: id, sha256: fields.sha256 }),
  });
  // The audit log, chained too, keeps every seal: a rewritten evidence chain would not match it.
  await unit.audit({
    establishmentId: piece.establishmentId,
    actorId: piece.capturedBy,
    action: 'evidence.add',
    targetType: 'evidence',
    targetId: id,
    detail: {
      incidentId: piece.incidentId,
      seq: fields.seq,
      sha256: fields.sha256,
      ...(fields.originalSha256 === null ? {} : { originalSha256: fields.originalSha256 }),
      chainHash,
      size: fields.size,
    },
  });
  const name =
    piece.capturedBy === null ? undefined : await repository.displayName(unit.trx, piece.capturedBy);
  return {
    id,
    incident_id: piece.incidentId,
    seq: fields.seq,
    kind: fields.kind,
    file_name: fields.fileName,
    media_type: fields.mediaType,
    size: fields.size,
    sha256: fields.sha256,
    original_sha256: fields.originalSha256,
    source_url: fields.sourceUrl,
    captured_at: fields.capturedAt,
    captured_by: fields.capturedBy,
    prev_hash: prevHash,
    chain_hash: chainHash,
    captured_by_name: name?.display_name ?? null,
  };
}
