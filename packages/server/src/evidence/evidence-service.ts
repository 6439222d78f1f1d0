import { randomUUID } from 'node:crypto';
import { lockChain } from '../db/database.js';
import { type AppContext, inUnit } from '../http/context.js';
import { badRequest, notFound, unprocessable } from '../http/problem.js';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from '../http/safe-text.js';
import { eventId } from '../incidents/event-id.js';
import { BUNDLE_FORMAT, type Manifest } from './bundle-format.js';
import { type BundleFile, writeBundle } from './bundle-writer.js';
import { EVIDENCE_GENESIS, evidenceChainHash, sha256Hex } from './evidence-chain.js';
import * as repository from './evidence-repository.js';
import { bundlePath } from './file-name.js';
import { detectMediaType } from './media-type.js';

export const EVIDENCE_KINDS = ['screenshot', 'page', 'text', 'document', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A capture's date may be a little ahead of ours: the capturing computer's clock may drift. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

export interface NewEvidence {
  readonly kind: EvidenceKind;
  readonly fileName: string;
  readonly content: Buffer;
  readonly sourceUrl: string | null;
  /** ISO 8601; now when absent. */
  readonly capturedAt: string | undefined;
}

export interface Actor {
  readonly establishmentId: string;
  readonly userId: string;
}

/**
 * Seals a piece of evidence: stores it with its SHA-256 and appends it to the establishment's
 * evidence chain, audit entry and timeline event in the same transaction.
 */
export async function addEvidence(
  context: AppContext,
  actor: Actor,
  incidentId: string,
  input: NewEvidence,
): Promise<repository.EvidenceMetadata> {
  if (input.content.length === 0) throw unprocessable('fichier_vide', 'Le fichier envoyé est vide.');
  // The chain hashes these strings as given: they must be stored exactly so, on either database
  // (no NUL for PostgreSQL, no lone surrogate turned into U+FFFD), or the chain would break.
  if (!isSafeText(input.fileName) || (input.sourceUrl !== null && !isSafeText(input.sourceUrl))) {
    throw badRequest('caractere_interdit', `Nom de fichier ou adresse : ${UNSAFE_TEXT_MESSAGE}.`);
  }
  return inUnit(context, async (unit) => {
    const incident = await repository.findIncident(unit.trx, actor.establishmentId, incidentId);
    if (incident === undefined) throw notFound();
    const capturedAt = capturedDate(input.capturedAt, unit.now);

    // Serialise the appenders of this chain before reading its last link: two requests must
    // never both link to the same previous piece.
    await lockChain(unit.trx, context.storage.dialect, `evidence:${actor.establishmentId}`);
    const last = await repository.lastLink(unit.trx, actor.establishmentId);
    const prevHash = last?.chain_hash ?? EVIDENCE_GENESIS;
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      incidentId,
      kind: input.kind,
      fileName: input.fileName,
      mediaType: detectMediaType(input.content),
      size: input.content.length,
      sha256: sha256Hex(input.content),
      sourceUrl: input.sourceUrl,
      capturedAt,
      capturedBy: actor.userId,
    };
    const chainHash = evidenceChainHash(prevHash, fields);
    const id = randomUUID();
    await repository.insertEvidence(unit.trx, {
      id,
      incident_id: incidentId,
      establishment_id: actor.establishmentId,
      seq: fields.seq,
      kind: fields.kind,
      file_name: fields.fileName,
      media_type: fields.mediaType,
      size: fields.size,
      sha256: fields.sha256,
      content: input.content,
      source_url: fields.sourceUrl,
      captured_at: fields.capturedAt,
      captured_by: fields.capturedBy,
      prev_hash: prevHash,
      chain_hash: chainHash,
    });
    await repository.insertIncidentEvent(unit.trx, {
      // Sortable like every other event of the timeline, which orders by (at, id).
      id: eventId(unit.now),
      incident_id: incidentId,
      at: unit.now.toISOString(),
      actor_id: actor.userId,
      kind: 'evidence',
      detail: JSON.stringify({ evidenceId: id, sha256: fields.sha256 }),
    });
    // The audit log, chained too, keeps every seal: a rewritten evidence chain would not match it.
    await unit.audit({
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      action: 'evidence.add',
      targetType: 'evidence',
      targetId: id,
      detail: { incidentId, seq: fields.seq, sha256: fields.sha256, chainHash, size: fields.size },
    });
    const name = await repository.displayName(unit.trx, actor.userId);
    return {
      id,
      incident_id: incidentId,
      seq: fields.seq,
      kind: fields.kind,
      file_name: fields.fileName,
      media_type: fields.mediaType,
      size: fields.size,
      sha256: fields.sha256,
      source_url: fields.sourceUrl,
      captured_at: fields.capturedAt,
      captured_by: fields.capturedBy,
      prev_hash: prevHash,
      chain_hash: chainHash,
      captured_by_name: name?.display_name ?? null,
    };
  });
}

