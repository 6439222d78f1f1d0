import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context.js';

/** The HTTP routes of the checks module. */
export function checksRoutes(_context: AppContext): FastifyPluginAsyncZod {
  return async (_app) => {};
}
