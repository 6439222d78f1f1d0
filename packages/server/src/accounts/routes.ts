import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context.js';
import { adminRoutes } from './admin-routes.js';
import { sessionRoutes } from './session-routes.js';
import { ssoRoutes } from './sso-routes.js';

/** The HTTP routes of the accounts module. */
export function accountsRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(sessionRoutes(context));
    await app.register(adminRoutes(context));
    await app.register(ssoRoutes(context));
  };
}
