import { Readable } from 'node:stream';
import { type AppContext, inUnit } from '../http/context.js';
import { badRequest, notFound, unprocessable } from '../http/problem.js';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from '../http/safe-text.js';
import { BUNDLE_FORMAT, type Manifest } from './bundle-format.js';
import { type BundleSource, bundleStream } from './bundle-writer.js';
import { sha256Hex } from './evidence-chain.js';
import * as repository from './evidence-repository.js';
import { bundlePath } from './file-name.js';
import { detectMediaType } from './media-type.js';
import { sealEvidence } from './seal.js';
import { isStrippable, stripImageMetadata } from './strip-metadata.js';

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
  const stored = await storedContent(input.content);
  return inUnit(context, async (unit) => {
    const incident = await repository.findIncident(unit.trx, actor.establishmentId, incidentId);
    if (incident === undefined) throw notFound();
    return sealEvidence(unit, context.storage.dialect, {
      establishmentId: actor.establishmentId,
      incidentId,
      kind: input.kind,
      fileName: input.fileName,
      mediaType: stored.mediaType,
      content: stored.content,
      originalSha256: stored.originalSha256,
      sourceUrl: input.sourceUrl,
      capturedAt: capturedDate(input.capturedAt, unit.now),
      capturedBy: actor.userId,
    });
  });
}

/**
 * What is kept of an upload: an image is re-encoded without its metadata (the original's hash
 * is kept beside it); any other file exactly as received. The type comes from the bytes.
 */
async function storedContent(
  content: Buffer,
): Promise<{ mediaType: string; content: Buffer; originalSha256: string | null }> {
  const mediaType = detectMediaType(content);
  if (!isStrippable(mediaType)) return { mediaType, content, originalSha256: null };
  const stripped = await stripImageMetadata(content, mediaType);
  return { mediaType, content: stripped.bytes, originalSha256: stripped.originalSha256 };
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
export function readEvidence(
  context: AppContext,
  actor: Actor,
  incidentId: string,
  evidenceId: string,
  options: { readonly imagesOnly?: boolean } = {},
) {
  return inUnit(context, async (unit) => {
    const row = await repository.findContent(unit.trx, actor.establishmentId, incidentId, evidenceId);
    // Only a re-encoded image is ever shown in a page; anything else stays a download.
    if (row === undefined || (options.imagesOnly === true && !isStrippable(row.media_type))) throw notFound();
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
  /** The zip, produced as it is read: pieces are fetched one at a time from the database. */
  readonly zip: Readable;
  readonly manifestSha256: string;
}

/**
 * The incident's evidence as a zip that can be checked without Blouse: the pieces, a manifest
 * with every hash and link, and a README. The manifest's SHA-256 goes into the audit log. The
 * manifest is fixed in one transaction; the pieces are read afterwards, one by one, as the zip
 * stream reaches them (evidence is append-only: a sealed piece never changes, and each one read
 * is checked against the hash the manifest vouches for).
 */
export async function exportEvidence(
  context: AppContext,
  actor: Actor,
  incidentId: string,
): Promise<EvidenceExport> {
  const prepared = await inUnit(context, async (unit) => {
    const incident = await repository.findIncident(unit.trx, actor.establishmentId, incidentId);
    const establishment = await repository.findEstablishment(unit.trx, actor.establishmentId);
    if (incident === undefined || establishment === undefined) throw notFound();
    const rows = await repository.listEvidence(unit.trx, actor.establishmentId, incidentId);
    const head = await repository.chainHead(unit.trx, actor.establishmentId);
    const exporter = await repository.displayName(unit.trx, actor.userId);
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      establishment: { id: establishment.id, name: establishment.name },
      incident: { id: incident.id, reference: incident.reference, title: incident.title },
      generatedAt: unit.now.toISOString(),
      generatedBy: { id: actor.userId, displayName: exporter?.display_name ?? '' },
      items: rows.map((row) => ({
        seq: row.seq,
        path: bundlePath(row.seq, row.file_name),
        kind: row.kind,
        fileName: row.file_name,
        mediaType: row.media_type,
        size: row.size,
        sha256: row.sha256,
        ...(row.original_sha256 === null ? {} : { originalSha256: row.original_sha256 }),
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
    return { manifest, manifestBytes, manifestSha256, rows, reference: incident.reference };
  });
  const sources: BundleSource[] = prepared.rows.map((row, index) => ({
    path: prepared.manifest.items[index]?.path ?? '',
    size: row.size,
    open: async () => {
      const content = await repository.readContent(context.storage.db, row.id);
      if (sha256Hex(content) !== row.sha256) throw new Error(`evidence ${row.id} does not match its hash`);
      return Readable.from([content]);
    },
  }));
  const zip = bundleStream(prepared.manifest, prepared.manifestBytes, sources);
  const reference = prepared.reference.replace(/[^A-Za-z0-9_-]+/g, '_');
  return { fileName: `preuves-${reference}.zip`, zip, manifestSha256: prepared.manifestSha256 };
}
