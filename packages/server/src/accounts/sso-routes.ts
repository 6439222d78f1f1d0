import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { component } from '../http/openapi.js';
import { notFound } from '../http/problem.js';
import { safeLine } from '../http/safe-text.js';
import { secureCookies, setSessionCookie } from './cookies.js';
import { establishmentParams, problemSchema, roleOutSchema, roleSchema } from './schemas.js';
import { replyWithPage } from './sso-error-page.js';
import {
  finishSso,
  forgetConfigurations,
  SSO_COOKIE,
  SSO_COOKIE_PATH,
  startSso,
  TooManySsoStarts,
} from './sso-service.js';
import { readSso, removeSso, setSsoEnabled, testSso, writeSso } from './sso-settings.js';

const TAGS = ['authentification unique'];
const settingsSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  defaultRole: roleOutSchema,
  enabled: z.boolean(),
});
component(settingsSchema, 'SsoSettings');
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
// Single lines without controls or invisible direction changes (http/safe-text.ts): stored, shown
// to administrators, and sent to the provider.
const settingsBody = z.strictObject({
  issuer: safeLine(1, 500),
  clientId: safeLine(1, 300),
  clientSecret: safeLine(1, 500),
  defaultRole: roleSchema,
});
const PROBE_DESCRIPTION =
  'Le fournisseur est d’abord essayé : découverte de l’émetteur, puis une demande de jeton qui ' +
  'vérifie l’identifiant et le secret du client. En cas d’échec, un 422 dont le code dit quoi : ' +
  'sso_injoignable, sso_pas_openid ou sso_client_refuse.';

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
          description: PROBE_DESCRIPTION,
          params: establishmentParams,
          body: settingsBody,
          response: { 200: settingsSchema, ...errors, 422: problemSchema },
        },
      },
      async (request) => {
        requireRole(request, request.params.establishmentId, ['admin']);
        const actor = requireSession(request).user.id;
        return writeSso(context, actor, request.params.establishmentId, request.body, forgetConfigurations);
      },
    );

    app.post(
      '/api/establishments/:establishmentId/sso/test',
      {
        schema: {
          tags: TAGS,
          summary: 'Essayer une configuration sans l’enregistrer (administrateur)',
          description: `${PROBE_DESCRIPTION} Rien n’est enregistré ; 204 si tout répond.`,
          params: establishmentParams,
          body: settingsBody,
          response: { 204: z.null(), ...errors, 422: problemSchema },
        },
      },
      async (request, reply) => {
        requireRole(request, request.params.establishmentId, ['admin']);
        await testSso(context, request.body);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      '/api/establishments/:establishmentId/sso',
      {
        schema: {
          tags: TAGS,
          summary:
            'Activer ou désactiver l’authentification unique, sans perdre sa configuration (administrateur)',
          params: establishmentParams,
          body: z.strictObject({ enabled: z.boolean() }),
          response: { 200: settingsSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, request.params.establishmentId, ['admin']);
        const actor = requireSession(request).user.id;
        const saved = await setSsoEnabled(
          context,
          actor,
          request.params.establishmentId,
          request.body.enabled,
        );
        forgetConfigurations();
        return saved;
      },
    );

    app.delete(
      '/api/establishments/:establishmentId/sso',
      {
        schema: {
          tags: TAGS,
          summary: 'Supprimer la configuration, secret compris (administrateur)',
          description: 'Les comptes créés par l’authentification unique restent.',
          params: establishmentParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        requireRole(request, request.params.establishmentId, ['admin']);
        const actor = requireSession(request).user.id;
        await removeSso(context, actor, request.params.establishmentId, forgetConfigurations);
        return reply.status(204).send(null);
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
          .where('oidc_providers.enabled', '=', 1)
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
          description:
            'Ouverte par le navigateur : en cas d’échec, une page en français (Accept: text/html), sinon ' +
            'problem+json. Au plus quelques connexions en cours par adresse : 429 avec Retry-After au-delà.',
          params: establishmentParams,
          response: { 302: z.null(), 404: problemSchema, 429: problemSchema, 502: problemSchema },
        },
      },
      async (request, reply) => {
        let start: Awaited<ReturnType<typeof startSso>>;
        try {
          start = await startSso(context, request.params.establishmentId, request.ip);
        } catch (error) {
          if (error instanceof TooManySsoStarts) {
            const seconds = Math.ceil((error.until.getTime() - context.clock().getTime()) / 1000);
            reply.header('retry-after', String(Math.max(1, seconds)));
          }
          return replyWithPage(request, reply, error);
        }
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
        let session: Awaited<ReturnType<typeof finishSso>>;
        try {
          session = await finishSso(context, token, request.url, request.session?.sessionId ?? null);
        } catch (error) {
          return replyWithPage(request, reply, error);
        }
        setSessionCookie(reply, context.config, session.token, session.expiresAt);
        return reply.redirect('/', 302);
      },
    );
  };
}