function capturedDate(given: string | undefined, now: Date): string {
  if (given === undefined) return now.toISOString();
  const date = new Date(given);
  if (Number.isNaN(date.getTime())) throw unprocessable('date_invalide', 'La date de capture est invalide.');
  if (date.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw unprocessable('date_future', 'La date de capture ne peut pas être dans le futur.');
  }
  return date.toISOString();
}

/**
 * An incident's evidence, metadata only; still a sensitive read (file names and source addresses
 * can name people), audited like the read of a piece.
 */
export function listIncidentEvidence(
  context: AppContext,
  actor: Actor,
  incidentId: string,
): Promise<repository.EvidenceMetadata[]> {
  return inUnit(context, async (unit) => {
    const incident = await repository.findIncident(unit.trx, actor.establishmentId, incidentId);
    if (incident === undefined) throw notFound();
    const rows = await repository.listEvidence(unit.trx, actor.establishmentId, incidentId);
    await unit.audit({
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      action: 'evidence.list',
      targetType: 'incident',
      targetId: incidentId,
      detail: { items: rows.length },
    });
    return rows;
  });
}

/** One piece's bytes; the read itself is audited (evidence may hold personal data). */
export function readEvidence(context: AppContext, actor: Actor, incidentId: string, evidenceId: string) {
  return inUnit(context, async (unit) => {
    const row = await repository.findContent(unit.trx, actor.establishmentId, incidentId, evidenceId);
    if (row === undefined) throw notFound();
    await unit.audit({
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      action: 'evidence.read',
      targetType: 'evidence',
      targetId: evidenceId,
      detail: { incidentId, sha256: row.sha256 },
    });
    return { ...row, content: Buffer.from(row.content) };
  });
}

export interface EvidenceExport {
  readonly fileName: string;
  readonly zip: Buffer;
  readonly manifestSha256: string;
}

/**
 * The incident's evidence as a zip that can be checked without Blouse: the pieces, a manifest
 * with every hash and link, and a README. The manifest's SHA-256 goes into the audit log.
 */
export function exportEvidence(
  context: AppContext,
  actor: Actor,
  incidentId: string,
): Promise<EvidenceExport> {
  return inUnit(context, async (unit) => {
    const incident = await repository.findIncident(unit.trx, actor.establishmentId, incidentId);
    const establishment = await repository.findEstablishment(unit.trx, actor.establishmentId);
    if (incident === undefined || establishment === undefined) throw notFound();
    const rows = await repository.listEvidence(unit.trx, actor.establishmentId, incidentId);
    const head = await repository.chainHead(unit.trx, actor.establishmentId);
    const exporter = await repository.displayName(unit.trx, actor.userId);

    const files: BundleFile[] = [];
    for (const row of rows) {
      files.push({
        path: bundlePath(row.seq, row.file_name),
        content: await repository.readContent(unit.trx, row.id),
      });
    }
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      establishment: { id: establishment.id, name: establishment.name },
      incident: { id: incident.id, reference: incident.reference, title: incident.title },
      generatedAt: unit.now.toISOString(),
      generatedBy: { id: actor.userId, displayName: exporter?.display_name ?? '' },
      items: rows.map((row, index) => ({
        seq: row.seq,
        path: files[index]?.path ?? '',
        kind: row.kind,
        fileName: row.file_name,
        mediaType: row.media_type,
        size: row.size,
        sha256: row.sha256,
        sourceUrl: row.source_url,
        capturedAt: row.captured_at,
        capturedBy:
          row.captured_by === null ? null : { id: row.captured_by, displayName: row.captured_by_name ?? '' },
        prevHash: row.prev_hash,
        chainHash: row.chain_hash,
      })),
      chainHead: head === undefined ? null : { seq: head.seq, hash: head.chain_hash },
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const manifestSha256 = sha256Hex(manifestBytes);
    await unit.audit({
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      action: 'evidence.export',
      targetType: 'incident',
      targetId: incidentId,
      detail: { items: rows.length, manifestSha256, chainHead: manifest.chainHead },
    });
    const zip = await writeBundle(manifest, manifestBytes, files);
    const reference = incident.reference.replace(/[^A-Za-z0-9_-]+/g, '_');
    return { fileName: `preuves-${reference}.zip`, zip, manifestSha256 };
  });
}
