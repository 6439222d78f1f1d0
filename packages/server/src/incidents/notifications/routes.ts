import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../../http/auth.js';
import type { AppContext } from '../../http/context.js';
import { component } from '../../http/openapi.js';
import { safeText } from '../../http/safe-text.js';
import { countUnread, listNotifications, markRead } from './notification-repository.js';

const TAGS = ['Notifications'];
const BASE = '/api/establishments/:establishmentId/notifications';
const id = safeText(1, 100);
const params = z.object({ establishmentId: id });
/** The header shows the latest; older ones are in the incidents' timelines anyway. */
const LATEST = 30;

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  incidentId: z.string(),
  reference: z.string(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

// Named components of the OpenAPI document, from which the web app's types are generated.
const notificationsSchema = component(
  z.object({ unread: z.number(), items: z.array(component(notificationSchema, 'Notification')) }),
  'Notifications',
);
const markReadBody = component(
  z.object({ ids: z.array(id).max(100).optional() }).strict(),
  'NotificationsRead',
);

/**
 * The signed-in person's own notifications in an establishment (the tenant hook has checked
 * they are a member). Reads are not audited: they show only what was addressed to the reader.
 */
export function notificationRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      BASE,
      {
        schema: {
          tags: TAGS,
          summary: 'Mes notifications (mentions) et le nombre de non lues',
          params,
          response: { 200: notificationsSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        const userId = requireSession(request).user.id;
        const db = context.storage.db;
        return {
          unread: await countUnread(db, establishmentId, userId),
          items: await listNotifications(db, establishmentId, userId, LATEST),
        };
      },
    );

    app.post(
      `${BASE}/read`,
      {
        schema: {
          tags: TAGS,
          summary: 'Marquer mes notifications comme lues (les unes indiquées, ou toutes)',
          params,
          body: markReadBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        const userId = requireSession(request).user.id;
        await markRead(context.storage.db, establishmentId, userId, context.clock(), request.body.ids);
        return reply.status(204).send(null);
      },
    );
  };
}
