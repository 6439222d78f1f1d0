import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSession } from '../http/auth.js';
import { type AppContext, inUnit } from '../http/context.js';
import { component } from '../http/openapi.js';
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

/** The HTTP routes of the audit module: an establishment's trail, for its administrators. */
export function auditRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/establishments/:establishmentId/audit',
      {
        schema: {
          tags: ['journal d’audit'],
          summary: 'Journal d’audit de l’établissement (du plus récent au plus ancien)',
          description: 'Rôle : admin. Page suivante : cursor = nextCursor de la réponse.',
          params: z.object({ establishmentId: z.string().min(1).max(100) }),
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
          }),
          response: {
            200: z.object({ items: z.array(entrySchema), nextCursor: z.number().int().nullable() }),
          },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, ['admin']);
        const actorId = requireSession(request).user.id;
        const { limit, cursor } = request.query;
        // Reading the trail is itself traced, after the read, so the page shows what was there.
        const rows = await inUnit(context, async (unit) => {
          const found = await listEstablishmentEntries(unit.trx, establishmentId, limit + 1, cursor);
          await unit.audit({
            establishmentId,
            actorId,
            action: 'audit.read',
            targetType: 'audit_log',
            targetId: null,
            detail: { limit, cursor: cursor ?? null },
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
