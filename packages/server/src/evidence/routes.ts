import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context.js';

/** The HTTP routes of the evidence module. */
export function evidenceRoutes(_context: AppContext): FastifyPluginAsyncZod {
  return async (_app) => {};
}
