import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { MULTIPART_BODY } from '../http/openapi.js';
import { Problem } from '../http/problem.js';
import { importMentions, readImportUpload } from './mentions/import-service.js';
import { listMentions, mentionVolume, readMention } from './mentions/mention-service.js';
import { LISTENING_CONFIGURE_ROLES, LISTENING_IMPORT_ROLES, LISTENING_READ_ROLES } from './policy.js';
import {
  establishmentParams,
  importFormBody,
  importResultSchema,
  mentionDetailSchema,
  mentionPageSchema,
  mentionParams,
  mentionsQuery,
  sourceBody,
  sourceListSchema,
  sourceParams,
  sourcePatch,
  sourceSchema,
  termBody,
  termListSchema,
  termParams,
  termSchema,
  volumeQuery,
  volumeSchema,
} from './schemas.js';
import { SOURCE_REGISTRY, type SourceRegistry } from './sources/registry.js';
import {
  createListeningSource,
  listListeningSources,
  removeListeningSource,
  updateListeningSource,
} from './sources/source-service.js';
import { addWatchTerm, listWatchTerms, removeWatchTerm } from './watch-terms/term-service.js';

const TAGS = ['Veille'];
export const LISTENING_BASE = '/api/establishments/:establishmentId/listening';
const BASE = LISTENING_BASE;

/** A reader of the establishment's listening (404 not a member, 403 an agent). */
function reader(request: FastifyRequest, establishmentId: string): void {
  requireRole(request, establishmentId, LISTENING_READ_ROLES);
}

/** Someone who may change what is listened to (or import, with `roles`); their id for the audit log. */
function configurer(
  request: FastifyRequest,
  establishmentId: string,
  roles = LISTENING_CONFIGURE_ROLES,
): string {
  requireRole(request, establishmentId, roles);
  const user = request.session?.user;
  if (user === undefined) throw new Error('session absente après requireRole');
  return user.id;
}

export interface ListeningRoutesOptions {
  /** The sources this server can run (tests bring their own). */
  readonly registry?: SourceRegistry;
}

/** The HTTP routes of listening's core (mentions, volume, terms, sources); the rules live in the services. */
export function listeningRoutes(
  context: AppContext,
  options: ListeningRoutesOptions = {},
): FastifyPluginAsyncZod {
  const registry = options.registry ?? SOURCE_REGISTRY;
  return async (app) => {
    app.get(
      `${BASE}/mentions`,
      {
        schema: {
          tags: TAGS,
          summary:
            'Mentions de l’établissement, les plus récentes d’abord, page par page (filtres, recherche)',
          params: establishmentParams,
          querystring: mentionsQuery,
          response: { 200: mentionPageSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        reader(request, establishmentId);
        return listMentions(context, establishmentId, request.query);
      },
    );

    app.get(
      `${BASE}/mentions/:mentionId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Une mention : texte complet et constats du garde-fou',
          params: mentionParams,
          response: { 200: mentionDetailSchema },
        },
      },
      async (request) => {
        const { establishmentId, mentionId } = request.params;
        reader(request, establishmentId);
        return readMention(context, establishmentId, mentionId);
      },
    );

    app.get(
      `${BASE}/volume`,
      {
        schema: {
          tags: TAGS,
          summary: 'Mentions par heure (31 jours au plus) et alertes de la période',
          params: establishmentParams,
          querystring: volumeQuery,
          response: { 200: volumeSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        reader(request, establishmentId);
        return mentionVolume(context, establishmentId, request.query);
      },
    );

    app.get(
      `${BASE}/terms`,
      {
        schema: {
          tags: TAGS,
          summary: 'Termes surveillés (noms, alias, services, mots-dièse, exclusions)',
          params: establishmentParams,
          response: { 200: termListSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        reader(request, establishmentId);
        return { items: await listWatchTerms(context, establishmentId) };
      },
    );

    app.post(
      `${BASE}/terms`,
      {
        schema: {
          tags: TAGS,
          summary: 'Ajouter un terme surveillé',
          params: establishmentParams,
          body: termBody,
          response: { 201: termSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        const actorId = configurer(request, establishmentId);
        const term = await addWatchTerm(context, establishmentId, actorId, request.body);
        return reply.status(201).send(term);
      },
    );

    app.delete(
      `${BASE}/terms/:termId`,
      { schema: { tags: TAGS, summary: 'Retirer un terme surveillé', params: termParams } },
      async (request, reply) => {
        const { establishmentId, termId } = request.params;
        const actorId = configurer(request, establishmentId);
        await removeWatchTerm(context, establishmentId, actorId, termId);
        return reply.status(204).send();
      },
    );

    app.get(
      `${BASE}/sources`,
      {
        schema: {
          tags: TAGS,
          summary: 'Sources écoutées et état de leur lecture',
          params: establishmentParams,
          response: { 200: sourceListSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        reader(request, establishmentId);
        return { items: await listListeningSources(context, establishmentId, registry) };
      },
    );

    app.post(
      `${BASE}/sources`,
      {
        schema: {
          tags: TAGS,
          summary: 'Ajouter une source (réglages vérifiés par la source elle-même)',
          params: establishmentParams,
          body: sourceBody,
          response: { 201: sourceSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        const actorId = configurer(request, establishmentId);
        const source = await createListeningSource(context, establishmentId, actorId, request.body, registry);
        return reply.status(201).send(source);
      },
    );

    app.patch(
      `${BASE}/sources/:sourceId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Modifier, activer ou suspendre une source',
          params: sourceParams,
          body: sourcePatch,
          response: { 200: sourceSchema },
        },
      },
      async (request) => {
        const { establishmentId, sourceId } = request.params;
        const actorId = configurer(request, establishmentId);
        return updateListeningSource(context, establishmentId, sourceId, actorId, request.body, registry);
      },
    );

    app.delete(
      `${BASE}/sources/:sourceId`,
      { schema: { tags: TAGS, summary: 'Supprimer une source', params: sourceParams } },
      async (request, reply) => {
        const { establishmentId, sourceId } = request.params;
        const actorId = configurer(request, establishmentId);
        await removeListeningSource(context, establishmentId, sourceId, actorId);
        return reply.status(204).send();
      },
    );

    app.post(
      `${BASE}/import`,
      {
        schema: {
          tags: TAGS,
          summary: 'Importer l’export CSV ou JSON d’un autre outil de veille',
          description:
            'multipart/form-data : champ « file » (un seul fichier), « format » (csv ou json, sinon ' +
            'd’après l’extension), « timeZone » (facultatif). Rôles : admin, communication, community_manager.',
          params: establishmentParams,
          [MULTIPART_BODY]: importFormBody,
          response: { 200: importResultSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        const actorId = configurer(request, establishmentId, LISTENING_IMPORT_ROLES);
        if (!request.isMultipart()) {
          throw new Problem(
            415,
            'type_non_pris_en_charge',
            'Envoyez le fichier dans un formulaire multipart (champ « file »).',
          );
        }
        return importMentions(context, establishmentId, actorId, await readImportUpload(request));
      },
    );
  };
}
