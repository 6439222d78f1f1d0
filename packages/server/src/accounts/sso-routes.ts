import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { component } from '../http/openapi.js';
import { notFound } from '../http/problem.js';
import { secureCookies, setSessionCookie } from './cookies.js';
import { establishmentParams, problemSchema, roleOutSchema, roleSchema } from './schemas.js';
import { finishSso, readSso, SSO_COOKIE, SSO_COOKIE_PATH, startSso, writeSso } from './sso-service.js';

const TAGS = ['authentification unique'];
const settingsSchema = z.object({ issuer: z.string(), clientId: z.string(), defaultRole: roleOutSchema });
component(settingsSchema, 'SsoSettings');
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Single sign-on with the establishment's OpenID Connect provider. */
export function ssoRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/establishments/:establishmentId/sso',
      {
        schema: {
          tags: TAGS,
          summary: 'La configuration de l’authentification unique, sans le secret (administrateur)',
          params: establishmentParams,
          response: { 200: settingsSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, request.params.establishmentId, ['admin']);
        const settings = await readSso(context, request.params.establishmentId);
        if (settings === null) throw notFound('L’authentification unique n’est pas configurée.');
        return settings;
      },
    );

    app.put(
      '/api/establishments/:establishmentId/sso',
      {
        schema: {
          tags: TAGS,
          summary: 'Configurer le fournisseur OpenID Connect de l’établissement (administrateur)',
          params: establishmentParams,
          body: z.strictObject({
            issuer: z.string().min(1).max(500),
            clientId: z.string().min(1).max(300),
            clientSecret: z.string().min(1).max(500),
            defaultRole: roleSchema,
          }),
          response: { 200: settingsSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, request.params.establishmentId, ['admin']);
        const actor = requireSession(request).user.id;
        return writeSso(context, actor, request.params.establishmentId, request.body);
      },
    );

    // Not under /api/establishments/:establishmentId: everything there needs a session and a
    // membership (http/auth.ts tenantHook), and whoever starts a single sign-on has neither yet.
    app.get(
      '/api/sso/establishments',
      {
        schema: {
          tags: TAGS,
          summary: 'Les établissements qui proposent l’authentification unique (pour la page de connexion)',
          description:
            'Sans session : la page de connexion en a besoin. Seuls l’identifiant et le nom sont donnés, ' +
            'jamais l’émetteur ni le client.',
          response: { 200: z.array(z.object({ establishmentId: z.string(), name: z.string() })) },
        },
      },
      async () =>
        context.storage.db
          .selectFrom('oidc_providers')
          .innerJoin('establishments', 'establishments.id', 'oidc_providers.establishment_id')
          .select(['establishments.id as establishmentId', 'establishments.name as name'])
          .orderBy('establishments.name')
          .orderBy('establishments.id')
          .execute(),
    );

    app.get(
      '/api/sso/:establishmentId/start',
      {
        schema: {
          tags: TAGS,
          summary: 'Commencer une connexion par l’authentification unique (redirige vers le fournisseur)',
          params: establishmentParams,
          response: { 302: z.null(), 404: problemSchema, 429: problemSchema, 502: problemSchema },
        },
      },
      async (request, reply) => {
        const start = await startSso(context, request.params.establishmentId);
        reply.setCookie(SSO_COOKIE, start.token, {
          httpOnly: true,
          // Lax: the cookie comes back with the provider's top-level redirect to the callback.
          sameSite: 'lax',
          secure: secureCookies(context.config),
          path: SSO_COOKIE_PATH,
          maxAge: start.maxAgeSeconds,
        });
        return reply.redirect(start.url, 302);
      },
    );

    app.get(
      '/api/sso/callback',
      {
        schema: {
          tags: TAGS,
          summary: 'Retour du fournisseur d’identité : ouvre la session et redirige vers l’accueil',
          querystring: z.object({}).catchall(z.string().max(4000)),
          response: {
            302: z.null(),
            401: problemSchema,
            409: problemSchema,
            422: problemSchema,
            502: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const token = request.cookies[SSO_COOKIE];
        reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
        const session = await finishSso(context, token, request.url);
        setSessionCookie(reply, context.config, session.token, session.expiresAt);
        return reply.redirect('/', 302);
      },
    );
  };
}
