import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../db/schema.js';
import { DESK_ROLES, requireRole, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { binarySchema, component, MULTIPART_BODY } from '../http/openapi.js';
import { Problem } from '../http/problem.js';
import { safeText } from '../http/safe-text.js';
import { LEGAL_ACT_ROLES } from '../incidents/policy.js';
import type { EvidenceMetadata } from './evidence-repository.js';
import {
  addEvidence,
  EVIDENCE_KINDS,
  exportEvidence,
  listIncidentEvidence,
  readEvidence,
} from './evidence-service.js';
import { attachmentDisposition, inlineDisposition } from './file-name.js';
import { readUpload, textEvidenceSchema, uploadFormBody } from './upload.js';

const TAGS = ['preuves'];
/** Export: the director and the legal service, who hand evidence to lawyers and platforms. */
const EXPORT_ROLES: readonly Role[] = [...LEGAL_ACT_ROLES];

/** Ids reach SQL: a NUL would make PostgreSQL fail (500) instead of a French 400. */
const id = safeText(1, 100);
const incidentParams = z.object({ establishmentId: id, incidentId: id });
const evidenceParams = incidentParams.extend({ evidenceId: id });

const evidenceSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int().describe('Position dans la chaîne de preuves de l’établissement.'),
  kind: z.enum(EVIDENCE_KINDS),
  fileName: z.string(),
  mediaType: z.string().describe('Détecté d’après le contenu, jamais d’après le client.'),
  size: z.number().int(),
  sha256: z.string().describe('Empreinte des octets conservés.'),
  originalSha256: z
    .string()
    .nullable()
    .describe('Empreinte du fichier reçu, quand une image a été réenregistrée sans ses métadonnées.'),
  sourceUrl: z.string().nullable(),
  capturedAt: z.string(),
  capturedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  prevHash: z.string(),
  chainHash: z.string(),
});
component(evidenceSchema, 'Evidence');

function toResponse(row: EvidenceMetadata): z.infer<typeof evidenceSchema> {
  return {
    id: row.id,
    incidentId: row.incident_id,
    seq: row.seq,
    kind: row.kind as (typeof EVIDENCE_KINDS)[number],
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    originalSha256: row.original_sha256,
    sourceUrl: row.source_url,
    capturedAt: row.captured_at,
    capturedBy:
      row.captured_by === null ? null : { id: row.captured_by, displayName: row.captured_by_name ?? '' },
    prevHash: row.prev_hash,
    chainHash: row.chain_hash,
  };
}

const binary = binarySchema('Contenu binaire.');

