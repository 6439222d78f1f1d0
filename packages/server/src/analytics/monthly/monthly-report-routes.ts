import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../accounts/schemas.js';
import { requireSession } from '../../http/auth.js';
import type { AppContext } from '../../http/context.js';
import { establishmentParams, groupParams } from '../schemas.js';
import { establishmentReportView, groupReportView, type ReportView } from './monthly-report-scope.js';
import { listMonthlyReports, type MonthlyPdf, monthlyReportPdf } from './monthly-report-service.js';

const TAGS = ['tableaux de bord'];
const SECURITY = [{ session: [], csrf: [] }];
const ERRORS = {
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
  503: problemSchema,
};
const ROLES_NOTE =
  'Rôles : administration, direction et communication ; les autres reçoivent 403. Pour un groupe, seuls les établissements où la personne a l’un de ces rôles sont comptés.';

const monthFile = z.object({
  file: z
    .string()
    .max(12)
    .regex(/^\d{4}-\d{2}\.pdf$/, 'Le fichier est de la forme AAAA-MM.pdf, par exemple 2026-11.pdf.'),
});

const listing = z
  .object({
    whole: z
      .boolean()
      .describe(
        'Faux pour un groupe lu en partie : ses rapports sont établis pour la personne, hors archive.',
      ),
    months: z
      .array(
        z.object({
          month: z.string(),
          provisional: z
            .boolean()
            .describe('Mois en cours : le rapport est établi à la demande, non archivé.'),
          archived: z.boolean(),
          emailedAt: z.string().nullable().describe('Quand le rapport est parti à la direction, ou null.'),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'MonthlyReportListing' });

function sendPdf(reply: FastifyReply, report: MonthlyPdf): Buffer {
  void reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${report.fileName}"`)
    .header('cache-control', 'private, no-store')
    .header(
      'x-blouse-report',
      report.archived ? 'archive' : report.provisional ? 'provisoire' : 'vue-partielle',
    );
  return report.pdf;
}

/**
 * The monthly reports to the direction: the list of the last thirteen months (archived, mailed)
 * and each month's PDF, for an establishment and for a group (GHT).
 */
export function monthlyReportRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const pdf = async (view: ReportView, file: string) =>
      monthlyReportPdf(context, view.scope, file.slice(0, 7), view, view.name);

    app.get(
      '/api/establishments/:establishmentId/analytics/monthly-reports',
      {
        schema: {
          tags: TAGS,
          summary: 'Les rapports mensuels de l’établissement (treize derniers mois)',
          description: ROLES_NOTE,
          security: SECURITY,
          params: establishmentParams,
          response: { 200: listing, ...ERRORS },
        },
      },
      async (request) => {
        const view = await establishmentReportView(
          context,
          requireSession(request).user.roles,
          request.params.establishmentId,
        );
        return listMonthlyReports(context, view.scope, view.whole);
      },
    );

    app.get(
      '/api/establishments/:establishmentId/analytics/monthly-reports/:file',
      {
        schema: {
          tags: TAGS,
          summary: 'Le rapport mensuel d’un mois, en PDF',
          description: `Un mois terminé : le rapport archivé (celui envoyé à la direction), établi à la première demande s’il manque. Le mois en cours : un rapport provisoire, non archivé. ${ROLES_NOTE}`,
          security: SECURITY,
          params: establishmentParams.extend(monthFile.shape),
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const view = await establishmentReportView(
          context,
          requireSession(request).user.roles,
          request.params.establishmentId,
        );
        return sendPdf(reply, await pdf(view, request.params.file));
      },
    );

    app.get(
      '/api/groups/:groupId/analytics/monthly-reports',
      {
        schema: {
          tags: TAGS,
          summary: 'Les rapports mensuels d’un groupe (GHT)',
          description: ROLES_NOTE,
          security: SECURITY,
          params: groupParams,
          response: { 200: listing, ...ERRORS },
        },
      },
      async (request) => {
        const view = await groupReportView(
          context,
          requireSession(request).user.roles,
          request.params.groupId,
        );
        return listMonthlyReports(context, view.scope, view.whole);
      },
    );

    app.get(
      '/api/groups/:groupId/analytics/monthly-reports/:file',
      {
        schema: {
          tags: TAGS,
          summary: 'Le rapport mensuel d’un groupe, en PDF',
          description: `Pour qui lit tous les établissements du groupe, le rapport archivé ; pour les autres, un rapport établi sur leurs seuls établissements, non archivé. ${ROLES_NOTE}`,
          security: SECURITY,
          params: groupParams.extend(monthFile.shape),
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const view = await groupReportView(
          context,
          requireSession(request).user.roles,
          request.params.groupId,
        );
        return sendPdf(reply, await pdf(view, request.params.file));
      },
    );
  };
}
