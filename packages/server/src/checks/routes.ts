import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../accounts/schemas.js';
import type { Role } from '../db/schema.js';
import { ANY_ROLE, requireRole, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { checkLimiter, closeGuardPool } from './check-capacity.js';
import { toCheckResponse } from './check-response.js';
import { checkStatistics, checkText } from './check-service.js';
import { checkBody, checkResponse, establishmentParams, statsQuery, statsResponse } from './schemas.js';
import { statsPeriod } from './stats-period.js';

/** Who reads the guard's statistics: the communication director and the administrators. */
const STATS_ROLES: readonly Role[] = ['communication', 'admin'];

const TAGS = ['vérification'];
const SECURITY = [{ session: [], csrf: [] }];

/** The HTTP routes of the checks module. */
export function checksRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/establishments/:establishmentId/checks',
      {
        schema: {
          tags: TAGS,
          summary: 'Vérifier un texte avant publication',
          description:
            'Analyse le texte avec le garde-fou et renvoie le rapport. Le texte n’est jamais enregistré : seuls des compteurs (jour, contexte, verdict, règles) le sont.',
          security: SECURITY,
          params: establishmentParams,
          body: checkBody,
          response: { 200: checkResponse, 429: problemSchema, 503: problemSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, ANY_ROLE);
        const preview = request.body.preview === true;
        const release = checkLimiter(context).enter(
          requireSession(request).user.id,
          preview ? 'preview' : 'check',
        );
        // A client that goes away (the web app aborts a preview at the next keystroke) frees its
        // place in the analysis queue.
        const gone = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) gone.abort();
        };
        reply.raw.once('close', onClose);
        try {
          const report = await checkText(context, establishmentId, request.body.text, request.body.context, {
            count: !preview,
            signal: gone.signal,
          });
          return toCheckResponse(report);
        } finally {
          release();
          reply.raw.off('close', onClose);
        }
      },
    );
    app.addHook('onClose', async () => closeGuardPool(context));

    app.get(
      '/api/establishments/:establishmentId/checks/stats',
      {
        schema: {
          tags: TAGS,
          summary: 'Statistiques des vérifications',
          description:
            'Totaux par verdict, par contexte et par règle entre deux jours UTC inclus (30 jours par défaut).',
          security: SECURITY,
          params: establishmentParams,
          querystring: statsQuery,
          response: { 200: statsResponse },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, STATS_ROLES);
        const period = statsPeriod(context.clock(), request.query.from, request.query.to);
        return checkStatistics(context, establishmentId, period.from, period.to);
      },
    );
  };
}
