import { z } from 'zod';
import { component } from '../../http/openapi.js';
import { safeText } from '../../http/safe-text.js';
import { HH_MM } from './quiet-hours.js';

/** Request and response shapes of the alerts of listening, for validation and the OpenAPI document. */
const id = safeText(1, 100);
export const MAX_ALERT_PAGE = 100;
export const DEFAULT_ALERT_PAGE = 50;

export const tierSchema = z.enum(['immediate', 'volume']);
export const channelSchema = z.enum(['email', 'webhook']);

export const establishmentParams = z.object({ establishmentId: id });
export const alertParams = z.object({ establishmentId: id, alertId: id });
export const mentionParams = z.object({ establishmentId: id, mentionId: id });
export const routeParams = z.object({ establishmentId: id, routeId: id });

export const alertListQuery = z
  .object({
    tier: tierSchema.optional(),
    cursor: safeText(1, 500).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_ALERT_PAGE).optional(),
  })
  .strict();

export const alertSchema = z.object({
  id: z.string(),
  tier: tierSchema,
  reason: z.string(),
  seriesKey: z.string().nullable(),
  explanation: z.string(),
  details: z.object({
    count: z.number().optional(),
    windowMinutes: z.number().optional(),
    expected: z.number().optional(),
    topTerms: z.array(z.object({ term: z.string(), count: z.number() })),
    topAuthors: z.array(z.object({ handle: z.string(), count: z.number() })),
  }),
  mentionIds: z.array(z.string()),
  createdAt: z.string(),
  incidentId: z.string().nullable(),
});
export const alertPageSchema = z.object({ items: z.array(alertSchema), nextCursor: z.string().nullable() });
export const openedIncidentSchema = z.object({ incidentId: z.string(), reference: z.string() });

const hhmm = z.string().regex(HH_MM, 'attendu une heure « HH:MM »');

export const routeSchema = z.object({
  id: z.string(),
  tier: tierSchema,
  channel: channelSchema,
  target: z.string(),
  quietFrom: z.string().nullable(),
  quietUntil: z.string().nullable(),
  enabled: z.boolean(),
  /** A webhook has a secret; it is shown once, in the answer that creates the route. */
  hasSecret: z.boolean(),
  createdAt: z.string(),
});
export const createdRouteSchema = routeSchema.extend({ secret: z.string().nullable() });
export const routeListSchema = z.object({ items: z.array(routeSchema) });

export const routeCreateBody = z
  .object({
    tier: tierSchema,
    channel: channelSchema,
    target: safeText(3, 500),
    quietFrom: hhmm.nullable().optional(),
    quietUntil: hhmm.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const routePatchBody = z
  .object({
    tier: tierSchema.optional(),
    target: safeText(3, 500).optional(),
    quietFrom: hhmm.nullable().optional(),
    quietUntil: hhmm.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

component(alertSchema, 'ListeningAlert');
component(routeSchema, 'AlertRoute');
