import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSession } from '../http/auth.js';
import { type AppContext, inUnit } from '../http/context.js';
import { component } from '../http/openapi.js';
import { safeId } from '../http/safe-text.js';
import { listEstablishmentEntries } from './audit-repository.js';

const entrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
component(entrySchema, 'AuditEntry');
const pageSchema = component(
  z.object({ items: z.array(entrySchema), nextCursor: z.number().int().nullable() }),
  'AuditPage',
);

/** The HTTP routes of the audit module: an establishment's trail, for its administrators. */
export function auditRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/establishments/:establishmentId/audit',
      {
        schema: {
          tags: ['journal d’audit'],
          summary: 'Journal d’audit de l’établissement (du plus récent au plus ancien)',
          description:
            'Rôles : admin, legal. Page suivante : cursor = nextCursor de la réponse. Filtres : action ' +
            '(exacte, ou une famille terminée par un point : « user. »), actor (identifiant), from et to ' +
            '(dates ISO 8601, to exclue).',
          params: z.object({ establishmentId: safeId }),
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
            action: z
              .string()
              .regex(/^[a-z_]{1,40}(\.[a-z_]{0,40})?$/, {
                message: 'action inconnue (ex. « user.disable » ou « user. »)',
              })
              .optional(),
            actor: safeId.optional(),
            from: z.iso.datetime({ offset: true, error: 'date ISO 8601 attendue' }).optional(),
            to: z.iso.datetime({ offset: true, error: 'date ISO 8601 attendue' }).optional(),
          }),
          response: {
            200: pageSchema,
          },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        // Legal answers for complaints and data-protection requests: it reads the trail too.
        requireRole(request, establishmentId, ['admin', 'legal']);
        const actorId = requireSession(request).user.id;
        const { limit, cursor, action, actor, from, to } = request.query;
        const filter = {
          action,
          actorId: actor,
          from: from === undefined ? undefined : new Date(from).toISOString(),
          to: to === undefined ? undefined : new Date(to).toISOString(),
        };
        // Reading the trail is itself traced, after the read, so the page shows what was there.
        const rows = await inUnit(context, async (unit) => {
          const found = await listEstablishmentEntries(unit.trx, establishmentId, limit + 1, cursor, filter);
          await unit.audit({
            establishmentId,
            actorId,
            action: 'audit.read',
            targetType: 'audit_log',
            targetId: null,
            detail: { limit, cursor: cursor ?? null, action: action ?? null, actor: actor ?? null },
          });
          return found;
        });
        const page = rows.slice(0, limit);
        const items = page.map((row) => ({
          seq: Number(row.seq),
          at: row.at,
          actor: row.actor_id === null ? null : { id: row.actor_id, displayName: row.actor_name },
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          detail: parseDetail(row.detail),
          hash: row.hash,
        }));
        const nextCursor = rows.length > limit ? (items.at(-1)?.seq ?? null) : null;
        return { items, nextCursor };
      },
    );
  };
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
