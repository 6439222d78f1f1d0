import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fr } from 'zod/locales';
import { accountsRoutes } from '../accounts/routes.js';
import { monthlyReportRoutes } from '../analytics/monthly/monthly-report-routes.js';
import { analyticsRoutes } from '../analytics/routes.js';
import { auditRoutes } from '../audit/routes.js';
import { counterBuffer } from '../checks/counter-buffer.js';
import { imageCheckRoutes } from '../checks/image-check-routes.js';
import { checksRoutes } from '../checks/routes.js';
import { evidenceRoutes } from '../evidence/routes.js';
import { incidentsRoutes } from '../incidents/routes.js';
import { listeningAlertRoutes } from '../listening/alerts/routes.js';
import { listeningRoutes } from '../listening/routes.js';
import type { SourceRegistry } from '../listening/sources/registry.js';
import { CONNECTOR_REGISTRY, type ConnectorRegistry } from '../publishing/connectors/registry.js';
import { consentRoutes } from '../publishing/consents/consent-routes.js';
import { publishingMediaRoutes } from '../publishing/media/media-routes.js';
import { publicMediaRoutes } from '../publishing/media/public-media-routes.js';
import { publishingRoutes } from '../publishing/routes.js';
import { publishingScheduleRoutes } from '../publishing/schedule-routes.js';
import { reportsRoutes } from '../reports/routes.js';
import { trainingRoutes } from '../training/routes.js';
import { authenticationHook, tenantHook } from './auth.js';
import type { AppContext } from './context.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { openApiDocumentTransform, openApiRouteTransform } from './openapi.js';
import { securityHeaders } from './security-headers.js';
import { serverTimeouts } from './timeouts.js';
import { registerWebApp } from './web-app.js';

// Validation messages in French, for every schema of the application.
z.config(fr());

export type App = FastifyInstance;

/** Trust exactly `hops` proxies: the client's address is that many entries from the right. */
function trustProxy(hops: number): boolean | ((address: string, hop: number) => boolean) {
  return hops === 0 ? false : (_address, hop) => hop < hops;
}

export interface AppOptions {
  /** Pino logging; off in tests. */
  readonly logger?: boolean | { readonly level: string };
  /** The listening sources this server can run (default: listening/sources/registry.ts). */
  readonly sourceRegistry?: SourceRegistry;
  /** The networks this server publishes to (default: publishing/connectors/registry.ts). */
  readonly connectorRegistry?: ConnectorRegistry;
}

/** The JSON body limit: a post, a report's text fields. Files go through multipart. */
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * The whole HTTP application on a context: routes of every module, OpenAPI at /api/docs,
 * problem+json errors, sessions and CSRF. Does not listen: `serve` does, tests use inject().
 */
export async function buildApp(context: AppContext, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    // Requests are logged by route and status only: no address, no query string, no cookie.
    // Addresses and exact URLs, matched with the audit log's sign-ins, could tell who sent an
    // anonymous report.
    logger:
      options.logger === undefined || options.logger === false
        ? false
        : {
            ...(typeof options.logger === 'object' ? options.logger : {}),
            serializers: {
              req: (request: { method: string; routeOptions?: { url?: string } }) => ({
                method: request.method,
                route: request.routeOptions?.url,
              }),
              res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
            },
          },
    bodyLimit: JSON_BODY_LIMIT,
    // Ids in URLs are ours (UUIDs); anything longer is not a route.
    routerOptions: { maxParamLength: 200 },
    // Behind a reverse proxy the client's address is in X-Forwarded-For, from this many hops.
    trustProxy: trustProxy(context.config.trustProxyHops),
    ...serverTimeouts(context.config.timeouts),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Blouse API',
        description: 'Vérification des publications, signalements, incidents et preuves.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'blouse_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: openApiRouteTransform,
    transformObject: openApiDocumentTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(multipart, {
    limits: {
      fileSize: context.config.maxFileBytes,
      files: 10,
      fields: 20,
      parts: 30,
      fieldSize: 64 * 1024,
      // Part headers carry the client's file name: a few, short.
      headerPairs: 20,
    },
    throwFileSizeLimit: true,
  });

  app.decorateRequest('session', null);
  app.addHook('onRequest', authenticationHook(context));
  app.addHook('onRequest', tenantHook);
  app.addHook('onSend', securityHeaders(context.config));

  await registerWebApp(app);

  app.get(
    '/api/health',
    { schema: { tags: ['système'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  for (const module of [
    accountsRoutes,
    analyticsRoutes,
    monthlyReportRoutes,
    auditRoutes,
    checksRoutes,
    imageCheckRoutes,
    reportsRoutes,
    incidentsRoutes,
    evidenceRoutes,
    listeningAlertRoutes,
    publishingRoutes,
    publishingMediaRoutes,
    consentRoutes,
    publicMediaRoutes,
    trainingRoutes,
  ]) {
    await app.register(module(context));
  }
  await app.register(
    listeningRoutes(
      context,
      options.sourceRegistry === undefined ? {} : { registry: options.sourceRegistry },
    ),
  );
  await app.register(publishingScheduleRoutes(context, options.connectorRegistry ?? CONNECTOR_REGISTRY));
  // Check counters wait up to a second in memory: write them before the process goes.
  app.addHook('onClose', async () => counterBuffer(context).flush());
  await app.ready();
  return app;
}
