import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANY_ROLE, DESK_ROLES, requireRole, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { binarySchema, MULTIPART_BODY } from '../http/openapi.js';
import { attachmentDisposition } from './file-name.js';
import { FilingThrottled, refuseIfThrottled } from './filing-throttle.js';
import { readReportForm } from './multipart-form.js';
import { MAX_SCREENSHOTS, MIN_DESCRIPTION_WITHOUT_LINK, parseReportForm } from './report-form.js';
import { fileReport, filingKeys, followUpByCode, myReports, readScreenshot } from './report-service.js';
import {
  establishmentParams,
  filedReportResponse,
  fileParams,
  followUpBody,
  formLimitsResponse,
  mineResponse,
  outcomeResponse,
  REPORT_FORM_DESCRIPTION,
  reportFormBody,
  reportProblemSchema,
} from './schemas.js';
import { acceptScreenshots } from './screenshots.js';

const TAGS = ['signalements'];
const SECURITY = [{ session: [], csrf: [] }];

/** The HTTP routes of the reports module. */
export function reportsRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/establishments/:establishmentId/reports',
      {
        schema: {
          tags: TAGS,
          summary: 'Signaler un message trouvé en ligne',
          description: REPORT_FORM_DESCRIPTION,
          [MULTIPART_BODY]: reportFormBody,
          security: SECURITY,
          params: establishmentParams,
          response: {
            201: filedReportResponse,
            400: reportProblemSchema,
            415: reportProblemSchema,
            422: reportProblemSchema,
            429: reportProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, ANY_ROLE);
        const sender = { userId: requireSession(request).user.id, address: request.ip };
        try {
          // Everything is read and checked before the first write.
          const received = await readReportForm(request);
          const form = parseReportForm(received.fields, context.clock(), received.files.length);
          // Over the limit: refused before any image is decoded (the filing counts in its transaction).
          await refuseIfThrottled(
            context.storage.db,
            filingKeys(context, sender, form.anonymous),
            context.clock(),
          );
          const screenshots = acceptScreenshots(received.files, form.anonymous);
          const filed = await fileReport(context, establishmentId, sender, form, screenshots);
          return reply.status(201).send(filed);
        } catch (error) {
          if (error instanceof FilingThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    );

    app.get(
      '/api/reports/form-limits',
      {
        schema: {
          tags: TAGS,
          summary: 'Les limites du formulaire de signalement',
          description: 'Nombre et taille des captures, longueur de description exigée sans lien.',
          response: { 200: formLimitsResponse },
        },
      },
      async () => ({
        maxScreenshots: MAX_SCREENSHOTS,
        maxFileBytes: context.config.maxFileBytes,
        minDescriptionWithoutLink: MIN_DESCRIPTION_WITHOUT_LINK,
      }),
    );

    app.get(
      '/api/establishments/:establishmentId/reports/mine',
      {
        schema: {
          tags: TAGS,
          summary: 'Mes signalements et leur suite',
          description:
            'Les signalements non anonymes de la personne connectée, avec l’état de leur traitement.',
          security: SECURITY,
          params: establishmentParams,
          response: { 200: mineResponse },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, ANY_ROLE);
        const reports = await myReports(context, establishmentId, requireSession(request).user.id);
        return { reports };
      },
    );

    app.post(
      '/api/reports/follow-up',
      {
        schema: {
          tags: TAGS,
          summary: 'Suivre un signalement avec son code',
          description: 'Sans connexion : le code de suivi remis lors d’un signalement anonyme.',
          body: followUpBody,
          response: { 200: outcomeResponse },
        },
      },
      async (request) => followUpByCode(context, request.body.code),
    );

    app.get(
      '/api/establishments/:establishmentId/reports/:reportId/files/:fileId',
      {
        schema: {
          tags: TAGS,
          summary: 'Télécharger une capture d’écran d’un signalement',
          description:
            'Réservé à la cellule (communication, community manager, juridique) ; chaque lecture est journalisée.',
          security: SECURITY,
          params: fileParams,
          produces: ['image/png', 'image/jpeg', 'image/webp'],
          response: {
            200: binarySchema('Le contenu de l’image'),
          },
        },
      },
      async (request, reply) => {
        const { establishmentId, reportId, fileId } = request.params;
        requireRole(request, establishmentId, DESK_ROLES);
        const reader = requireSession(request).user.id;
        const file = await readScreenshot(context, establishmentId, reportId, fileId, reader);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(file.content);
      },
    );
  };
}
