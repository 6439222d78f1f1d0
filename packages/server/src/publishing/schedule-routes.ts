import { PUBLISHING_NETWORKS } from '@blouse/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/context.js';
import { component } from '../http/openapi.js';
import { safeText } from '../http/safe-text.js';
import { connectAccount, listAccounts, removeAccount } from './accounts/account-service.js';
import { actingMember } from './acting-member.js';
import type { ConnectorRegistry } from './connectors/registry.js';
import { PUBLISHING_CONFIGURE_ROLES, PUBLISHING_READ_ROLES, PUBLISHING_WRITE_ROLES } from './policy.js';
import { readCalendar, reschedulePublication } from './schedule/calendar-service.js';
import { readPause, setPause } from './schedule/pause-service.js';
import { listPublications, scheduleDraft } from './schedule/publication-service.js';
import { wakePublications, wakeScheduled } from './schedule/publish-jobs.js';
import { refreshMetrics } from './schedule/refresh-metrics.js';
import { draftParams, establishmentParams } from './schemas.js';

const TAGS = ['Publication'];
const BASE = '/api/establishments/:establishmentId/publishing';

const publicationSchema = component(
  z.object({
    id: z.string(),
    network: z.string(),
    revision: z.number(),
    scheduledAt: z.string(),
    status: z.enum(['scheduled', 'publishing', 'published', 'failed', 'cancelled']),
    attempts: z.number(),
    lastError: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
    metrics: z
      .object({
        likes: z.number().nullable(),
        shares: z.number().nullable(),
        comments: z.number().nullable(),
        impressions: z.number().nullable(),
        collectedAt: z.string(),
      })
      .nullable(),
  }),
  'Publication',
);
const publicationList = z.object({ items: z.array(publicationSchema) });
const scheduleBody = z
  .object({
    revision: z.number().int().min(1).max(1_000_000),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
const accountSchema = component(
  z.object({
    id: z.string(),
    network: z.enum(PUBLISHING_NETWORKS),
    serviceUrl: z.string(),
    identifier: z.string(),
    updatedAt: z.string(),
  }),
  'PublishingAccount',
);
const accountBody = z
  .object({
    serviceUrl: z.url({ protocol: /^https?$/ }).max(500),
    identifier: safeText(1, 300),
    secret: safeText(1, 4000),
  })
  .strict();
const networkParams = z.object({ establishmentId: safeText(1, 100), network: z.enum(PUBLISHING_NETWORKS) });
const pauseSchema = component(
  z.object({
    paused: z.boolean(),
    changedBy: z.string().nullable(),
    changedAt: z.string().nullable(),
    reason: z.string(),
  }),
  'PublishingPause',
);
const day = z.iso.date();
const calendarQuery = z
  .object({ from: day, to: day, network: z.enum(PUBLISHING_NETWORKS).optional() })
  .strict();
const calendarEntry = z.object({
  id: z.string(),
  draftId: z.string(),
  title: z.string(),
  network: z.string(),
  status: z.enum(['scheduled', 'publishing', 'published', 'failed', 'cancelled']),
  scheduledAt: z.string(),
  url: z.string().nullable(),
});
const calendarSchema = component(
  z.object({
    publications: z.array(calendarEntry),
    healthDays: z.array(
      z.object({
        id: z.string(),
        name: z.object({ fr: z.string(), en: z.string() }),
        start: z.string(),
        end: z.string(),
        organiser: z.string(),
        confidence: z.enum(['checked', 'likely', 'to-check']),
      }),
    ),
  }),
  'PublishingCalendar',
);
const publicationParams = z.object({ establishmentId: safeText(1, 100), publicationId: safeText(1, 100) });
const rescheduleBody = z.object({ at: z.iso.datetime({ offset: true }) }).strict();
const pauseBody = z.object({ paused: z.boolean(), reason: safeText(0, 500).default('') }).strict();

/** Scheduling, the networks' accounts and « Tout suspendre »; the rules live in the services. */
export function publishingScheduleRoutes(
  context: AppContext,
  registry: ConnectorRegistry,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${BASE}/drafts/:draftId/publications`,
      {
        schema: {
          tags: TAGS,
          summary: 'Les publications programmées ou faites d’une publication, réseau par réseau',
          params: draftParams,
          response: { 200: publicationList },
        },
      },
      async (request) => {
        const { establishmentId, draftId } = request.params;
        actingMember(request, establishmentId, PUBLISHING_READ_ROLES);
        return { items: await listPublications(context, establishmentId, draftId) };
      },
    );

    app.post(
      `${BASE}/drafts/:draftId/publications/:publicationId/metrics`,
      {
        schema: {
          tags: TAGS,
          summary:
            'Relever maintenant les statistiques d’une publication en ligne (au plus toutes les 5 minutes)',
          params: draftParams.extend({ publicationId: safeText(1, 100) }),
          response: { 200: publicationSchema },
        },
      },
      async (request) => {
        const { establishmentId, draftId, publicationId } = request.params;
        actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        return refreshMetrics(context, establishmentId, draftId, publicationId, registry);
      },
    );

    app.post(
      `${BASE}/drafts/:draftId/schedule`,
      {
        schema: {
          tags: TAGS,
          summary: 'Programmer une publication approuvée (maintenant, ou à une date)',
          params: draftParams,
          body: scheduleBody,
          response: { 201: publicationList },
        },
      },
      async (request, reply) => {
        const { establishmentId, draftId } = request.params;
        const writer = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        const items = await scheduleDraft(context, establishmentId, writer, draftId, request.body, registry);
        await wakePublications(context, items);
        return reply.status(201).send({ items });
      },
    );

    app.get(
      `${BASE}/calendar`,
      {
        schema: {
          tags: TAGS,
          summary: 'Calendrier éditorial : publications programmées ou faites, et journées de santé',
          params: establishmentParams,
          querystring: calendarQuery,
          response: { 200: calendarSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        actingMember(request, establishmentId, PUBLISHING_READ_ROLES);
        return readCalendar(context, establishmentId, request.query);
      },
    );

    app.post(
      `${BASE}/publications/:publicationId/reschedule`,
      {
        schema: {
          tags: TAGS,
          summary: 'Déplacer une publication programmée (glisser-déposer sur le calendrier)',
          params: publicationParams,
          body: rescheduleBody,
          response: { 200: calendarEntry },
        },
      },
      async (request) => {
        const { establishmentId, publicationId } = request.params;
        const writer = actingMember(request, establishmentId, PUBLISHING_WRITE_ROLES);
        const moved = await reschedulePublication(
          context,
          establishmentId,
          writer,
          publicationId,
          request.body.at,
        );
        await wakePublications(context, [moved]);
        return moved;
      },
    );

    app.get(
      `${BASE}/accounts`,
      {
        schema: {
          tags: TAGS,
          summary: 'Les comptes de l’établissement sur les réseaux (jamais leurs secrets)',
          params: establishmentParams,
          response: {
            200: z.object({
              items: z.array(accountSchema),
              connectable: z.array(z.enum(PUBLISHING_NETWORKS)),
            }),
          },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        actingMember(request, establishmentId, PUBLISHING_READ_ROLES);
        // The networks this server has a connector for: the only ones worth connecting.
        return {
          items: await listAccounts(context, establishmentId),
          connectable: [...registry.keys()].sort(),
        };
      },
    );

    app.put(
      `${BASE}/accounts/:network`,
      {
        schema: {
          tags: TAGS,
          summary: 'Connecter le compte de l’établissement sur un réseau (secret chiffré au repos)',
          params: networkParams,
          body: accountBody,
          response: { 200: accountSchema },
        },
      },
      async (request) => {
        const { establishmentId, network } = request.params;
        const configurer = actingMember(request, establishmentId, PUBLISHING_CONFIGURE_ROLES);
        return connectAccount(context, establishmentId, configurer.id, { network, ...request.body });
      },
    );

    app.delete(
      `${BASE}/accounts/:network`,
      { schema: { tags: TAGS, summary: 'Déconnecter un compte', params: networkParams } },
      async (request, reply) => {
        const { establishmentId, network } = request.params;
        const configurer = actingMember(request, establishmentId, PUBLISHING_CONFIGURE_ROLES);
        await removeAccount(context, establishmentId, configurer.id, network);
        return reply.status(204).send();
      },
    );

    app.get(
      `${BASE}/pause`,
      {
        schema: {
          tags: TAGS,
          summary: '« Tout suspendre » : est-il en place ?',
          params: establishmentParams,
          response: { 200: pauseSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        // Every member sees the banner: an agent must know the establishment has gone quiet too.
        actingMember(request, establishmentId, [
          'admin',
          'communication',
          'community_manager',
          'legal',
          'agent',
        ]);
        return readPause(context, establishmentId);
      },
    );

    app.put(
      `${BASE}/pause`,
      {
        schema: {
          tags: TAGS,
          summary: '« Tout suspendre » : arrêter (ou reprendre) toutes les publications programmées',
          params: establishmentParams,
          body: pauseBody,
          response: { 200: pauseSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        const decider = actingMember(request, establishmentId, PUBLISHING_CONFIGURE_ROLES);
        const pause = await setPause(context, establishmentId, decider.id, request.body);
        if (!pause.paused) await wakeScheduled(context, establishmentId);
        return pause;
      },
    );
  };
}
