import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESK_ROLES, requireRole } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import {
  commentBody,
  datesBody,
  decisionBody,
  detailSchema,
  establishmentParams,
  incidentParams,
  listPageSchema,
  listQuery,
  noticeSchema,
  ownerBody,
  qualificationBody,
  stateSchema,
  timelineEntrySchema,
  transitionBody,
} from './schemas.js';
import * as desk from './service.js';

const TAGS = ['Cellule incidents'];
const BASE = '/api/establishments/:establishmentId/incidents';

/** The desk member acting, or 404 (not a member) / 403 (not a desk role). */
function actorOf(request: FastifyRequest, establishmentId: string): desk.Actor {
  const role = requireRole(request, establishmentId, DESK_ROLES);
  const user = request.session?.user;
  if (user === undefined) throw new Error('session absente après requireRole');
  return { id: user.id, role, displayName: user.displayName, email: user.email };
}

/** The HTTP routes of the incident desk; the rules live in service.ts. */
export function incidentsRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      BASE,
      {
        schema: {
          tags: TAGS,
          summary: 'Liste des incidents, page par page (filtres, recherche, tri)',
          params: establishmentParams,
          querystring: listQuery,
          response: { 200: listPageSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        actorOf(request, establishmentId);
        const q = request.query;
        return desk.listDesk(context, establishmentId, {
          status: q.status,
          severity: q.severity,
          category: q.category,
          owner: q.owner,
          overdue: q.overdue === 'true',
          q: q.q,
          sort: q.sort === 'created' ? 'newest' : q.sort,
          cursor: q.cursor,
          limit: q.limit,
        });
      },
    );

    app.get(
      `${BASE}/:incidentId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Détail d’un incident (lecture sensible, journalisée)',
          params: incidentParams,
          response: { 200: detailSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return desk.readIncident(context, establishmentId, incidentId, actorOf(request, establishmentId));
      },
    );

    app.patch(
      `${BASE}/:incidentId/qualification`,
      {
        schema: {
          tags: TAGS,
          summary: 'Confirmer ou modifier la gravité et la catégorie',
          params: incidentParams,
          body: qualificationBody,
          response: { 200: stateSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return desk.qualify(
          context,
          establishmentId,
          incidentId,
          actorOf(request, establishmentId),
          request.body,
        );
      },
    );

    app.post(
      `${BASE}/:incidentId/transitions`,
      {
        schema: {
          tags: TAGS,
          summary: 'Changer l’état d’un incident',
          params: incidentParams,
          body: transitionBody,
          response: { 200: stateSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return desk.transition(
          context,
          establishmentId,
          incidentId,
          actorOf(request, establishmentId),
          request.body,
        );
      },
    );

    app.post(
      `${BASE}/:incidentId/decisions`,
      {
        schema: {
          tags: TAGS,
          summary: 'Enregistrer une décision',
          params: incidentParams,
          body: decisionBody,
          response: { 200: stateSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return desk.decide(
          context,
          establishmentId,
          incidentId,
          actorOf(request, establishmentId),
          request.body,
        );
      },
    );

    app.put(
      `${BASE}/:incidentId/owner`,
      {
        schema: {
          tags: TAGS,
          summary: 'Désigner le responsable de l’incident',
          params: incidentParams,
          body: ownerBody,
          response: { 200: stateSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return desk.assignOwner(
          context,
          establishmentId,
          incidentId,
          actorOf(request, establishmentId),
          request.body,
        );
      },
    );

    app.post(
      `${BASE}/:incidentId/comments`,
      {
        schema: {
          tags: TAGS,
          summary: 'Commenter un incident',
          params: incidentParams,
          body: commentBody,
          response: { 201: timelineEntrySchema },
        },
      },
      async (request, reply) => {
        const { establishmentId, incidentId } = request.params;
        const entry = await desk.comment(
          context,
          establishmentId,
          incidentId,
          actorOf(request, establishmentId),
          request.body.text,
        );
        return reply.status(201).send(entry);
      },
    );

    app.get(
      `${BASE}/:incidentId/timeline`,
      {
        schema: {
          tags: TAGS,
          summary: 'Historique d’un incident (commentaires et décisions ; lecture journalisée)',
          params: incidentParams,
          response: { 200: z.object({ items: z.array(timelineEntrySchema) }) },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        const actor = actorOf(request, establishmentId);
        return { items: await desk.timeline(context, establishmentId, incidentId, actor) };
      },
    );

    app.patch(
      `${BASE}/:incidentId/dates`,
      {
        schema: {
          tags: TAGS,
          summary: 'Dates de première publication et de prise de connaissance d’une violation',
          params: incidentParams,
          body: datesBody,
          response: { 200: stateSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return desk.setDates(
          context,
          establishmentId,
          incidentId,
          actorOf(request, establishmentId),
          request.body,
        );
      },
    );

    app.get(
      `${BASE}/:incidentId/notice`,
      {
        schema: {
          tags: TAGS,
          summary: 'Notification à la plateforme (DSA art. 16)',
          params: incidentParams,
          response: { 200: noticeSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return desk.platformNotice(context, establishmentId, incidentId, actorOf(request, establishmentId));
      },
    );
  };
}
