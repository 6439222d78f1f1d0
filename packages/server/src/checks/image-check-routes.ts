import { checkAndCopyImage, checkImage, type ImageFinding, UnreadableImageError } from '@blouse/guard-image';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_ROLE, requireRole, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { binarySchema, component, MULTIPART_BODY } from '../http/openapi.js';
import { badRequest, Problem } from '../http/problem.js';
import { checkLimiter } from './check-capacity.js';
import { establishmentParams } from './schemas.js';

const TAGS = ['vérification'];

const imageCheckResponse = component(
  z.object({
    verdict: z.enum(['ok', 'warn', 'block']),
    format: z.string(),
    width: z.number(),
    height: z.number(),
    findings: z.array(
      z.object({
        rule: z.string(),
        severity: z.enum(['warn', 'block']),
        explanation: z.string(),
        fields: z.array(z.string()),
        /** Where in the picture (text read in its background), in its pixels as shown. */
        region: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
      }),
    ),
    /** The device the file names (make, model): not a finding, removed from the safe copy all the same. */
    device: z.array(z.string()),
  }),
  'ImageCheck',
);

/** The photo of a multipart form, in memory only: it is read, answered about, and forgotten. */
async function readPhoto(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw badRequest('multipart_attendu', 'Envoyez la photo dans un formulaire multipart.');
  let photo: Buffer | undefined;
  for await (const part of request.parts()) {
    if (part.type !== 'file' || part.fieldname !== 'file' || photo !== undefined) {
      if (part.type === 'file') part.file.resume();
      throw badRequest('champ_inattendu', 'Envoyez une seule photo, dans le champ « file ».');
    }
    photo = await part.toBuffer();
  }
  if (photo === undefined || photo.length === 0)
    throw badRequest('fichier_manquant', 'Joignez la photo (champ « file »).');
  return photo;
}

function unreadable(): Problem {
  return new Problem(
    415,
    'image_illisible',
    'Ce fichier n’est pas une photo lisible (JPEG, PNG, WebP, AVIF ou HEIC).',
  );
}

/**
 * « Vérifier avant de publier » for a photo: what its file gives away and the text in its
 * background (read as a staff member's post), and a safe copy to publish
 * instead. Every member may use it; the photo is never stored (not even its counters: a photo
 * check says nothing the text statistics need), and the same limiter as text checks applies.
 */
export function imageCheckRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const guarded = async <T>(request: FastifyRequest, establishmentId: string, work: () => Promise<T>) => {
      requireRole(request, establishmentId, ANY_ROLE);
      const release = checkLimiter(context).enter(requireSession(request).user.id, 'check');
      try {
        return await work();
      } catch (error) {
        if (error instanceof UnreadableImageError) throw unreadable();
        throw error;
      } finally {
        release();
      }
    };

    app.post(
      '/api/establishments/:establishmentId/checks/image',
      {
        schema: {
          tags: TAGS,
          summary:
            'Vérifier une photo avant publication (position, auteur, appareil, texte à l’arrière-plan)',
          description: 'multipart/form-data, champ file. La photo n’est jamais enregistrée.',
          params: establishmentParams,
          [MULTIPART_BODY]: z.object({ file: binarySchema('La photo.') }),
          response: { 200: imageCheckResponse },
        },
      },
      async (request) =>
        guarded(request, request.params.establishmentId, async () => {
          const check = await checkImage(await readPhoto(request), 'staff');
          return {
            verdict: check.verdict,
            format: check.metadata.format,
            width: check.metadata.width,
            height: check.metadata.height,
            findings: check.findings.map(view),
            device: check.metadata.device.map((item) => item.value),
          };
        }),
    );

    app.post(
      '/api/establishments/:establishmentId/checks/image/safe-copy',
      {
        schema: {
          tags: TAGS,
          summary:
            'Une copie sûre de la photo : sans métadonnées, tournée comme elle s’affiche, textes sensibles masqués',
          description: 'multipart/form-data, champ file. Ni la photo ni la copie ne sont enregistrées.',
          params: establishmentParams,
          [MULTIPART_BODY]: z.object({ file: binarySchema('La photo.') }),
        },
      },
      async (request, reply) => {
        const copy = await guarded(request, request.params.establishmentId, async () => {
          const photo = await readPhoto(request);
          return (await checkAndCopyImage(photo, 'staff')).copy;
        });
        const extension = copy.mediaType.split('/')[1] === 'jpeg' ? 'jpg' : copy.mediaType.split('/')[1];
        return reply
          .header('content-type', copy.mediaType)
          .header('content-disposition', `attachment; filename="photo-sure.${extension}"`)
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(copy.bytes);
      },
    );
  };
}

function view(finding: ImageFinding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    explanation: finding.explanation.fr,
    fields: finding.evidence.kind === 'metadata' ? [...finding.evidence.fields] : [],
    region: finding.evidence.kind === 'region' ? finding.evidence.region : null,
  };
}
