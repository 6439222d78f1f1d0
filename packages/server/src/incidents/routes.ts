import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESK_ROLES, requireRole } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { attachmentDisposition } from '../reports/file-name.js';
import { gatherCaseFile } from './case-file/case-file-data.js';
import { renderCaseFile } from './case-file/case-file-pdf.js';
import { listDeskMembers } from './desk-members.js';
import * as notices from './notice-service.js';
import { notificationRoutes } from './notifications/routes.js';
import {
  commentBody,
  datesBody,
  decisionBody,
  deskMembersSchema,
  detailSchema,
  establishmentParams,
  incidentParams,
  listPageSchema,
  listQuery,
  noticeEditBody,
  noticeSentBody,
  noticeViewSchema,
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
          response: { 200: noticeViewSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        return notices.readNotice(context, establishmentId, incidentId, actorOf(request, establishmentId));
      },
    );

    app.put(
      `${BASE}/:incidentId/notice`,
      {
        schema: {
          tags: TAGS,
          summary: 'Modifier le texte de la notification à la plateforme',
          params: incidentParams,
          body: noticeEditBody,
          response: { 200: noticeViewSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        const actor = actorOf(request, establishmentId);
        return notices.editNotice(context, establishmentId, incidentId, actor, request.body);
      },
    );

    app.post(
      `${BASE}/:incidentId/notice/sent`,
      {
        schema: {
          tags: TAGS,
          summary: 'Noter l’envoi de la notification à la plateforme (date, canal)',
          params: incidentParams,
          body: noticeSentBody,
          response: { 200: noticeViewSchema },
        },
      },
      async (request) => {
        const { establishmentId, incidentId } = request.params;
        const actor = actorOf(request, establishmentId);
        return notices.markNoticeSent(context, establishmentId, incidentId, actor, request.body);
      },
    );

    app.get(
      '/api/establishments/:establishmentId/desk-members',
      {
        schema: {
          tags: TAGS,
          summary: 'Membres de la cellule (pour attribuer un incident ou mentionner quelqu’un)',
          params: establishmentParams,
          response: { 200: deskMembersSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        actorOf(request, establishmentId);
        return { items: await listDeskMembers(context.storage.db, establishmentId) };
      },
    );

    app.get(
      `${BASE}/:incidentId/case-file.pdf`,
      {
        schema: {
          tags: TAGS,
          summary: 'Dossier PDF pour un avocat (historique, décisions, empreintes des preuves ; journalisé)',
          params: incidentParams,
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const { establishmentId, incidentId } = request.params;
        const actor = actorOf(request, establishmentId);
        const file = await gatherCaseFile(context, establishmentId, incidentId, actor);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(`dossier-${file.reference}.pdf`))
          .send(renderCaseFile(file));
      },
    );

    await app.register(notificationRoutes(context));
  };
}
