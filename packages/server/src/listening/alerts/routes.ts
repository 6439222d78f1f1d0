import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../db/schema.js';
import { DESK_ROLES, requireRole } from '../../http/auth.js';
import type { AppContext } from '../../http/context.js';
import {
  getAlert,
  listAlertPage,
  type OpenedFromListening,
  openIncidentForAlert,
  openIncidentForMention,
} from './alert-service.js';
import { createRoute, deleteRoute, listRoutes, updateRoute } from './route-service.js';
import {
  alertListQuery,
  alertPageSchema,
  alertParams,
  alertSchema,
  createdRouteSchema,
  establishmentParams,
  mentionParams,
  openedIncidentSchema,
  routeCreateBody,
  routeListSchema,
  routeParams,
  routePatchBody,
  routeSchema,
} from './schemas.js';

const TAGS = ['Veille : alertes'];
const BASE = '/api/establishments/:establishmentId/listening';

/** Who reads listening (ISSUE10-API.md); agents never do. */
export const LISTENING_READ_ROLES: readonly Role[] = ['admin', 'communication', 'community_manager', 'legal'];
/** Who configures it: terms, sources and alert routes. */
export const LISTENING_CONFIGURE_ROLES: readonly Role[] = ['admin', 'communication'];

function actorOf(request: FastifyRequest, establishmentId: string, roles: readonly Role[]) {
  requireRole(request, establishmentId, roles);
  const user = request.session?.user;
  if (user === undefined) throw new Error('session absente après requireRole');
  return { establishmentId, userId: user.id };
}

const opened = (result: OpenedFromListening) => ({
  incidentId: result.incidentId,
  reference: result.reference,
});

/**
 * The HTTP routes of listening's alerts: the alerts, opening an incident from an alert or a
 * mention (the incident desk's roles, as incidents/policy.ts), and the alert routes.
 */
export function listeningAlertRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${BASE}/alerts`,
      {
        schema: {
          tags: TAGS,
          summary: 'Alertes de veille, les plus récentes d’abord, page par page',
          params: establishmentParams,
          querystring: alertListQuery,
          response: { 200: alertPageSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        actorOf(request, establishmentId, LISTENING_READ_ROLES);
        return listAlertPage(context, establishmentId, request.query);
      },
    );

    app.get(
      `${BASE}/alerts/:alertId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Une alerte de veille, expliquée',
          params: alertParams,
          response: { 200: alertSchema },
        },
      },
      async (request) => {
        const { establishmentId, alertId } = request.params;
        actorOf(request, establishmentId, LISTENING_READ_ROLES);
        return getAlert(context, establishmentId, alertId);
      },
    );

    app.post(
      `${BASE}/alerts/:alertId/incident`,
      {
        schema: {
          tags: TAGS,
          summary: 'Ouvrir un incident depuis une alerte (publications scellées comme preuves)',
          params: alertParams,
          response: { 200: openedIncidentSchema, 201: openedIncidentSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId, alertId } = request.params;
        const actor = actorOf(request, establishmentId, DESK_ROLES);
        const result = await openIncidentForAlert(context, actor, alertId);
        return reply.status(result.created ? 201 : 200).send(opened(result));
      },
    );

    app.post(
      `${BASE}/mentions/:mentionId/incident`,
      {
        schema: {
          tags: TAGS,
          summary: 'Ouvrir un incident depuis une mention (publication scellée comme preuve)',
          params: mentionParams,
          response: { 200: openedIncidentSchema, 201: openedIncidentSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId, mentionId } = request.params;
        const actor = actorOf(request, establishmentId, DESK_ROLES);
        const result = await openIncidentForMention(context, actor, mentionId);
        return reply.status(result.created ? 201 : 200).send(opened(result));
      },
    );

    app.get(
      `${BASE}/routes`,
      {
        schema: {
          tags: TAGS,
          summary: 'Règles d’envoi des alertes (qui reçoit quel niveau, heures calmes)',
          params: establishmentParams,
          response: { 200: routeListSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        actorOf(request, establishmentId, LISTENING_READ_ROLES);
        return { items: await listRoutes(context, establishmentId) };
      },
    );

    app.post(
      `${BASE}/routes`,
      {
        schema: {
          tags: TAGS,
          summary: 'Ajouter une règle d’envoi (le secret d’un webhook n’est montré qu’ici)',
          params: establishmentParams,
          body: routeCreateBody,
          response: { 201: createdRouteSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        const actor = actorOf(request, establishmentId, LISTENING_CONFIGURE_ROLES);
        const route = await createRoute(context, actor, request.body);
        return reply.status(201).send(route);
      },
    );

    app.patch(
      `${BASE}/routes/:routeId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Modifier une règle d’envoi',
          params: routeParams,
          body: routePatchBody,
          response: { 200: routeSchema },
        },
      },
      async (request) => {
        const { establishmentId, routeId } = request.params;
        const actor = actorOf(request, establishmentId, LISTENING_CONFIGURE_ROLES);
        return updateRoute(context, actor, routeId, request.body);
      },
    );

    app.delete(
      `${BASE}/routes/:routeId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Supprimer une règle d’envoi',
          params: routeParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { establishmentId, routeId } = request.params;
        const actor = actorOf(request, establishmentId, LISTENING_CONFIGURE_ROLES);
        await deleteRoute(context, actor, routeId);
        return reply.status(204).send(null);
      },
    );
  };
}
