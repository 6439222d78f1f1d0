import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Row } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { notFound, Problem } from '../../http/problem.js';
import { deliveryOptions } from './delivery.js';
import type { routeCreateBody, routePatchBody } from './schemas.js';
import { webhookTargetProblem } from './webhook.js';

export interface RouteView {
  readonly id: string;
  readonly tier: 'immediate' | 'volume';
  readonly channel: 'email' | 'webhook';
  readonly target: string;
  readonly quietFrom: string | null;
  readonly quietUntil: string | null;
  readonly enabled: boolean;
  readonly hasSecret: boolean;
  readonly createdAt: string;
}

function routeView(row: Row<'alert_routes'>): RouteView {
  return {
    id: row.id,
    tier: row.tier,
    channel: row.channel,
    target: row.target,
    quietFrom: row.quiet_from,
    quietUntil: row.quiet_until,
    enabled: row.enabled === 1,
    hasSecret: row.secret !== null,
    createdAt: row.created_at,
  };
}

// An address with one @, no spaces or angle brackets: what nodemailer sends to without surprise.
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

interface RouteShape {
  readonly tier: 'immediate' | 'volume';
  readonly channel: 'email' | 'webhook';
  readonly target: string;
  readonly quietFrom: string | null;
  readonly quietUntil: string | null;
}

/** The rules a route must follow, whatever the request that makes it so. */
function checkRoute(context: AppContext, route: RouteShape): void {
  const errors: { field: string; message: string }[] = [];
  if (route.channel === 'email' && !EMAIL.test(route.target)) {
    errors.push({ field: 'target', message: 'Adresse électronique invalide.' });
  }
  if (route.channel === 'webhook') {
    const problem = webhookTargetProblem(route.target, deliveryOptions(context).webhook);
    if (problem !== null) errors.push({ field: 'target', message: problem });
  }
  if ((route.quietFrom === null) !== (route.quietUntil === null)) {
    errors.push({
      field: 'quietUntil',
      message: 'Les heures calmes ont un début et une fin, ou aucun des deux.',
    });
  }
  if (route.tier === 'immediate' && route.quietFrom !== null) {
    errors.push({
      field: 'quietFrom',
      message:
        'Les alertes immédiates ne sont jamais retenues : les heures calmes valent pour les alertes de volume.',
    });
  }
  if (errors.length > 0) {
    throw new Problem(422, 'regle_invalide', errors.map((e) => e.message).join(' '), errors);
  }
}

/** Audited without the webhook's path or query (they may carry a token): its origin only. */
function auditedTarget(route: RouteShape): string {
  return route.channel === 'email' ? route.target : new URL(route.target).origin;
}

export async function listRoutes(context: AppContext, establishmentId: string): Promise<RouteView[]> {
  const rows = await context.storage.db
    .selectFrom('alert_routes')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(routeView);
}

/** Creates a route; a webhook's secret is generated here and returned this once only. */
export async function createRoute(
  context: AppContext,
  actor: { readonly establishmentId: string; readonly userId: string },
  body: z.infer<typeof routeCreateBody>,
): Promise<RouteView & { secret: string | null }> {
  const shape: RouteShape = {
    tier: body.tier,
    channel: body.channel,
    target: body.target.trim(),
    quietFrom: body.quietFrom ?? null,
    quietUntil: body.quietUntil ?? null,
  };
  checkRoute(context, shape);
  const secret = shape.channel === 'webhook' ? randomBytes(32).toString('base64url') : null;
  return inUnit(context, async (unit) => {
    const row: Row<'alert_routes'> = {
      id: randomUUID(),
      establishment_id: actor.establishmentId,
      tier: shape.tier,
      channel: shape.channel,
      target: shape.target,
      secret,
      quiet_from: shape.quietFrom,
      quiet_until: shape.quietUntil,
      enabled: body.enabled === false ? 0 : 1,
      created_at: unit.now.toISOString(),
    };
    await unit.trx.insertInto('alert_routes').values(row).execute();
    await unit.audit({
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      action: 'listening.route.create',
      targetType: 'alert_route',
      targetId: row.id,
      detail: { tier: shape.tier, channel: shape.channel, target: auditedTarget(shape) },
    });
    return { ...routeView(row), secret };
  });
}

export async function updateRoute(
  context: AppContext,
  actor: { readonly establishmentId: string; readonly userId: string },
  routeId: string,
  body: z.infer<typeof routePatchBody>,
): Promise<RouteView> {
  return inUnit(context, async (unit) => {
    const row = await unit.trx
      .selectFrom('alert_routes')
      .selectAll()
      .where('establishment_id', '=', actor.establishmentId)
      .where('id', '=', routeId)
      .executeTakeFirst();
    if (row === undefined) throw notFound();
    const shape: RouteShape = {
      tier: body.tier ?? row.tier,
      channel: row.channel,
      target: body.target?.trim() ?? row.target,
      quietFrom: body.quietFrom === undefined ? row.quiet_from : body.quietFrom,
      quietUntil: body.quietUntil === undefined ? row.quiet_until : body.quietUntil,
    };
    checkRoute(context, shape);
    const enabled = body.enabled === undefined ? row.enabled : body.enabled ? 1 : 0;
    const updated: Row<'alert_routes'> = {
      ...row,
      tier: shape.tier,
      target: shape.target,
      quiet_from: shape.quietFrom,
      quiet_until: shape.quietUntil,
      enabled,
    };
    await unit.trx
      .updateTable('alert_routes')
      .set({
        tier: updated.tier,
        target: updated.target,
        quiet_from: updated.quiet_from,
        quiet_until: updated.quiet_until,
        enabled,
      })
      .where('id', '=', routeId)
      .execute();
    await unit.audit({
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      action: 'listening.route.update',
      targetType: 'alert_route',
      targetId: routeId,
      detail: {
        changed: Object.keys(body).sort(),
        tier: shape.tier,
        channel: shape.channel,
        target: auditedTarget(shape),
        enabled: enabled === 1,
      },
    });
    return routeView(updated);
  });
}

export async function deleteRoute(
  context: AppContext,
  actor: { readonly establishmentId: string; readonly userId: string },
  routeId: string,
): Promise<void> {
  await inUnit(context, async (unit) => {
    const row = await unit.trx
      .selectFrom('alert_routes')
      .selectAll()
      .where('establishment_id', '=', actor.establishmentId)
      .where('id', '=', routeId)
      .executeTakeFirst();
    if (row === undefined) throw notFound();
    // Deliveries still waiting for it are dropped; those sent stay as the trace of what went out.
    await unit.trx
      .updateTable('alert_deliveries')
      .set({ status: 'failed', last_error: 'règle supprimée' })
      .where('route_id', '=', routeId)
      .where('status', '=', 'pending')
      .execute();
    await unit.trx.deleteFrom('alert_routes').where('id', '=', routeId).execute();
    await unit.audit({
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      action: 'listening.route.delete',
      targetType: 'alert_route',
      targetId: routeId,
      detail: {
        tier: row.tier,
        channel: row.channel,
        target: auditedTarget({ ...row, quietFrom: null, quietUntil: null }),
      },
    });
  });
}
