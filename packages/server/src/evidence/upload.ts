import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { binarySchema, component } from '../http/openapi.js';
import { badRequest } from '../http/problem.js';
import { isSafeLine, safeText, UNSAFE_LINE_MESSAGE } from '../http/safe-text.js';
import { EVIDENCE_KINDS } from './evidence-service.js';
import { cleanFileName } from './file-name.js';

/** Fields shared by a file upload and a captured text. */
const sourceUrl = z
  .url({ protocol: /^https?$/, error: 'adresse http ou https attendue' })
  .max(2048)
  // NUL, a lone surrogate, a control or a direction override: a French 400 rather than
  // PostgreSQL's 500, a silent U+FFFD or an address that reads otherwise than it leads.
  .refine(isSafeLine, { message: UNSAFE_LINE_MESSAGE })
  .describe('Adresse où la pièce a été vue.');
const capturedAt = z.iso
  .datetime({ offset: true, error: 'date ISO 8601 attendue' })
  .describe('Date de capture (par défaut : maintenant) ; jamais dans le futur.');

/** The multipart fields besides the file. */
export const uploadFieldsSchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  source_url: sourceUrl.optional(),
  captured_at: capturedAt.optional(),
});

/** 200 000 characters: a long thread or a full article, still far from the 1 MiB body limit. */
export const MAX_TEXT_CHARS = 200_000;

/** A captured text sent as JSON. */
export const textEvidenceSchema = z.strictObject({
  kind: z.literal('text'),
  // Stored as UTF-8 bytes: a lone surrogate would become U+FFFD, not what was sent.
  content: safeText(1, MAX_TEXT_CHARS),
  source_url: sourceUrl.optional(),
  captured_at: capturedAt.optional(),
});

export interface Upload {
  readonly fields: z.infer<typeof uploadFieldsSchema>;
  readonly fileName: string;
  readonly content: Buffer;
}

/**
 * Reads a multipart upload: exactly one file and the form fields. The file's size is capped by
 * the multipart plugin (413 beyond the configured limit); its announced type is ignored.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: { name: string; content: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file !== undefined || part.fieldname !== 'file') {
        // Drain what we refuse, so the request ends cleanly.
        part.file.resume();
        throw badRequest('fichier_en_trop', 'Envoyez un seul fichier, dans le champ « file ».');
      }
      file = { name: part.filename, content: await part.toBuffer() };
    } else {
      if (Object.hasOwn(fields, part.fieldname)) {
        throw badRequest('champ_en_double', `Le champ « ${part.fieldname} » est donné deux fois.`);
      }
      fields[part.fieldname] = String(part.value);
    }
  }
  if (file === undefined)
    throw badRequest('fichier_manquant', 'Joignez le fichier de la preuve (champ « file »).');
  const parsed = uploadFieldsSchema.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error);
  return { fields: parsed.data, fileName: cleanFileName(file.name, 'preuve'), content: file.content };
}

/** A zod error as the same problem the route schemas give. */
export function invalid(error: z.ZodError) {
  const errors = error.issues.map((issue) => ({
    field:
      issue.path.length > 0
        ? issue.path.join('.')
        : issue.code === 'unrecognized_keys'
          ? issue.keys.join(', ')
          : 'corps',
    message: issue.message,
  }));
  const first = errors[0];
  return badRequest(
    'donnees_invalides',
    first === undefined ? 'Données invalides.' : `Champ « ${first.field} » : ${first.message}.`,
    errors,
  );
}

// Named components of the OpenAPI document, from which the web app's types are generated.
component(textEvidenceSchema, 'TextEvidence');

/** The upload form's parts, for the OpenAPI document only: readUpload reads them in order. */
export const uploadFormBody = uploadFieldsSchema.extend({
  file: binarySchema('Le fichier, un seul, après les autres champs.'),
});
