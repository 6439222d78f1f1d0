import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context.js';
import { actingMember } from './acting-member.js';
import { setDraftPeople } from './consents/draft-people-service.js';
import {
  createDraft,
  decideDraft,
  listDraftPage,
  readDraft,
  submitDraft,
  updateDraft,
} from './draft-service.js';
import { PUBLISHING_CONFIGURE_ROLES, PUBLISHING_READ_ROLES, PUBLISHING_WRITE_ROLES } from './policy.js';
import {
  decisionBody,
  draftBody,
  draftPageSchema,
  draftParams,
  draftPeopleBody,
  draftSchema,
  draftsQuery,
  draftUpdateBody,
  establishmentParams,
  submitBody,
  workflowBody,
  workflowSchema,
} from './schemas.js';
import { changeWorkflow, readWorkflow } from './workflow-service.js';

const TAGS = ['Publication'];
const BASE = '/api/establishments/:establishmentId/publishing';

/** The HTTP routes of the publishing desk; the rules live in the services. */
export function publishingRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${BASE}/drafts`,
      {
        schema: {
          tags: TAGS,
          summary: 'Publications en préparation, les plus récemment modifiées d’abord, page par page',
          params: establishmentParams,
          querystring: draftsQuery,
          response: { 200: draftPageSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        const reader = actingMember(request, establishmentId, PUBLISHING_READ_ROLES);
        return listDraftPage(context, establishmentId, reader, request.query);
      },
    );

    app.post(
      `${BASE}/drafts`,
      {
        schema: {
          tags: TAGS,
          summary: 'Créer une publication (une variante par réseau, lue par le garde)',
          params: establishmentParams,
          body: draftBody,
          response: { 201: draftSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        const writer = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        return reply.status(201).send(await createDraft(context, establishmentId, writer, request.body));
      },
    );

    app.get(
      `${BASE}/drafts/:draftId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Une publication, ses variantes, son circuit de validation et ce que vous pouvez en faire',
          params: draftParams,
          response: { 200: draftSchema },
        },
      },
      async (request) => {
        const { establishmentId, draftId } = request.params;
        return readDraft(
          context,
          establishmentId,
          actingMember(request, establishmentId, PUBLISHING_READ_ROLES),
          draftId,
        );
      },
    );

    app.put(
      `${BASE}/drafts/:draftId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Modifier une publication (toute modification annule les validations données)',
          params: draftParams,
          body: draftUpdateBody,
          response: { 200: draftSchema },
        },
      },
      async (request) => {
        const { establishmentId, draftId } = request.params;
        const writer = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        return updateDraft(context, establishmentId, writer, draftId, request.body);
      },
    );

    app.put(
      `${BASE}/drafts/:draftId/people`,
      {
        schema: {
          tags: TAGS,
          summary:
            'Dire qui la publication nomme ou montre : les consentements du registre, ou « les photos ne montrent personne »',
          params: draftParams,
          body: draftPeopleBody,
          response: { 200: draftSchema },
        },
      },
      async (request) => {
        const { establishmentId, draftId } = request.params;
        const writer = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        return setDraftPeople(context, establishmentId, writer, draftId, request.body);
      },
    );

    app.post(
      `${BASE}/drafts/:draftId/submit`,
      {
        schema: {
          tags: TAGS,
          summary: 'Soumettre une publication à validation (refusé si le garde bloque une variante)',
          params: draftParams,
          body: submitBody,
          response: { 200: draftSchema },
        },
      },
      async (request) => {
        const { establishmentId, draftId } = request.params;
        const writer = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        return submitDraft(context, establishmentId, writer, draftId, request.body.revision);
      },
    );

    app.post(
      `${BASE}/drafts/:draftId/decisions`,
      {
        schema: {
          tags: TAGS,
          summary: 'Approuver ou refuser une publication à l’étape qui attend (jamais la sienne)',
          params: draftParams,
          body: decisionBody,
          response: { 200: draftSchema },
        },
      },
      async (request) => {
        const { establishmentId, draftId } = request.params;
        const decider = actingMember(request, establishmentId, PUBLISHING_READ_ROLES);
        return decideDraft(context, establishmentId, decider, draftId, request.body);
      },
    );

    app.get(
      `${BASE}/workflow`,
      {
        schema: {
          tags: TAGS,
          summary: 'Le circuit de validation de l’établissement',
          params: establishmentParams,
          response: { 200: workflowSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        const reader = actingMember(request, establishmentId, PUBLISHING_READ_ROLES);
        return readWorkflow(context, establishmentId, reader.role);
      },
    );

    app.put(
      `${BASE}/workflow`,
      {
        schema: {
          tags: TAGS,
          summary: 'Changer le circuit de validation',
          params: establishmentParams,
          body: workflowBody,
          response: { 200: workflowSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        const configurer = actingMember(request, establishmentId, PUBLISHING_CONFIGURE_ROLES);
        return changeWorkflow(context, establishmentId, configurer, request.body.steps);
      },
    );
  };
}
