import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../accounts/schemas.js';
import { requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import type { DashboardData } from './dashboard-data.js';
import {
  type DashboardScope,
  establishmentScopeFor,
  groupScopeFor,
  readDashboard,
} from './dashboard-service.js';
import { exportCsv, exportFileName } from './export-service.js';
import type { ExportTable } from './export-tables.js';
import { readableGroups } from './groups-service.js';
import { dashboardRange } from './period.js';
import { enterDashboardRead } from './read-limiter.js';
import {
  dashboardGroupsResponse,
  dashboardResponse,
  establishmentExportParams,
  establishmentParams,
  groupExportParams,
  groupParams,
  rangeQuery,
} from './schemas.js';

const TAGS = ['tableaux de bord'];
const SECURITY = [{ session: [], csrf: [] }];
const ERRORS = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  429: problemSchema,
};
const ROLES_NOTE =
  'Rôles : administration, direction et communication (tout) ; juridique (les incidents seulement) ; les autres rôles reçoivent 403.';
const CSV_NOTE =
  'CSV pour Excel en français : UTF-8 avec BOM, « ; » entre les cellules, virgule décimale, guillemets RFC 4180 ; une cellule de texte commençant par = + - @ est préfixée d’une apostrophe.';

/** The HTTP routes of the analytics module: thin, the service decides. */
export function analyticsRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const read = async (
      request: FastifyRequest,
      scopeOf: (roles: ReadonlyMap<string, import('../db/schema.js').Role>) => Promise<DashboardScope>,
      query: { from?: string | undefined; to?: string | undefined },
    ): Promise<{ data: DashboardData; scope: DashboardScope }> => {
      const session = requireSession(request);
      const scope = await scopeOf(session.user.roles);
      const range = dashboardRange(context.clock(), query.from, query.to);
      const release = enterDashboardRead(context, session.user.id);
      try {
        return { data: await readDashboard(context, scope, range), scope };
      } finally {
        release();
      }
    };

    app.get(
      '/api/establishments/:establishmentId/analytics/dashboard',
      {
        schema: {
          tags: TAGS,
          summary: 'Tableau de bord de l’établissement',
          description: `Incidents, vérifications, écoute et publications sur une période de jours (Europe/Paris), lus dans les tables d’analyse. ${ROLES_NOTE}`,
          security: SECURITY,
          params: establishmentParams,
          querystring: rangeQuery,
          response: { 200: dashboardResponse, ...ERRORS },
        },
      },
      async (request) =>
        (
          await read(
            request,
            (roles) => establishmentScopeFor(context, roles, request.params.establishmentId),
            request.query,
          )
        ).data,
    );

    app.get(
      '/api/establishments/:establishmentId/analytics/export/:file',
      {
        schema: {
          tags: TAGS,
          summary: 'Un tableau du tableau de bord de l’établissement, en CSV',
          description: `${CSV_NOTE} ${ROLES_NOTE}`,
          security: SECURITY,
          params: establishmentExportParams,
          querystring: rangeQuery,
          response: { 200: z.string().describe('Fichier CSV (text/csv).'), ...ERRORS },
        },
      },
      async (request, reply) => {
        const { data, scope } = await read(
          request,
          (roles) => establishmentScopeFor(context, roles, request.params.establishmentId),
          request.query,
        );
        return sendCsv(reply, data, scope, request.params.file);
      },
    );

    app.get(
      '/api/groups/:groupId/analytics/dashboard',
      {
        schema: {
          tags: TAGS,
          summary: 'Tableau de bord d’un groupe (GHT)',
          description:
            'La somme des établissements du groupe où la personne a un rôle d’administration, de direction ou de communication, et eux seuls (scope.establishments les nomme). Un groupe où elle n’en a aucun répond 404.',
          security: SECURITY,
          params: groupParams,
          querystring: rangeQuery,
          response: { 200: dashboardResponse, ...ERRORS },
        },
      },
      async (request) =>
        (await read(request, (roles) => groupScopeFor(context, roles, request.params.groupId), request.query))
          .data,
    );

    app.get(
      '/api/groups/:groupId/analytics/export/:file',
      {
        schema: {
          tags: TAGS,
          summary: 'Un tableau du tableau de bord d’un groupe, en CSV',
          description: CSV_NOTE,
          security: SECURITY,
          params: groupExportParams,
          querystring: rangeQuery,
          response: { 200: z.string().describe('Fichier CSV (text/csv).'), ...ERRORS },
        },
      },
      async (request, reply) => {
        const { data, scope } = await read(
          request,
          (roles) => groupScopeFor(context, roles, request.params.groupId),
          request.query,
        );
        return sendCsv(reply, data, scope, request.params.file);
      },
    );

    app.get(
      '/api/analytics/groups',
      {
        schema: {
          tags: TAGS,
          summary: 'Les groupes dont la personne peut lire le tableau de bord',
          description: 'Avec, pour chacun, les établissements que son tableau de bord compte.',
          security: SECURITY,
          response: { 200: dashboardGroupsResponse, 401: problemSchema },
        },
      },
      async (request) => ({ groups: await readableGroups(context, requireSession(request).user.roles) }),
    );
  };
}

function sendCsv(
  reply: import('fastify').FastifyReply,
  data: DashboardData,
  scope: DashboardScope,
  file: string,
): string {
  const table = file.replace(/\.csv$/, '') as ExportTable;
  const body = exportCsv(data, table, scope.view);
  void reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${exportFileName(data, table)}"`)
    .header('cache-control', 'no-store');
  return body;
}
