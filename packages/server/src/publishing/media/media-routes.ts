import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../evidence/upload.js';
import { requireRole } from '../../http/auth.js';
import type { AppContext } from '../../http/context.js';
import { binarySchema, MULTIPART_BODY } from '../../http/openapi.js';
import { badRequest } from '../../http/problem.js';
import { actingMember } from '../acting-member.js';
import { PUBLISHING_READ_ROLES, PUBLISHING_WRITE_ROLES } from '../policy.js';
import {
  draftParams,
  mediaFields,
  mediaParams,
  mediaRemoveQuery,
  photoCheckSchema,
  revisionBody,
} from '../schemas.js';
import { addMedia, readMediaContent, removeMedia, replaceWithSafeCopy } from './media-service.js';

const TAGS = ['Publication'];
const BASE = '/api/establishments/:establishmentId/publishing/drafts/:draftId/media';

/** Reads the photo's form: its fields first, then exactly one file in « file ». */
async function readPhotoForm(
  request: FastifyRequest,
): Promise<{ content: Buffer; altText: string; revision: number }> {
  const fields: Record<string, string> = {};
  let content: Buffer | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (content !== undefined || part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest('fichier_en_trop', 'Envoyez une seule photo, dans le champ « file ».');
      }
      content = await part.toBuffer();
    } else {
      if (Object.hasOwn(fields, part.fieldname))
        throw badRequest('champ_en_double', `Le champ « ${part.fieldname} » est donné deux fois.`);
      fields[part.fieldname] = String(part.value);
    }
  }
  if (content === undefined) throw badRequest('fichier_manquant', 'Joignez la photo (champ « file »).');
  const parsed = mediaFields.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error);
  return { content, altText: parsed.data.alt_text, revision: parsed.data.revision };
}

/** Photos of a draft: add (a new revision), remove (a new revision), show to the desk. */
export function publishingMediaRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      BASE,
      {
        schema: {
          tags: TAGS,
          summary: 'Joindre une photo (métadonnées retirées ; toute modification annule les validations)',
          description:
            'multipart/form-data : alt_text (texte alternatif), revision, puis file (PNG, JPEG ou WebP).',
          params: draftParams,
          [MULTIPART_BODY]: mediaFields.extend({ file: binarySchema('La photo, après les autres champs.') }),
        },
      },
      async (request, reply) => {
        const { establishmentId, draftId } = request.params;
        const actor = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        if (!request.isMultipart())
          throw badRequest('multipart_attendu', 'Envoyez la photo dans un formulaire multipart.');
        const form = await readPhotoForm(request);
        await addMedia(context, establishmentId, actor, draftId, form);
        return reply.status(204).send();
      },
    );

    app.delete(
      `${BASE}/:mediaId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Retirer une photo (toute modification annule les validations)',
          params: mediaParams,
          querystring: mediaRemoveQuery,
        },
      },
      async (request, reply) => {
        const { establishmentId, draftId, mediaId } = request.params;
        const actor = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        await removeMedia(context, establishmentId, actor, draftId, mediaId, request.query.revision);
        return reply.status(204).send();
      },
    );

    app.post(
      `${BASE}/:mediaId/safe-copy`,
      {
        schema: {
          tags: TAGS,
          summary:
            'Remplacer une photo par sa copie sûre : visages et textes sensibles pixelisés (toute modification annule les validations)',
          params: mediaParams,
          body: revisionBody,
          response: { 200: z.object({ id: z.string(), check: photoCheckSchema }) },
        },
      },
      async (request) => {
        const { establishmentId, draftId, mediaId } = request.params;
        const actor = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        return replaceWithSafeCopy(context, establishmentId, actor, draftId, mediaId, request.body.revision);
      },
    );

    app.get(
      `${BASE}/:mediaId`,
      {
        schema: { tags: TAGS, summary: 'Une photo jointe, telle qu’elle sera publiée', params: mediaParams },
      },
      async (request, reply) => {
        const { establishmentId, draftId, mediaId } = request.params;
        requireRole(request, establishmentId, PUBLISHING_READ_ROLES);
        const media = await readMediaContent(context, establishmentId, draftId, mediaId);
        return reply
          .header('content-type', media.mediaType)
          .header('cache-control', 'private, max-age=300')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(media.bytes);
      },
    );
  };
}
