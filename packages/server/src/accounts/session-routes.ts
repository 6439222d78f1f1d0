import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { clearSessionCookie, setSessionCookie } from './cookies.js';
import { emailSchema, passwordSchema, problemSchema, sessionSchema } from './schemas.js';
import { changePassword, LockedOut, login, logout, sessionView } from './session-service.js';

const TAGS = ['session'];

function setRetryAfter(reply: FastifyReply, until: Date, now: Date): void {
  reply.header('retry-after', String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))));
}

/** Sign in, the current session, sign out, change one's password. */
export function sessionRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/session',
      {
        schema: {
          tags: TAGS,
          summary: 'Se connecter avec une adresse e-mail et un mot de passe',
          body: z.object({ email: emailSchema, password: passwordSchema }),
          response: { 200: sessionSchema, 401: problemSchema, 423: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        try {
          const session = await login(context, {
            ...request.body,
            ip: request.ip,
            previousSessionId: request.session?.sessionId ?? null,
          });
          setSessionCookie(reply, context.config, session.token, session.expiresAt);
          return session.view;
        } catch (error) {
          if (error instanceof LockedOut) setRetryAfter(reply, error.until, context.clock());
          throw error;
        }
      },
    );

    app.get(
      '/api/session',
      {
        schema: {
          tags: TAGS,
          summary: 'La session en cours',
          response: { 200: sessionSchema, 401: problemSchema },
        },
      },
      async (request) => sessionView(context, requireSession(request)),
    );

    app.delete(
      '/api/session',
      { schema: { tags: TAGS, summary: 'Se déconnecter', response: { 204: z.null() } } },
      async (request, reply) => {
        if (request.session !== null) {
          await logout(context, request.session.sessionId, request.session.user.id);
        }
        clearSessionCookie(reply, context.config);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/session/password',
      {
        schema: {
          tags: TAGS,
          summary: 'Changer son mot de passe',
          body: z.object({ current: passwordSchema, next: passwordSchema }),
          description:
            'Un mauvais mot de passe actuel compte comme un échec de connexion du compte : au-delà, 423 ' +
            'avec Retry-After. Les autres sessions de la personne sont fermées.',
          response: {
            204: z.null(),
            401: problemSchema,
            403: problemSchema,
            422: problemSchema,
            423: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        try {
          await changePassword(context, {
            userId: session.user.id,
            sessionId: session.sessionId,
            current: request.body.current,
            next: request.body.next,
          });
        } catch (error) {
          if (error instanceof LockedOut) setRetryAfter(reply, error.until, context.clock());
          throw error;
        }
        return reply.status(204).send(null);
      },
    );
  };
}
