import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { verifyPublicMediaToken } from './public-media-link.js';

/**
 * GET /public/media/:token: a photo of a post being published, for the network that fetches it
 * (public-media-link.ts). No session: the token is the permission, for an hour, and only for a
 * photo of an approved post. Any failure is the same 404, so the route says nothing of which
 * photos exist.
 */
export function publicMediaRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/media/:token',
      {
        schema: {
          tags: ['Publication'],
          summary: 'Une photo confiée au réseau qui la télécharge (lien signé, valable une heure)',
          params: z.object({ token: z.string().max(200) }),
        },
      },
      async (request, reply) => {
        const mediaId = verifyPublicMediaToken(context, request.params.token);
        if (mediaId === null) throw notFound();
        const row = await context.storage.db
          .selectFrom('publishing_media')
          .innerJoin('publishing_drafts', 'publishing_drafts.id', 'publishing_media.draft_id')
          .select(['publishing_media.media_type as mediaType', 'publishing_media.content as content'])
          .where('publishing_media.id', '=', mediaId)
          .where('publishing_drafts.status', '=', 'approved')
          .executeTakeFirst();
        if (row === undefined) throw notFound();
        return reply
          .header('content-type', row.mediaType)
          .header('cache-control', 'private, max-age=300')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('x-robots-tag', 'noindex, nofollow')
          .send(Buffer.from(row.content));
      },
    );
  };
}