/** The HTTP routes of the evidence module: sealing, listing, reading and exporting evidence. */
export function evidenceRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/establishments/:establishmentId/incidents/:incidentId/evidence';

    app.post(
      base,
      {
        schema: {
          tags: TAGS,
          summary: 'Scelle une preuve (fichier ou texte capturé)',
          description:
            'Soit multipart/form-data avec un champ « file » (un seul fichier) et les champs kind, ' +
            'source_url (facultatif), captured_at (facultatif) ; soit application/json pour un texte ' +
            'capturé (schéma ci-dessous). Rôles : communication, community_manager, legal.',
          params: incidentParams,
          // Multipart requests reach the handler with no body (null): their parts are read there.
          body: textEvidenceSchema.nullish(),
          [MULTIPART_BODY]: uploadFormBody,
          response: { 201: evidenceSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId, incidentId } = request.params;
        requireRole(request, establishmentId, DESK_ROLES);
        const actor = { establishmentId, userId: requireSession(request).user.id };
        let row: EvidenceMetadata;
        if (request.isMultipart()) {
          const upload = await readUpload(request);
          row = await addEvidence(context, actor, incidentId, {
            kind: upload.fields.kind,
            fileName: upload.fileName,
            content: upload.content,
            sourceUrl: upload.fields.source_url ?? null,
            capturedAt: upload.fields.captured_at,
          });
        } else if (request.body !== null && request.body !== undefined) {
          const text = request.body;
          row = await addEvidence(context, actor, incidentId, {
            kind: 'text',
            fileName: 'texte-capture.txt',
            content: Buffer.from(text.content, 'utf8'),
            sourceUrl: text.source_url ?? null,
            capturedAt: text.captured_at,
          });
        } else {
          throw new Problem(
            415,
            'type_non_pris_en_charge',
            'Envoyez un formulaire multipart avec le fichier, ou du JSON pour un texte capturé.',
          );
        }
        return reply.status(201).send(toResponse(row));
      },
    );

    app.get(
      base,
      {
        schema: {
          tags: TAGS,
          summary: 'Liste les preuves d’un incident (métadonnées seulement ; lecture journalisée)',
          params: incidentParams,
          response: { 200: z.object({ items: z.array(evidenceSchema) }) },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        requireRole(request, establishmentId, DESK_ROLES);
        const actor = { establishmentId, userId: requireSession(request).user.id };
        const rows = await listIncidentEvidence(context, actor, incidentId);
        return { items: rows.map(toResponse) };
      },
    );

    app.get(
      `${base}/export`,
      {
        schema: {
          tags: TAGS,
          summary: 'Exporte les preuves d’un incident en archive zip vérifiable',
          description:
            'Archive avec les pièces, manifest.json (empreintes et chaîne) et README.txt. ' +
            'Rôles : communication, legal.',
          params: incidentParams,
          produces: ['application/zip'],
          response: { 200: z.any().describe('Archive zip, envoyée au fil de sa production.') },
        },
      },
      async (request, reply) => {
        const { establishmentId, incidentId } = request.params;
        requireRole(request, establishmentId, EXPORT_ROLES);
        const actor = { establishmentId, userId: requireSession(request).user.id };
        const result = await exportEvidence(context, actor, incidentId);
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', attachmentDisposition(result.fileName))
          .header('x-manifest-sha256', result.manifestSha256)
          .send(result.zip);
      },
    );

    app.get(
      `${base}/:evidenceId/image`,
      {
        schema: {
          tags: TAGS,
          summary: 'Affiche une preuve image (vignette de la cellule ; lecture journalisée)',
          description:
            'Seulement pour une pièce PNG, JPEG ou WebP (404 sinon), affichée dans la page : ' +
            'type exact, nosniff, aucune mise en cache partagée. Rôles : communication, community_manager, legal.',
          params: evidenceParams,
          produces: ['image/png', 'image/jpeg', 'image/webp'],
          response: { 200: binary },
        },
      },
      async (request, reply) => {
        const { establishmentId, incidentId, evidenceId } = request.params;
        requireRole(request, establishmentId, DESK_ROLES);
        const actor = { establishmentId, userId: requireSession(request).user.id };
        const row = await readEvidence(context, actor, incidentId, evidenceId, { imagesOnly: true });
        return reply
          .header('content-type', row.media_type)
          .header('content-disposition', inlineDisposition(row.file_name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('cache-control', 'private, no-store')
          .header('x-content-sha256', row.sha256)
          .send(row.content);
      },
    );

    app.get(
      `${base}/:evidenceId/content`,
      {
        schema: {
          tags: TAGS,
          summary: 'Télécharge une preuve (lecture inscrite au journal d’audit)',
          params: evidenceParams,
          produces: ['application/octet-stream'],
          response: { 200: binary },
        },
      },
      async (request, reply) => {
        const { establishmentId, incidentId, evidenceId } = request.params;
        requireRole(request, establishmentId, DESK_ROLES);
        const actor = { establishmentId, userId: requireSession(request).user.id };
        const row = await readEvidence(context, actor, incidentId, evidenceId);
        // Always a download, never rendered: a saved page could hold scripts; the sandbox CSP
        // is a second lock should a browser display it anyway.
        return reply
          .header('content-type', row.media_type)
          .header('content-disposition', attachmentDisposition(row.file_name))
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('x-content-type-options', 'nosniff')
          .header('x-content-sha256', row.sha256)
          .send(row.content);
      },
    );
  };
}
